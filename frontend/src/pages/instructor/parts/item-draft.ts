/**
 * An item being edited: one flat draft for every type (lists as one entry per line, so a
 * textarea can hold them while the author types), its conversion to and from the API's
 * `ItemFields`, the checks the pack format makes (worker/curriculum/pack-schema.ts and
 * validate-pack.ts) with the API's field paths, and fill-in blanks kept in step with the
 * `{{id}}` marks in their code. The API checks again, and runs code exercises. Pure.
 */
import type { Schemas } from '../../../api/client';

export type ItemFields = Schemas['ItemFields'];
export type ItemType = ItemFields['type'];
export type Difficulty = ItemFields['difficulty'];

export const ITEM_TYPES: { type: ItemType; label: string }[] = [
  { type: 'multiple-choice', label: 'Multiple choice (one answer)' },
  { type: 'multi-select', label: 'Multiple choice (several answers)' },
  { type: 'true-false', label: 'True or false' },
  { type: 'short-answer', label: 'Short answer' },
  { type: 'fill-blanks', label: 'Fill in the blanks' },
  { type: 'predict-output', label: 'Predict the output' },
  { type: 'parsons', label: 'Parsons (order the lines)' },
  { type: 'code-exercise', label: 'Code exercise' },
];

export interface OptionDraft {
  id: string;
  text: string;
  correct: boolean;
}

export interface ItemDraft {
  type: ItemType;
  difficulty: Difficulty;
  prompt: string;
  explanation: string;
  /** One hint per line, weakest first. */
  hints: string;
  options: OptionDraft[];
  answer: boolean;
  /** One accepted answer per line. */
  accepted: string;
  code: string;
  /** One per `{{id}}` in `code`, in order; each with its accepted answers, one per line. */
  blanks: { id: string; accepted: string }[];
  output: string;
  /** The solution's lines in order, one per line (indentation kept). */
  lines: string;
  distractors: string;
  language: string;
  starter: string;
  tests: string;
  solution: string;
  wrongSolutions: { why: string; code: string }[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text → entries, one per line: blank lines dropped, words trimmed, code indentation kept. */
function entries(text: string, keepIndent = false): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => (keepIndent ? line.trimEnd() : line.trim()))
    .filter((line) => line.trim() !== '');
}

const joined = (list: readonly string[] | undefined) => (list ?? []).join('\n');

export function emptyDraft(type: ItemType, language = 'javascript'): ItemDraft {
  return {
    type,
    difficulty: 'medium',
    prompt: '',
    explanation: '',
    hints: '',
    options:
      type === 'multiple-choice' || type === 'multi-select'
        ? [
            { id: 'a', text: '', correct: true },
            { id: 'b', text: '', correct: false },
          ]
        : [],
    answer: true,
    accepted: '',
    code: '',
    blanks: [],
    output: '',
    lines: '',
    distractors: '',
    language,
    starter: '',
    tests: '',
    solution: '',
    wrongSolutions: type === 'code-exercise' ? [{ why: '', code: '' }] : [],
  };
}

export function toDraft(fields: ItemFields): ItemDraft {
  const draft = emptyDraft(fields.type);
  const common = {
    ...draft,
    difficulty: fields.difficulty,
    prompt: fields.prompt,
    explanation: fields.explanation,
    hints: joined(fields.hints),
  };
  switch (fields.type) {
    case 'multiple-choice':
    case 'multi-select':
      return { ...common, options: fields.options.map((option) => ({ ...option, correct: option.correct })) };
    case 'true-false':
      return { ...common, answer: fields.answer };
    case 'short-answer':
      return { ...common, accepted: joined(fields.accepted) };
    case 'fill-blanks':
      return {
        ...common,
        code: fields.code,
        blanks: fields.blanks.map((blank) => ({ id: blank.id, accepted: joined(blank.accepted) })),
      };
    case 'predict-output':
      return { ...common, code: fields.code, output: fields.output };
    case 'parsons':
      return { ...common, lines: joined(fields.lines), distractors: joined(fields.distractors) };
    case 'code-exercise':
      return {
        ...common,
        language: fields.language,
        starter: fields.starter,
        tests: fields.tests,
        solution: fields.solution,
        wrongSolutions: fields.wrongSolutions.map((wrong) => ({ ...wrong })),
      };
  }
}

/** The body a PUT sends: only the draft's fields that belong to its type. */
export function fromDraft(draft: ItemDraft): ItemFields {
  const common = {
    difficulty: draft.difficulty,
    prompt: draft.prompt,
    explanation: draft.explanation,
    hints: entries(draft.hints),
  };
  switch (draft.type) {
    case 'multiple-choice':
    case 'multi-select':
      return { ...common, type: draft.type, options: draft.options.map((option) => ({ ...option })) };
    case 'true-false':
      return { ...common, type: draft.type, answer: draft.answer };
    case 'short-answer':
      return { ...common, type: draft.type, accepted: entries(draft.accepted) };
    case 'fill-blanks':
      return {
        ...common,
        type: draft.type,
        code: draft.code,
        blanks: draft.blanks.map((blank) => ({ id: blank.id, accepted: entries(blank.accepted) })),
      };
    case 'predict-output':
      return { ...common, type: draft.type, code: draft.code, output: draft.output };
    case 'parsons':
      return {
        ...common,
        type: draft.type,
        lines: entries(draft.lines, true),
        distractors: entries(draft.distractors, true),
      };
    case 'code-exercise':
      return {
        ...common,
        type: draft.type,
        language: draft.language,
        starter: draft.starter,
        tests: draft.tests,
        solution: draft.solution,
        wrongSolutions: draft.wrongSolutions.map((wrong) => ({ ...wrong })),
      };
  }
}

/** Whether two drafts would save the same item (what the unsaved-changes warning asks). */
export function sameItem(a: ItemDraft, b: ItemDraft): boolean {
  return JSON.stringify(fromDraft(a)) === JSON.stringify(fromDraft(b));
}

/** The blank ids marked in fill-in code, in order of first appearance. */
export function blankMarks(code: string): string[] {
  const ids: string[] = [];
  for (const match of code.matchAll(/\{\{([a-z0-9-]+)\}\}/g)) {
    const id = match[1];
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The blanks for `code`: one per mark, keeping what was accepted for a mark already there. */
export function syncBlanks(code: string, blanks: readonly { id: string; accepted: string }[]) {
  return blankMarks(code).map((id) => blanks.find((blank) => blank.id === id) ?? { id, accepted: '' });
}

/** A fresh option id (options are answered by id, so existing ones never change). */
export function newOptionId(options: readonly OptionDraft[]): string {
  const taken = new Set(options.map((option) => option.id));
  for (let n = options.length + 1; ; n++) {
    const id = `option-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** What the pack format would refuse, as { field path: sentence }, with the API's paths. */
export function draftProblems(draft: ItemDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  const need = (path: string, value: string, what: string) => {
    if (value.trim() === '') problems[path] = `Write ${what}.`;
  };
  need('prompt', draft.prompt, 'the prompt');
  need('explanation', draft.explanation, 'an explanation learners see after answering');

  switch (draft.type) {
    case 'multiple-choice':
    case 'multi-select': {
      const max = draft.type === 'multiple-choice' ? 8 : 10;
      draft.options.forEach((option, index) => need(`options.${index}.text`, option.text, 'the option'));
      const correct = draft.options.filter((option) => option.correct).length;
      if (draft.options.length < 2 || draft.options.length > max) {
        problems.options = `Give between 2 and ${max} options.`;
      } else if (draft.type === 'multiple-choice' && correct !== 1) {
        problems.options = 'Mark exactly one option as the correct one.';
      } else if (draft.type === 'multi-select' && correct === 0) {
        problems.options = 'Mark at least one option as correct.';
      }
      break;
    }
    case 'short-answer':
      if (entries(draft.accepted).length === 0) problems.accepted = 'Give at least one accepted answer.';
      break;
    case 'fill-blanks':
      need('code', draft.code, 'the code, with {{id}} where each blank goes');
      if (!problems.code && draft.blanks.length === 0) {
        problems.code = 'Mark at least one blank in the code, like {{name}}.';
      }
      draft.blanks.forEach((blank, index) => {
        if (entries(blank.accepted).length === 0) {
          problems[`blanks.${index}.accepted`] = `Give at least one accepted answer for {{${blank.id}}}.`;
        }
      });
      break;
    case 'predict-output':
      need('code', draft.code, 'the code whose output learners predict');
      break;
    case 'parsons': {
      const lines = entries(draft.lines, true);
      if (lines.length < 2) problems.lines = 'Give at least two lines, in their correct order.';
      else if (new Set(lines).size !== lines.length) {
        problems.lines = 'Every line must differ from the others, or their order is ambiguous.';
      }
      break;
    }
    case 'code-exercise':
      need('language', draft.language, 'the language');
      need('tests', draft.tests, 'the hidden tests');
      need('solution', draft.solution, 'a solution that passes every test');
      if (draft.wrongSolutions.length === 0) {
        problems.wrongSolutions = 'Give at least one wrong solution that a test catches.';
      }
      draft.wrongSolutions.forEach((wrong, index) => {
        need(`wrongSolutions.${index}.why`, wrong.why, 'the mistake this solution stands for');
        need(`wrongSolutions.${index}.code`, wrong.code, 'its code');
      });
      break;
    default:
      break;
  }
  return problems;
}

/** What is wrong with a new item's id, as the pack says ids are. */
export function slugProblem(slug: string): string | undefined {
  if (slug === '') return 'Give the new item or lesson an id.';
  if (slug.length > 80 || !SLUG.test(slug)) return 'Use lower-case words joined by hyphens, e.g. "walkers-visit".';
  return undefined;
}
