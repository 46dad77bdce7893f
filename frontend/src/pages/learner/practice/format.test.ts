import { describe, expect, it } from 'vitest';
import {
  duration,
  dueWhen,
  humanize,
  levelLabel,
  limitAdvice,
  masteryDelta,
  masterySentence,
  percent,
  testTally,
} from './format';

describe('mastery words', () => {
  it('shows probabilities as whole percentages, clamped', () => {
    expect(percent(0.4237)).toBe('42%');
    expect(percent(1.0004)).toBe('100%');
    expect(percent(-0.01)).toBe('0%');
  });

  it('signs the change in points', () => {
    expect(masteryDelta({ before: 0.42, after: 0.55 })).toBe('+13 points');
    expect(masteryDelta({ before: 0.42, after: 0.41 })).toBe('−1 point');
    expect(masteryDelta({ before: 0.421, after: 0.424 })).toBe('no change');
  });

  it('says the level change only when there is one', () => {
    const base = { concept: 'walkers', before: 0.3, after: 0.62 };
    expect(masterySentence({ ...base, levelBefore: null, levelAfter: 'familiar' }, 'Walkers')).toBe(
      'Walkers: mastery 30% → 62% (+32 points), Not started → Familiar',
    );
    expect(masterySentence({ ...base, levelBefore: 'familiar', levelAfter: 'familiar' }, 'Walkers')).toBe(
      'Walkers: mastery 30% → 62% (+32 points), Familiar',
    );
    expect(levelLabel('proficient')).toBe('Proficient');
    expect(humanize('adjacency-lists')).toBe('Adjacency lists');
  });
});

describe('duration', () => {
  it('reads as seconds, minutes or hours', () => {
    expect(duration(42)).toBe('42 s');
    expect(duration(75)).toBe('1 min 15 s');
    expect(duration(120)).toBe('2 min');
    expect(duration(3720)).toBe('1 h 2 min');
    expect(duration(-3)).toBe('0 s');
  });
});

describe('dueWhen', () => {
  const now = new Date('2025-03-10T09:00:00Z');
  const at = (iso: string) => dueWhen(new Date(iso), now, 'en-GB', 'UTC');
  it('says minutes when close, the time today or tomorrow, the date further out', () => {
    expect(at('2025-03-10T08:59:00Z')).toBe('now');
    expect(at('2025-03-10T09:00:40Z')).toBe('in a minute');
    expect(at('2025-03-10T09:25:00Z')).toBe('in 25 minutes');
    expect(at('2025-03-10T18:30:00Z')).toBe('today at 18:30');
    expect(at('2025-03-11T07:05:00Z')).toBe('tomorrow at 07:05');
    expect(at('2025-03-14T12:00:00Z')).toBe('Friday 14 March at 12:00');
  });

  it('uses the learner’s own day: just after midnight in Tokyo is tomorrow there', () => {
    expect(dueWhen(new Date('2025-03-10T15:30:00Z'), now, 'en-GB', 'Asia/Tokyo')).toBe('tomorrow at 00:30');
  });
});

describe('test results', () => {
  const test = (status: 'pass' | 'fail' | 'error') => ({ name: status, status });
  it('tallies passed tests', () => {
    expect(testTally({ status: 'pass', tests: [test('pass'), test('pass')] })).toEqual({
      passed: 2,
      total: 2,
      summary: 'All 2 tests passed.',
    });
    expect(testTally({ status: 'fail', tests: [test('pass'), test('fail'), test('error')] }).summary).toBe(
      '1 of 3 tests passed.',
    );
    expect(testTally({ status: 'pass', tests: [test('pass')] }).summary).toBe('The test passed.');
  });

  it('error: a run that never reached the tests says so', () => {
    expect(testTally({ status: 'error', message: 'SyntaxError', tests: [] }).summary).toBe('The tests could not run.');
    expect(limitAdvice('time')).toContain('loop');
    expect(limitAdvice(undefined)).toBeNull();
  });
});
