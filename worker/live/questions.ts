/**
 * Turning items into live quiz questions: only the types a phone answers with a tap
 * (multiple choice, multi-select, true/false). Pure; the answer key goes to the room's
 * Durable Object and is shown to players only once the question closes.
 */
import type { LiveQuestion } from '../../durable/live/quiz-state';

export const LIVE_ITEM_TYPES = ['multiple-choice', 'multi-select', 'true-false'] as const;

export interface LiveItemRow {
  id: string;
  slug: string;
  type: string;
  prompt: string;
  content: Record<string, unknown>;
  answer: Record<string, unknown>;
  explanation: string;
}

export function toLiveQuestion(row: LiveItemRow, timeLimitMs: number): LiveQuestion | null {
  const base = { itemId: row.id, itemSlug: row.slug, prompt: row.prompt, explanation: row.explanation, timeLimitMs };
  if (row.type === 'true-false') {
    return {
      ...base,
      options: [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ],
      correct: [row.answer.value === true ? 'true' : 'false'],
      multiple: false,
    };
  }
  if (row.type !== 'multiple-choice' && row.type !== 'multi-select') return null;
  const options = Array.isArray(row.content.options) ? (row.content.options as { id: string; text: string }[]) : [];
  const correct = Array.isArray(row.answer.correct) ? (row.answer.correct as string[]) : [];
  const known = new Set(options.map((option) => option.id));
  // A question nobody could answer right is left out rather than asked.
  if (options.length < 2 || !correct.length || !correct.every((id) => known.has(id))) return null;
  if (row.type === 'multiple-choice' && correct.length !== 1) return null;
  return {
    ...base,
    options: options.map(({ id, text }) => ({ id, text })),
    correct,
    multiple: row.type === 'multi-select',
  };
}

/** A live answer as the attempts route takes it for the same item (practice counts it once). */
export function practiceResponse(itemType: string, optionIds: string[]): unknown {
  if (itemType === 'true-false') return optionIds[0] === 'true';
  return itemType === 'multi-select' ? optionIds : optionIds[0];
}
