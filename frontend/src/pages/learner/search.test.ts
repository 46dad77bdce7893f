/** Search snippets become text and <mark> segments whatever the ranges; typing is debounced into one call. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, snippetSegments } from './search';

describe('snippetSegments', () => {
  it('cuts the snippet at its highlight ranges, end exclusive', () => {
    expect(
      snippetSegments('A walker visits nodes', [
        [2, 8],
        [16, 21],
      ]),
    ).toEqual([
      { text: 'A ', marked: false },
      { text: 'walker', marked: true },
      { text: ' visits ', marked: false },
      { text: 'nodes', marked: true },
    ]);
  });

  it('sorts, merges and clamps bad ranges without losing or repeating text', () => {
    const text = 'walkers and walkers';
    const segments = snippetSegments(text, [
      [12, 19],
      [0, 4],
      [2, 7],
      [7, 7],
      [15, 99],
      [-5, 0],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments).toEqual([
      { text: 'walkers', marked: true },
      { text: ' and ', marked: false },
      { text: 'walkers', marked: true },
    ]);
  });

  it('returns the whole text unmarked without highlights, and nothing for an empty snippet', () => {
    expect(snippetSegments('plain', [])).toEqual([{ text: 'plain', marked: false }]);
    expect(snippetSegments('', [[0, 3]])).toEqual([]);
  });

  it('keeps markup in a snippet as text for the page to escape', () => {
    expect(snippetSegments('<b>x</b>', [[3, 4]])).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '</b>', marked: false },
    ]);
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once with the last arguments after a pause', () => {
    const run = vi.fn();
    const typed = debounce(run, 300);
    typed('w');
    vi.advanceTimersByTime(200);
    typed('wa');
    typed('walk');
    vi.advanceTimersByTime(299);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('walk');
  });

  it('can be cancelled (a submit or leaving the page)', () => {
    const run = vi.fn();
    const typed = debounce(run, 300);
    typed('walkers');
    typed.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
