/**
 * Splits an authored item into what a learner may see and what only the grader may read,
 * so "never send an answer to the client" holds by construction: the two are stored in
 * different columns and only `content` is ever serialised into a response.
 */
import type { Item } from './pack-schema';

export interface ItemParts {
  content: Record<string, unknown>;
  answer: Record<string, unknown>;
}

export function splitItem(item: Item): ItemParts {
  switch (item.type) {
    case 'multiple-choice':
    case 'multi-select':
      return {
        content: { options: item.options.map(({ id, text }) => ({ id, text })) },
        answer: { correct: item.options.filter((option) => option.correct).map((option) => option.id) },
      };
    case 'true-false':
      return { content: {}, answer: { value: item.answer } };
    case 'short-answer':
      return { content: {}, answer: { accepted: item.accepted } };
    case 'fill-blanks':
      return {
        content: { code: item.code, blanks: item.blanks.map((blank) => blank.id) },
        answer: { blanks: Object.fromEntries(item.blanks.map((blank) => [blank.id, blank.accepted])) },
      };
    case 'predict-output':
      return { content: { code: item.code }, answer: { output: item.output } };
    case 'parsons':
      // Lines go out in a fixed scrambled order (by text), so the order itself never leaks.
      return {
        content: { lines: [...item.lines, ...item.distractors].sort((a, b) => a.localeCompare(b)) },
        answer: { order: item.lines },
      };
    case 'code-exercise':
      return {
        content: { language: item.language, starter: item.starter },
        answer: { tests: item.tests, solution: item.solution, wrongSolutions: item.wrongSolutions },
      };
  }
}

/** Elo difficulty an authored item starts from (σ(θ − d) with θ = 0 gives 73% / 50% / 27%). */
export const STARTING_RATING = { easy: -1, medium: 0, hard: 1 } as const;
