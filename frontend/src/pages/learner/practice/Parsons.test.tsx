/** Parsons lines reorder by keyboard (Move up / down, Leave out, Put back) and by drag and drop; moves are announced. */
import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { Parsons } from './Parsons';
import { initialParsons, parsonsAnswer, type ParsonsState } from './parsons';

const LINES = ['  return total;', 'function count(graph) {', '  let total = 0;', '}', '  return 0;'];

function setup() {
  const emitted: string[][] = [];
  const announced: string[] = [];
  const [state, setState] = createSignal<ParsonsState>(initialParsons(LINES.length));
  render(() => (
    <Parsons
      idPrefix="t"
      lines={LINES}
      state={state()}
      onChange={(next) => {
        setState(next);
        emitted.push(parsonsAnswer(LINES, next));
      }}
      announce={(message) => announced.push(message)}
      disabled={false}
    />
  ));
  const program = () => screen.getByRole('list', { name: 'Your program' });
  const leftOut = () => screen.getByRole('list', { name: 'Left out' });
  const texts = (list: HTMLElement) =>
    within(list)
      .queryAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent);
  const line = (text: string) => {
    const item = screen
      .getAllByRole('listitem')
      .find((candidate) => candidate.querySelector('code')?.textContent === text);
    if (!item) throw new Error(`no line ${text}`);
    return item;
  };
  return { emitted, announced, program, leftOut, texts, line, state };
}

afterEach(cleanup);

describe('<Parsons>', () => {
  it('orders the lines with the keyboard alternative and emits the answer order', async () => {
    const { emitted, announced, program, leftOut, texts, line } = setup();
    expect(texts(program())).toEqual(LINES);

    // "function count(graph) {" to the top.
    fireEvent.click(within(line('function count(graph) {')).getByRole('button', { name: /^Move up/ }));
    expect(announced.at(-1)).toBe('Moved “function count(graph) {” to line 1 of 5.');
    // "let total = 0;" up one, to line 2; focus stays on its button, so it could go on moving.
    fireEvent.click(within(line('  let total = 0;')).getByRole('button', { name: /^Move up/ }));
    await Promise.resolve();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move up: line 2, let total = 0;');
    // The distractor goes out.
    fireEvent.click(within(line('  return 0;')).getByRole('button', { name: /^Leave out/ }));
    expect(announced.at(-1)).toBe('Left out “return 0;”. Your program has 4 lines.');

    expect(texts(program())).toEqual(['function count(graph) {', '  let total = 0;', '  return total;', '}']);
    expect(texts(leftOut())).toEqual(['  return 0;']);
    expect(emitted.at(-1)).toEqual(['function count(graph) {', '  let total = 0;', '  return total;', '}']);
  });

  it('disables moves past the ends and puts a left-out line back at the end', () => {
    const { program, texts, line, announced } = setup();
    const first = line('  return total;');
    expect(within(first).getByRole('button', { name: /^Move up/ })).toHaveProperty('disabled', true);
    expect(within(line('  return 0;')).getByRole('button', { name: /^Move down/ })).toHaveProperty('disabled', true);

    fireEvent.click(within(first).getByRole('button', { name: /^Leave out/ }));
    fireEvent.click(within(line('  return total;')).getByRole('button', { name: /^Put back/ }));
    expect(texts(program()).at(-1)).toBe('  return total;');
    expect(announced.at(-1)).toBe('Moved “return total;” to line 5 of 5.');
  });

  it('reorders by drag and drop, within the program and out to “Left out”', () => {
    const { program, leftOut, texts, line, emitted } = setup();
    const dragged = line('}');
    fireEvent.dragStart(dragged);
    fireEvent.dragOver(line('  return total;'));
    fireEvent.drop(line('  return total;'));
    expect(texts(program())).toEqual([
      '}',
      '  return total;',
      'function count(graph) {',
      '  let total = 0;',
      '  return 0;',
    ]);

    // Dropped on the empty "Left out" column.
    fireEvent.dragStart(line('  return 0;'));
    const column = leftOut().closest('section');
    if (!column) throw new Error('no Left out column');
    fireEvent.dragOver(column);
    fireEvent.drop(column);
    expect(texts(leftOut())).toEqual(['  return 0;']);
    expect(emitted.at(-1)).toEqual(['}', '  return total;', 'function count(graph) {', '  let total = 0;']);
  });

  it('shows no move buttons once answered', () => {
    render(() => (
      <Parsons
        idPrefix="d"
        lines={LINES}
        state={initialParsons(LINES.length)}
        onChange={() => undefined}
        announce={() => undefined}
        disabled={true}
      />
    ));
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});
