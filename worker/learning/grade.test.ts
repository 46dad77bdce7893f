import { describe, expect, it } from 'vitest';
import { grade, normalizeOutput } from './grade';

const right = { gradable: true, correct: true };
const wrong = { gradable: true, correct: false };

describe('grade', () => {
  it('multiple choice: the one correct option', () => {
    expect(grade('multiple-choice', { correct: ['b'] }, 'b')).toEqual(right);
    expect(grade('multiple-choice', { correct: ['b'] }, 'a')).toEqual(wrong);
  });

  it('multi-select: exactly the correct set, in any order, no repeats', () => {
    expect(grade('multi-select', { correct: ['a', 'c'] }, ['c', 'a'])).toEqual(right);
    expect(grade('multi-select', { correct: ['a', 'c'] }, ['a'])).toEqual(wrong);
    expect(grade('multi-select', { correct: ['a', 'c'] }, ['a', 'c', 'd'])).toEqual(wrong);
    expect(grade('multi-select', { correct: ['a', 'c'] }, ['a', 'a'])).toEqual(wrong);
  });

  it('true/false', () => {
    expect(grade('true-false', { value: false }, false)).toEqual(right);
    expect(grade('true-false', { value: false }, 'false').gradable).toBe(false);
  });

  it('short answer: any accepted variant, ignoring case, spacing and Unicode form', () => {
    const key = { accepted: ['visit', 'the visit statement'] };
    expect(grade('short-answer', key, '  Visit ')).toEqual(right);
    expect(grade('short-answer', key, 'the   VISIT statement')).toEqual(right);
    expect(grade('short-answer', key, 'spawn')).toEqual(wrong);
    expect(grade('short-answer', { accepted: ['café'] }, 'cafe\u0301')).toEqual(right);
  });

  it('fill in the blanks: every blank, code spacing ignored but case kept', () => {
    const key = { blanks: { kw: ['walker'], target: ['here', 'self'] } };
    expect(grade('fill-blanks', key, { kw: ' walker', target: 'self' })).toEqual(right);
    expect(grade('fill-blanks', key, { kw: 'Walker', target: 'self' })).toEqual(wrong);
    expect(grade('fill-blanks', key, { kw: 'walker' })).toEqual(wrong);
    expect(grade('fill-blanks', key, ['walker', 'self']).gradable).toBe(false);
  });

  it('predict the output: exact lines, trailing spaces and final newlines forgiven', () => {
    const key = { output: 'Hello\nWorld\n' };
    expect(grade('predict-output', key, 'Hello  \r\nWorld')).toEqual(right);
    expect(grade('predict-output', key, 'hello\nWorld')).toEqual(wrong);
    expect(grade('predict-output', key, 'Hello\n\nWorld')).toEqual(wrong);
    expect(normalizeOutput('a \n\n')).toBe('a');
  });

  it('Parsons: the lines in the authored order, and no distractor', () => {
    const key = { order: ['walker W {', '  can go with entry;', '}'] };
    expect(grade('parsons', key, ['walker W {', '  can go with entry;', '}'])).toEqual(right);
    expect(grade('parsons', key, ['  can go with entry;', 'walker W {', '}'])).toEqual(wrong);
    expect(grade('parsons', key, ['walker W {', '  can go with entry;', '}', 'print(1);'])).toEqual(wrong);
  });

  it('leaves code exercises to the evaluator and refuses unknown types', () => {
    expect(grade('code-exercise', { tests: 'x' }, 'code').gradable).toBe(false);
    expect(grade('essay', {}, 'text')).toEqual({ gradable: false, reason: 'Unknown item type "essay".' });
  });
});
