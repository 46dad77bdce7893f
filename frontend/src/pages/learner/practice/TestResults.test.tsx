/** A code exercise's evaluation renders each test's outcome in words, with its message and console output. */
import { cleanup, render, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { TestResults } from './TestResults';

afterEach(cleanup);

describe('<TestResults>', () => {
  it('lists every test as passed, failed or errored, with its message and output', () => {
    render(() => (
      <TestResults
        idPrefix="t"
        evaluation={{
          status: 'fail',
          tests: [
            { name: 'an empty edge list gives an empty graph', status: 'pass' },
            {
              name: 'a node that is only a target still gets a key',
              status: 'fail',
              message: 'expected ["a"] to equal ["a","b","c"]',
              output: 'graph so far: { a: [ "b", "c" ] }',
            },
            { name: 'targets keep the order', status: 'error', message: 'TypeError: graph[from] is undefined' },
          ],
        }}
      />
    ));
    const section = screen.getByRole('region', { name: 'Test results' });
    expect(within(section).getByText('1 of 3 tests passed.')).toBeTruthy();
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.test-status')?.textContent)).toEqual(['Passed', 'Failed', 'Error']);
    expect(items[0]?.textContent).toContain('an empty edge list gives an empty graph');
    expect(items[0]?.querySelector('pre')).toBeNull();
    expect(items[1]?.textContent).toContain('expected ["a"] to equal ["a","b","c"]');
    expect(within(items[1] as HTMLElement).getByText('Console output')).toBeTruthy();
    expect(items[1]?.textContent).toContain('graph so far: { a: [ "b", "c" ] }');
    expect(items[2]?.textContent).toContain('TypeError: graph[from] is undefined');
  });

  it('says all passed when they did', () => {
    render(() => (
      <TestResults
        idPrefix="p"
        evaluation={{
          status: 'pass',
          tests: [
            { name: 'one', status: 'pass' },
            { name: 'two', status: 'pass' },
          ],
        }}
      />
    ));
    expect(screen.getByText('All 2 tests passed.').className).toContain('up');
  });

  it('error: a run stopped by a limit explains why, before any test ran', () => {
    render(() => (
      <TestResults
        idPrefix="e"
        evaluation={{ status: 'error', message: 'time limit exceeded (1000 ms)', limit: 'time', tests: [] }}
      />
    ));
    expect(screen.getByText('The tests could not run.')).toBeTruthy();
    expect(screen.getByText('time limit exceeded (1000 ms)')).toBeTruthy();
    expect(screen.getByText(/look for a loop that never ends/)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
