/** Draws a chart's table (chart-table.ts): the row-header column, then right-aligned numbers. */
import { For, type JSX } from 'solid-js';
import type { TableModel } from './chart-table';

export function ChartTable(props: { caption: string; table: TableModel }): JSX.Element {
  return (
    <table class="table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <For each={props.table.head}>
            {(label, index) => (
              <th scope="col" class={index() > 0 ? 'number' : undefined}>
                {label}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody>
        <For each={props.table.rows}>
          {(row) => (
            <tr>
              <th scope="row">{row.label}</th>
              <For each={row.cells}>{(cell) => <td class="number">{cell}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
