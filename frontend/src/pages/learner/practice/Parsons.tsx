/**
 * A Parsons problem: put the served lines in order; lines that do not belong go to "Left
 * out". Two ways to do everything: HTML5 drag and drop, and buttons on each line (Move up,
 * Move down, Leave out / Put back) for keyboards and screen readers. Every move is
 * announced, and focus stays on the moved line's button. The rules live in parsons.ts.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import {
  leaveOut,
  moveLine,
  putBack,
  shiftLine,
  type LinePosition,
  type ParsonsList,
  type ParsonsState,
} from './parsons';

export interface ParsonsProps {
  idPrefix: string;
  lines: string[];
  state: ParsonsState;
  onChange: (state: ParsonsState) => void;
  announce: (message: string) => void;
  disabled: boolean;
}

type Action = 'up' | 'down' | 'out' | 'back';

export function Parsons(props: ParsonsProps): JSX.Element {
  let root: HTMLDivElement | undefined;
  const [dragging, setDragging] = createSignal<LinePosition | null>(null);
  const [over, setOver] = createSignal<LinePosition | null>(null);

  const text = (line: number) => props.lines[line] ?? '';
  const spoken = (line: number) => `“${text(line).trim()}”`;

  /** After a move, keep focus on the moved line: its `action` button, or the other one at an end. */
  function refocus(line: number, actions: Action[]) {
    queueMicrotask(() => {
      for (const action of actions) {
        const button = root?.querySelector<HTMLButtonElement>(`[data-line="${line}"] [data-action="${action}"]`);
        if (button && !button.disabled) {
          button.focus();
          return;
        }
      }
    });
  }

  function act(line: number, index: number, action: Action) {
    const next =
      action === 'out'
        ? leaveOut(props.state, index)
        : action === 'back'
          ? putBack(props.state, index)
          : shiftLine(props.state, index, action === 'up' ? -1 : 1);
    props.onChange(next);
    const count = next.program.length;
    if (action === 'out') {
      props.announce(`Left out ${spoken(line)}. Your program has ${count} ${count === 1 ? 'line' : 'lines'}.`);
      refocus(line, ['back']);
    } else {
      props.announce(`Moved ${spoken(line)} to line ${next.program.indexOf(line) + 1} of ${count}.`);
      refocus(line, action === 'down' ? ['down', 'up', 'out'] : ['up', 'down', 'out']);
    }
  }

  function drop(to: LinePosition) {
    const from = dragging();
    setDragging(null);
    setOver(null);
    if (!from || props.disabled) return;
    const line = props.state[from.list][from.index];
    if (line === undefined) return;
    const next = moveLine(props.state, from, to);
    props.onChange(next);
    const position = next.program.indexOf(line);
    props.announce(
      position >= 0
        ? `Moved ${spoken(line)} to line ${position + 1} of ${next.program.length}.`
        : `Left out ${spoken(line)}.`,
    );
  }

  const listHandlers = (list: ParsonsList) => ({
    onDragOver: (event: DragEvent) => {
      if (!dragging()) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      drop({ list, index: props.state[list].length });
    },
  });

  function Line(lineProps: { line: number; index: number; list: ParsonsList }): JSX.Element {
    const position = (): LinePosition => ({ list: lineProps.list, index: lineProps.index });
    const isOver = () => over()?.list === lineProps.list && over()?.index === lineProps.index;
    const label = (verb: string) => `${verb}: line ${lineProps.index + 1}, ${text(lineProps.line).trim()}`;
    return (
      <li
        class="parsons-line"
        classList={{
          dragging: dragging()?.list === lineProps.list && dragging()?.index === lineProps.index,
          over: isOver(),
        }}
        data-line={lineProps.line}
        draggable={!props.disabled}
        onDragStart={(event) => {
          setDragging(position());
          // Firefox starts a drag only when some data is set.
          event.dataTransfer?.setData('text/plain', text(lineProps.line));
          if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        }}
        onDragEnd={() => {
          setDragging(null);
          setOver(null);
        }}
        onDragOver={(event) => {
          if (!dragging()) return;
          event.preventDefault();
          setOver(position());
        }}
        onDrop={(event) => {
          event.preventDefault();
          event.stopPropagation();
          drop(position());
        }}
      >
        <span class="grip" aria-hidden="true">
          ⠿
        </span>
        <code class="parsons-text">{text(lineProps.line)}</code>
        <Show when={!props.disabled}>
          <span class="parsons-actions">
            <Show
              when={lineProps.list === 'program'}
              fallback={
                <button
                  type="button"
                  data-action="back"
                  aria-label={label('Put back')}
                  onClick={() => act(lineProps.line, lineProps.index, 'back')}
                >
                  Put back
                </button>
              }
            >
              <button
                type="button"
                data-action="up"
                aria-label={label('Move up')}
                disabled={lineProps.index === 0}
                onClick={() => act(lineProps.line, lineProps.index, 'up')}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                data-action="down"
                aria-label={label('Move down')}
                disabled={lineProps.index === props.state.program.length - 1}
                onClick={() => act(lineProps.line, lineProps.index, 'down')}
              >
                <span aria-hidden="true">↓</span>
              </button>
              <button
                type="button"
                data-action="out"
                aria-label={label('Leave out')}
                onClick={() => act(lineProps.line, lineProps.index, 'out')}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </Show>
          </span>
        </Show>
      </li>
    );
  }

  return (
    <div class="parsons" ref={(element) => (root = element)}>
      <p class="hint" id={`${props.idPrefix}-parsons-hint`}>
        Drag the lines into order, or use each line’s ↑ and ↓ buttons. Lines that do not belong go to “Left out” (✕).
      </p>
      <div class="parsons-lists">
        <section class="parsons-column" aria-labelledby={`${props.idPrefix}-program`} {...listHandlers('program')}>
          <h3 id={`${props.idPrefix}-program`}>Your program</h3>
          <ol
            class="parsons-list"
            aria-labelledby={`${props.idPrefix}-program`}
            aria-describedby={`${props.idPrefix}-parsons-hint`}
          >
            <For each={props.state.program}>{(line, index) => <Line line={line} index={index()} list="program" />}</For>
          </ol>
          <Show when={props.state.program.length === 0}>
            <p class="parsons-empty muted">No lines yet: drag or put back lines here.</p>
          </Show>
        </section>
        <section class="parsons-column" aria-labelledby={`${props.idPrefix}-unused`} {...listHandlers('unused')}>
          <h3 id={`${props.idPrefix}-unused`}>Left out</h3>
          <ul class="parsons-list unused" aria-labelledby={`${props.idPrefix}-unused`}>
            <For each={props.state.unused}>{(line, index) => <Line line={line} index={index()} list="unused" />}</For>
          </ul>
          <Show when={props.state.unused.length === 0}>
            <p class="parsons-empty muted">No lines left out.</p>
          </Show>
        </section>
      </div>
    </div>
  );
}
