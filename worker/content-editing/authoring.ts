/**
 * Editing a course in place, the pure part: what an author may send (a pack lesson or item
 * without the ids that learners' attempts, reviews and progress point at), an item rebuilt
 * as authored from its two stored halves (the inverse of item-parts' split), and the
 * pack's own checks applied to one edited item, as issues on its fields.
 */
import { z } from 'zod';
import {
  LessonSchema,
  ItemSchema,
  IdSchema,
  type CoursePack,
  type Item,
  type ItemType,
} from '../curriculum/pack-schema';
import { validatePack } from '../curriculum/validate-pack';
import type { ExerciseSandbox } from '../evaluation/sandbox';
import { verifyExercise } from '../evaluation/verify-exercise';

/** A lesson's editable part: its id and concept stay, so completions keep pointing at it. */
export const LessonEditSchema = LessonSchema.pick({ title: true, minutes: true, body: true });

/** A new lesson: its slug (the pack's id, fixed from then on) and its content. */
export const LessonCreateSchema = LessonEditSchema.extend({ slug: IdSchema });

const [multipleChoice, multiSelect, trueFalse, shortAnswer, fillBlanks, predictOutput, parsons, codeExercise] =
  ItemSchema.options;
const fixed = { id: true, concept: true } as const;

/**
 * An item's editable part: the pack's item of its type without `id` and `concept`. The type
 * is sent too but may not change (learners' answers were given, and graded, as that type).
 */
export const ItemEditSchema = z.discriminatedUnion('type', [
  multipleChoice.omit(fixed),
  multiSelect.omit(fixed),
  trueFalse.omit(fixed),
  shortAnswer.omit(fixed),
  fillBlanks.omit(fixed),
  predictOutput.omit(fixed),
  parsons.omit(fixed),
  codeExercise.omit(fixed),
]);

const withSlug = { slug: IdSchema };

/** A new item: its slug and its content, the type chosen once and for all. */
export const ItemCreateSchema = z.discriminatedUnion('type', [
  multipleChoice.omit(fixed).extend(withSlug),
  multiSelect.omit(fixed).extend(withSlug),
  trueFalse.omit(fixed).extend(withSlug),
  shortAnswer.omit(fixed).extend(withSlug),
  fillBlanks.omit(fixed).extend(withSlug),
  predictOutput.omit(fixed).extend(withSlug),
  parsons.omit(fixed).extend(withSlug),
  codeExercise.omit(fixed).extend(withSlug),
]);

export type LessonEdit = z.infer<typeof LessonEditSchema>;
export type ItemEdit = z.infer<typeof ItemEditSchema>;

/** One problem with a request, on the field it is about (the shape of a 400's `details`). */
export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/** An item as stored: the columns plus the learner-visible `content` and the grader's `answer`. */
export interface StoredItem {
  slug: string;
  type: string;
  difficulty: string;
  prompt: string;
  explanation: string;
  hints: string[];
  content: Record<string, unknown>;
  answer: Record<string, unknown>;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

/** `lines` without one occurrence of each of `taken`. */
function withoutEach(lines: readonly string[], taken: readonly string[]): string[] {
  const left = [...lines];
  for (const line of taken) {
    const at = left.indexOf(line);
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}

/** The type-specific fields of an item, from its stored halves (see item-parts.ts's split). */
function typedFields(type: string, content: Record<string, unknown>, answer: Record<string, unknown>) {
  switch (type) {
    case 'multiple-choice':
    case 'multi-select': {
      const correct = new Set(strings(answer.correct));
      const options = Array.isArray(content.options) ? (content.options as { id?: unknown; text?: unknown }[]) : [];
      return { options: options.map(({ id, text }) => ({ id, text, correct: correct.has(String(id)) })) };
    }
    case 'true-false':
      return { answer: answer.value };
    case 'short-answer':
      return { accepted: answer.accepted };
    case 'fill-blanks': {
      const accepted = (answer.blanks ?? {}) as Record<string, unknown>;
      return { code: content.code, blanks: strings(content.blanks).map((id) => ({ id, accepted: accepted[id] })) };
    }
    case 'predict-output':
      return { code: content.code, output: answer.output };
    case 'parsons': {
      // Learners get every line sorted by text; the key holds the solution's order, so the
      // distractors are what is left (in text order: the authored order is not stored).
      const order = strings(answer.order);
      return { lines: order, distractors: withoutEach(strings(content.lines), order) };
    }
    case 'code-exercise':
      return {
        language: content.language,
        starter: content.starter,
        tests: answer.tests,
        solution: answer.solution,
        wrongSolutions: answer.wrongSolutions,
      };
    default:
      return {};
  }
}

/** The item as its author wrote it (minus id and concept); throws when the stored row does not fit the pack format. */
export function joinItem(row: StoredItem): ItemEdit {
  const parsed = ItemEditSchema.safeParse({
    type: row.type,
    difficulty: row.difficulty,
    prompt: row.prompt,
    explanation: row.explanation,
    hints: row.hints,
    ...typedFields(row.type, row.content, row.answer),
  });
  if (!parsed.success) {
    throw new Error(`stored item ${row.slug} does not fit the pack format: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return parsed.data;
}

/** The field each of validate-pack's per-item problems is about, by item type. */
const PROBLEM_FIELD: Partial<Record<ItemType, string>> = {
  'multiple-choice': 'options',
  'multi-select': 'options',
  'fill-blanks': 'blanks',
  parsons: 'lines',
};

/**
 * What the pack's checks (content:check's, beyond the schema) find wrong with one item: a
 * one-item pack asks validatePack about just this item, so the rules are the pack's own.
 */
export function itemProblems(item: Item): FieldIssue[] {
  const pack: CoursePack = {
    course: {
      slug: 'edited',
      title: 'Edited',
      summary: 'The course of the item being edited.',
      language: 'any',
      languageVersion: 'any',
      concepts: [{ id: item.concept, title: 'Concept', summary: 'Its concept.', prerequisites: [] }],
    },
    lessons: [],
    items: [item],
  };
  return validatePack(pack).map((problem) => ({
    path: PROBLEM_FIELD[item.type] ?? 'type',
    message: problem.message.charAt(0).toUpperCase() + problem.message.slice(1) + '.',
    code: 'custom',
  }));
}

/** The field a verify-exercise message is about ("wrong solution 2 (…) passes…" → wrongSolutions.1). */
function exerciseField(message: string): string {
  const wrong = /^wrong solution (\d+)/.exec(message);
  if (wrong) return `wrongSolutions.${Number(wrong[1]) - 1}.code`;
  if (message.startsWith('language')) return 'language';
  if (message.startsWith('the solution')) return 'solution';
  return 'tests';
}

/**
 * A code exercise's proof that it can be graded, as content:check demands it: the solution
 * passes every test and each wrong solution fails one, run in the sandbox learners' code runs in.
 */
export async function exerciseProblems(item: Item, sandbox: ExerciseSandbox): Promise<FieldIssue[]> {
  if (item.type !== 'code-exercise') return [];
  const messages = await verifyExercise(item, sandbox);
  return messages.map((message) => ({
    path: exerciseField(message),
    message: message.charAt(0).toUpperCase() + message.slice(1) + '.',
    code: 'custom',
  }));
}

/** The type may not change under an item learners have answered as that type. */
export function typeChangeIssue(storedType: string, sentType: string): FieldIssue | null {
  return storedType === sentType
    ? null
    : {
        path: 'type',
        message: `An item's type cannot change (this one is ${storedType}): learners' answers were graded as one. Create a new item instead.`,
        code: 'custom',
      };
}
