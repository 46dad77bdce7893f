/**
 * The course-pack format: the one definition of what a course in content/ may contain,
 * shared by the seed loader, `npm run content:check` and the authoring endpoints. A pack is
 * a course (metadata and the concept graph), its lessons (Markdown with front matter) and
 * its items (practice questions of eight types). Ids are stable across edits so that
 * re-seeding updates content without touching learners' progress.
 */
import { z } from 'zod';

/** Lower-case words joined by hyphens: stable, URL-safe, readable in logs. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Ids are lower-case words joined by hyphens, e.g. "walkers-visit".')
  .max(80);

export const ConceptSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(500),
  prerequisites: z.array(IdSchema).default([]),
});

export const CourseSchema = z.strictObject({
  slug: IdSchema,
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(1000),
  /** The programming language taught, e.g. "jac" or "javascript". */
  language: z.string().min(1).max(40),
  /** The version of that language every snippet targets, e.g. "0.8". */
  languageVersion: z.string().min(1).max(40),
  concepts: z.array(ConceptSchema).min(1),
});

export const LessonSchema = z.strictObject({
  id: IdSchema,
  concept: IdSchema,
  title: z.string().min(1).max(120),
  minutes: z.number().int().min(1).max(120),
  /** Markdown body (from the file, after its front matter). */
  body: z.string().min(1),
});

export const DifficultySchema = z.enum(['easy', 'medium', 'hard']);

const itemBase = {
  id: IdSchema,
  concept: IdSchema,
  difficulty: DifficultySchema,
  /** Markdown. */
  prompt: z.string().min(1),
  /** Shown after answering: why the answer is what it is. */
  explanation: z.string().min(1),
  /** Progressive hints, weakest first. */
  hints: z.array(z.string().min(1)).default([]),
};

const OptionSchema = z.strictObject({ id: IdSchema, text: z.string().min(1), correct: z.boolean().default(false) });

export const ItemSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...itemBase, type: z.literal('multiple-choice'), options: z.array(OptionSchema).min(2).max(8) }),
  z.strictObject({ ...itemBase, type: z.literal('multi-select'), options: z.array(OptionSchema).min(2).max(10) }),
  z.strictObject({ ...itemBase, type: z.literal('true-false'), answer: z.boolean() }),
  z.strictObject({ ...itemBase, type: z.literal('short-answer'), accepted: z.array(z.string().min(1)).min(1) }),
  z.strictObject({
    ...itemBase,
    type: z.literal('fill-blanks'),
    /** Code with `{{blank-id}}` where each blank goes. */
    code: z.string().min(1),
    blanks: z.array(z.strictObject({ id: IdSchema, accepted: z.array(z.string().min(1)).min(1) })).min(1),
  }),
  z.strictObject({ ...itemBase, type: z.literal('predict-output'), code: z.string().min(1), output: z.string() }),
  z.strictObject({
    ...itemBase,
    type: z.literal('parsons'),
    /** The lines in their correct order; learners get them shuffled. */
    lines: z.array(z.string()).min(2),
    distractors: z.array(z.string()).default([]),
  }),
  z.strictObject({
    ...itemBase,
    type: z.literal('code-exercise'),
    language: z.string().min(1),
    starter: z.string(),
    /** Hidden tests the evaluator runs against the learner's code; never sent to clients. */
    tests: z.string().min(1),
    /** Must pass every test (checked by `npm run content:check`). */
    solution: z.string().min(1),
    /** Plausible mistakes, each of which must fail a test: the proof that the tests test something. */
    wrongSolutions: z.array(z.strictObject({ why: z.string().min(1), code: z.string().min(1) })).min(1),
  }),
]);

export type Concept = z.infer<typeof ConceptSchema>;
export type Course = z.infer<typeof CourseSchema>;
export type Lesson = z.infer<typeof LessonSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type ItemType = Item['type'];

export interface CoursePack {
  course: Course;
  lessons: Lesson[];
  items: Item[];
}
