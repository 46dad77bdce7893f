import { describe, expect, it } from 'vitest';
import { practiceResponse, toLiveQuestion, type LiveItemRow } from './questions';

const row = (overrides: Partial<LiveItemRow>): LiveItemRow => ({
  id: 'i1',
  slug: 'q1',
  type: 'multiple-choice',
  prompt: 'Which?',
  content: {
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
  },
  answer: { correct: ['a'] },
  explanation: 'Because a.',
  ...overrides,
});

describe('toLiveQuestion', () => {
  it('keeps the options and the key, and times the question', () => {
    expect(toLiveQuestion(row({}), 20_000)).toEqual({
      itemId: 'i1',
      itemSlug: 'q1',
      prompt: 'Which?',
      explanation: 'Because a.',
      timeLimitMs: 20_000,
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
      correct: ['a'],
      multiple: false,
    });
  });

  it('turns a true/false item into two options', () => {
    const question = toLiveQuestion(row({ type: 'true-false', content: {}, answer: { value: false } }), 10_000);
    expect(question?.options.map((option) => option.id)).toEqual(['true', 'false']);
    expect(question?.correct).toEqual(['false']);
  });

  it('marks multi-select questions and refuses what nobody could answer right', () => {
    expect(toLiveQuestion(row({ type: 'multi-select', answer: { correct: ['a', 'b'] } }), 1)?.multiple).toBe(true);
    expect(toLiveQuestion(row({ answer: { correct: ['a', 'b'] } }), 1)).toBeNull();
    expect(toLiveQuestion(row({ answer: { correct: ['z'] } }), 1)).toBeNull();
    expect(toLiveQuestion(row({ type: 'short-answer' }), 1)).toBeNull();
  });
});

describe('practiceResponse', () => {
  it('answers in the shape the attempts route grades for the item type', () => {
    expect(practiceResponse('multiple-choice', ['a'])).toBe('a');
    expect(practiceResponse('multi-select', ['a', 'b'])).toEqual(['a', 'b']);
    expect(practiceResponse('true-false', ['false'])).toBe(false);
  });
});
