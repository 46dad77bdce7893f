/** Words and numbers on the learner screens. */
import { describe, expect, it } from 'vitest';
import { codeSpans, dueWords, percentOf, plural, shortDate, weekday } from './learner-format';

describe('learner-format', () => {
  it('formats shares as whole percentages, and unknowns as a dash', () => {
    expect(percentOf(0.916)).toBe('92%');
    expect(percentOf(0)).toBe('0%');
    expect(percentOf(1)).toBe('100%');
    expect(percentOf(null)).toBe('—');
  });

  it('counts in words', () => {
    expect(plural(1, 'answer')).toBe('1 answer');
    expect(plural(1200, 'answer')).toBe('1,200 answers');
    expect(plural(2, 'day')).toBe('2 days');
  });

  it('splits a title at its code spans', () => {
    expect(codeSpans('`report`, `skip` and `disengage`')).toEqual([
      { text: 'report', code: true },
      { text: ', ', code: false },
      { text: 'skip', code: true },
      { text: ' and ', code: false },
      { text: 'disengage', code: true },
    ]);
    expect(codeSpans('Plain')).toEqual([{ text: 'Plain', code: false }]);
  });

  it('says when something is due relative to now', () => {
    const now = new Date(2025, 2, 10, 9, 0);
    expect(dueWords(new Date(2025, 2, 10, 8, 0).toISOString(), now)).toBe('now');
    expect(dueWords(new Date(2025, 2, 10, 18, 0).toISOString(), now)).toBe('today');
    expect(dueWords(new Date(2025, 2, 11, 7, 0).toISOString(), now)).toBe('tomorrow');
    expect(dueWords(new Date(2025, 2, 14, 7, 0).toISOString(), now)).toBe('in 4 days');
    expect(dueWords(new Date(2025, 3, 2, 7, 0).toISOString(), now)).toBe('on 2 Apr');
  });

  it('names API days without shifting them by the browser’s time zone', () => {
    expect(weekday('2025-03-10')).toBe('Mon');
    expect(weekday('2025-03-16', 'long')).toBe('Sunday 16 March');
    expect(shortDate('2025-03-01')).toBe('1 Mar');
  });
});
