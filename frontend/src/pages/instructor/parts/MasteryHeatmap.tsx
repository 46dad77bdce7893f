/**
 * The class's learner × concept mastery as a table: a row per learner (its header the
 * learner's name), a column per concept, each cell the mastery in words and a colour band
 * (heatmap.ts). Sortable by name and by average through buttons in the column headers,
 * with `aria-sort` saying the current order; the legend explains the bands.
 */
import { createMemo, createSignal, For, type JSX } from 'solid-js';
import {
  bandOf,
  BANDS,
  learnerAverage,
  nextOrder,
  percent,
  sortLearners,
  type ClassReport,
  type SortKey,
  type SortOrder,
} from './heatmap';

export function MasteryHeatmap(props: { report: ClassReport }): JSX.Element {
  const [order, setOrder] = createSignal<SortOrder>({ key: 'name', direction: 'ascending' });
  const rows = createMemo(() => sortLearners(props.report.learners, props.report.concepts, order()));
  const ariaSort = (key: SortKey) => (order().key === key ? order().direction : 'none');
  const arrow = (key: SortKey) => (order().key !== key ? '↕' : order().direction === 'ascending' ? '▲' : '▼');

  const SortHeader = (header: { key: SortKey; label: string }) => (
    <th scope="col" aria-sort={ariaSort(header.key)} class={header.key === 'name' ? 'sticky-col' : 'average-col'}>
      <button type="button" class="sort-button" onClick={() => setOrder(nextOrder(order(), header.key))}>
        {header.label}
        <span aria-hidden="true" class="sort-arrow">
          {arrow(header.key)}
        </span>
      </button>
    </th>
  );

  return (
    <div class="stack">
      <div class="table-wrap heatmap-wrap" tabindex="0" role="region" aria-labelledby="heatmap-caption">
        <table class="table heatmap">
          <caption id="heatmap-caption">
            Mastery by learner and concept. The column headers Learner and Average sort the rows.
          </caption>
          <thead>
            <tr>
              <SortHeader key="name" label="Learner" />
              <SortHeader key="average" label="Average" />
              <For each={props.report.concepts}>
                {(concept) => (
                  <th scope="col" class="concept-col">
                    {concept.title}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(learner) => (
                <tr>
                  <th scope="row" class="sticky-col">
                    {learner.displayName}
                  </th>
                  <td class="average-col">{percent(learnerAverage(learner, props.report.concepts))}</td>
                  <For each={props.report.concepts}>
                    {(concept) => {
                      const cell = learner.mastery[concept.slug];
                      const band = bandOf(cell);
                      return (
                        <td class={`cell band-${band}`}>
                          {cell ? percent(cell.probability) : '—'}
                          <span class="visually-hidden"> {BANDS.find((entry) => entry.id === band)?.label ?? ''}</span>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="legend">
        <span class="legend-title" id="heatmap-legend">
          Legend
        </span>
        <ul role="list" class="row" aria-labelledby="heatmap-legend">
          <For each={BANDS}>
            {(band) => (
              <li class="legend-item">
                <span class={`swatch band-${band.id}`} aria-hidden="true" />
                {band.label} <span class="muted">({band.range})</span>
              </li>
            )}
          </For>
        </ul>
      </div>
    </div>
  );
}
