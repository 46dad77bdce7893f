import { describe, expect, it } from 'vitest';
import { chartTable } from './chart-table';

describe('chartTable', () => {
  const courses = [
    { title: 'Graphs', started: 12, rate: 0.25 },
    { title: 'Jac basics', started: 3, rate: null },
  ];

  it('labels the columns and names each row by its first cell, the others as text', () => {
    const table = chartTable(courses, [
      { label: 'Course', cell: (course) => course.title },
      { label: 'Started', cell: (course) => course.started },
      { label: 'Completion', cell: (course) => (course.rate === null ? '—' : `${course.rate * 100}%`) },
    ]);
    expect(table).toEqual({
      head: ['Course', 'Started', 'Completion'],
      rows: [
        { label: 'Graphs', cells: ['12', '25%'] },
        { label: 'Jac basics', cells: ['3', '—'] },
      ],
    });
  });

  it('passes each row its index, for values kept in a parallel array', () => {
    const counts = [40, 2];
    const table = chartTable(
      ['Learners', 'Admins'],
      [
        { label: 'Role', cell: (role) => role },
        { label: 'Users', cell: (_, index) => counts[index] ?? 0 },
      ],
    );
    expect(table.rows).toEqual([
      { label: 'Learners', cells: ['40'] },
      { label: 'Admins', cells: ['2'] },
    ]);
  });

  it('keeps the header row when there is nothing to list', () => {
    expect(chartTable([], [{ label: 'Day', cell: (day: string) => day }])).toEqual({ head: ['Day'], rows: [] });
  });
});
