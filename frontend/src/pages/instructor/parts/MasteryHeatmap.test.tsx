/** The heatmap is a real table: learners as row headers, concepts as column headers, sortable with aria-sort. */
import { cleanup, fireEvent, render, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassReport } from './heatmap';
import { MasteryHeatmap } from './MasteryHeatmap';

const report: ClassReport = {
  class: { id: 'c1', name: 'Period 3' },
  concepts: [
    { slug: 'nodes', title: 'Nodes' },
    { slug: 'edges', title: 'Edges' },
  ],
  learners: [
    {
      userId: 'u1',
      displayName: 'Zoe',
      lastActiveAt: null,
      answers: 12,
      accuracy: 0.9,
      mastery: { nodes: { level: 'mastered', probability: 0.96 }, edges: { level: 'familiar', probability: 0.6 } },
    },
    {
      userId: 'u2',
      displayName: 'Adam',
      lastActiveAt: null,
      answers: 2,
      accuracy: 0.5,
      mastery: { nodes: { level: 'attempted', probability: 0.3 }, edges: null },
    },
  ],
  struggling: [],
};

const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);

describe('<MasteryHeatmap>', () => {
  afterEach(cleanup);

  it('writes each cell as a percentage with its band, in a table with row and column headers', () => {
    const screen = within(render(() => <MasteryHeatmap report={report} />).container);
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent?.replace(/[▲▼↕]/g, ''))).toEqual([
      'Learner',
      'Average',
      'Nodes',
      'Edges',
    ]);
    const zoe = screen.getByRole('rowheader', { name: 'Zoe' }).closest('tr');
    if (!zoe) throw new Error('no row for Zoe');
    const cells = within(zoe).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['78%', '96% Mastered', '60% Familiar']);
    expect(cells[1]?.className).toContain('band-mastered');
    const adam = screen.getByRole('rowheader', { name: 'Adam' }).closest('tr');
    expect(adam && within(adam).getAllByRole('cell')[2]?.textContent).toBe('— Not practised');
    expect(screen.getByText('Legend')).toBeTruthy();
  });

  it('sorts by name, then by average high to low, saying so with aria-sort', () => {
    const screen = within(render(() => <MasteryHeatmap report={report} />).container);
    expect(rowNames(screen.getByRole('table'))).toEqual(['Adam', 'Zoe']);
    const nameHeader = screen.getByRole('columnheader', { name: /Learner/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(nameHeader).getByRole('button'));
    expect(rowNames(screen.getByRole('table'))).toEqual(['Zoe', 'Adam']);
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');

    const averageHeader = screen.getByRole('columnheader', { name: /Average/ });
    fireEvent.click(within(averageHeader).getByRole('button'));
    expect(averageHeader.getAttribute('aria-sort')).toBe('descending');
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
    expect(rowNames(screen.getByRole('table'))).toEqual(['Zoe', 'Adam']);
    fireEvent.click(within(averageHeader).getByRole('button'));
    expect(rowNames(screen.getByRole('table'))).toEqual(['Adam', 'Zoe']);
  });
});
