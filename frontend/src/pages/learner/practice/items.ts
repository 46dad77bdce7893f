/**
 * Practice items as the widgets need them, and the answer each item type sends. An item's
 * `content` arrives as a loose record (PracticeItemSchema); `readItem` checks it once and
 * gives a typed view, so widgets never guess. A draft is what the learner has entered so
 * far; `buildResponse` turns it into the exact `response` POST /api/attempts grades
 * (worker/learning/grade.ts), or says what is still missing. Pure.
 */
import type { Schemas } from '../../../api/client';
import { initialParsons, parsonsAnswer, type ParsonsState } from './parsons';

export type PracticeItem = Schemas['PracticeItem'];

export interface Option {
  id: string;
  text: string;
}

/** A piece of fill-in code: literal text, or the place where blank `id` goes. */
export type CodeSegment = { kind: 'text'; text: string } | { kind: 'blank'; id: string };

export type ItemView =
  | { type: 'multiple-choice'; options: Option[] }
  | { type: 'multi-select'; options: Option[] }
  | { type: 'true-false' }
  | { type: 'short-answer' }
  | { type: 'fill-blanks'; code: string; segments: CodeSegment[]; blanks: string[] }
  | { type: 'predict-output'; code: string }
  | { type: 'parsons'; lines: string[] }
  | { type: 'code-exercise'; language: string; starter: string }
  | { type: 'unsupported'; reason: string };

export type ItemType = ItemView['type'];

/** What the learner has entered so far, one shape per item type. */
export type Draft =
  | { type: 'multiple-choice'; choice: string | null }
  | { type: 'multi-select'; chosen: string[] }
  | { type: 'true-false'; value: boolean | null }
  | { type: 'short-answer'; text: string }
  | { type: 'fill-blanks'; blanks: Record<string, string> }
  | { type: 'predict-output'; text: string }
  | { type: 'parsons'; parsons: ParsonsState }
  | { type: 'code-exercise'; code: string }
  | { type: 'unsupported' };

export type Built = { ok: true; response: unknown } | { ok: false; message: string };

/** The server's limit on a code answer (worker/practice/code-exercise.ts), counted in UTF-8 bytes. */
export const MAX_CODE_BYTES = 100 * 1024;

export const TYPE_LABELS: Record<ItemType, string> = {
  'multiple-choice': 'Multiple choice',
  'multi-select': 'Choose all that apply',
  'true-false': 'True or false',
  'short-answer': 'Short answer',
  'fill-blanks': 'Fill in the blanks',
  'predict-output': 'Predict the output',
  parsons: 'Put the lines in order',
  'code-exercise': 'Code exercise',
  unsupported: 'Question',
};

const isString = (value: unknown): value is string => typeof value === 'string';

function readOptions(value: unknown): Option[] | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const options = value.filter(
    (entry): entry is Option =>
      typeof entry === 'object' && entry !== null && isString(entry.id) && isString(entry.text),
  );
  return options.length === value.length ? options.map(({ id, text }) => ({ id, text })) : null;
}

const BLANK = /\{\{([a-z0-9]+(?:-[a-z0-9]+)*)\}\}/g;

/** `code` cut at each `{{id}}` of a known blank; other double braces stay text. */
export function codeSegments(code: string, blanks: readonly string[]): CodeSegment[] {
  const known = new Set(blanks);
  const segments: CodeSegment[] = [];
  let from = 0;
  for (const match of code.matchAll(BLANK)) {
    const id = match[1] ?? '';
    if (!known.has(id)) continue;
    if (match.index > from) segments.push({ kind: 'text', text: code.slice(from, match.index) });
    segments.push({ kind: 'blank', id });
    from = match.index + match[0].length;
  }
  if (from < code.length) segments.push({ kind: 'text', text: code.slice(from) });
  return segments;
}

/** The typed view of an item, or `unsupported` with why when its content does not fit its type. */
export function readItem(item: Pick<PracticeItem, 'type' | 'content'>): ItemView {
  const content = item.content;
  const broken: ItemView = { type: 'unsupported', reason: `This ${item.type} question arrived incomplete.` };
  switch (item.type) {
    case 'multiple-choice':
    case 'multi-select': {
      const options = readOptions(content.options);
      return options ? { type: item.type, options } : broken;
    }
    case 'true-false':
    case 'short-answer':
      return { type: item.type };
    case 'fill-blanks': {
      const { code, blanks } = content;
      if (!isString(code) || !Array.isArray(blanks) || !blanks.every(isString) || blanks.length === 0) return broken;
      return { type: 'fill-blanks', code, blanks, segments: codeSegments(code, blanks) };
    }
    case 'predict-output':
      return isString(content.code) ? { type: 'predict-output', code: content.code } : broken;
    case 'parsons': {
      const { lines } = content;
      return Array.isArray(lines) && lines.length >= 2 && lines.every(isString) ? { type: 'parsons', lines } : broken;
    }
    case 'code-exercise': {
      const { language, starter } = content;
      return isString(language) && isString(starter) ? { type: 'code-exercise', language, starter } : broken;
    }
    default:
      return { type: 'unsupported', reason: `Questions of type “${item.type}” cannot be answered here yet.` };
  }
}

/** A fresh draft: nothing chosen, blanks empty, Parsons lines as served, the starter code. */
export function emptyDraft(view: ItemView): Draft {
  switch (view.type) {
    case 'multiple-choice':
      return { type: view.type, choice: null };
    case 'multi-select':
      return { type: view.type, chosen: [] };
    case 'true-false':
      return { type: view.type, value: null };
    case 'short-answer':
    case 'predict-output':
      return { type: view.type, text: '' };
    case 'fill-blanks':
      return { type: view.type, blanks: Object.fromEntries(view.blanks.map((id) => [id, ''])) };
    case 'parsons':
      return { type: view.type, parsons: initialParsons(view.lines.length) };
    case 'code-exercise':
      return { type: view.type, code: view.starter };
    case 'unsupported':
      return { type: view.type };
  }
}

/** Multi-select: `id` toggled, the chosen ids kept in the options' order. */
export function toggleChoice(options: readonly Option[], chosen: readonly string[], id: string): string[] {
  const next = new Set(chosen);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return options.filter((option) => next.has(option.id)).map((option) => option.id);
}

const utf8 = new TextEncoder();

/** The `response` to send for `draft`, or the sentence saying what the learner still has to do. */
export function buildResponse(view: ItemView, draft: Draft): Built {
  if (view.type === 'unsupported' || draft.type !== view.type) {
    return { ok: false, message: view.type === 'unsupported' ? view.reason : 'This answer does not fit the question.' };
  }
  switch (draft.type) {
    case 'multiple-choice':
      return draft.choice === null ? { ok: false, message: 'Choose an option.' } : { ok: true, response: draft.choice };
    case 'multi-select':
      return draft.chosen.length === 0
        ? { ok: false, message: 'Choose at least one option.' }
        : { ok: true, response: [...draft.chosen] };
    case 'true-false':
      return draft.value === null
        ? { ok: false, message: 'Choose True or False.' }
        : { ok: true, response: draft.value };
    case 'short-answer':
      return draft.text.trim() === ''
        ? { ok: false, message: 'Type your answer.' }
        : { ok: true, response: draft.text.trim() };
    case 'predict-output':
      // A program may print nothing, so an empty answer is a real answer here.
      return { ok: true, response: draft.text };
    case 'fill-blanks': {
      const blanks = view.type === 'fill-blanks' ? view.blanks : [];
      const missing = blanks.filter((id) => (draft.blanks[id] ?? '').trim() === '').length;
      if (missing > 0) return { ok: false, message: `Fill in every blank (${missing} still empty).` };
      return { ok: true, response: Object.fromEntries(blanks.map((id) => [id, (draft.blanks[id] ?? '').trim()])) };
    }
    case 'parsons': {
      const lines = view.type === 'parsons' ? view.lines : [];
      const program = parsonsAnswer(lines, draft.parsons);
      return program.length === 0
        ? { ok: false, message: 'Put at least one line in your program.' }
        : { ok: true, response: program };
    }
    case 'code-exercise':
      if (draft.code.trim() === '') return { ok: false, message: 'Write some code first.' };
      if (utf8.encode(draft.code).byteLength > MAX_CODE_BYTES) {
        return { ok: false, message: `Code is limited to ${MAX_CODE_BYTES / 1024} KB.` };
      }
      return { ok: true, response: { code: draft.code } };
  }
}

/** Options a number key (1–9) can pick, in order; true/false counts as True, False. */
export function numberedChoices(view: ItemView): { id: string; text: string }[] {
  if (view.type === 'multiple-choice' || view.type === 'multi-select') return view.options.slice(0, 9);
  if (view.type === 'true-false') {
    return [
      { id: 'true', text: 'True' },
      { id: 'false', text: 'False' },
    ];
  }
  return [];
}

/** The draft after pressing number `n` (1-based), and what to announce; null when `n` picks nothing. */
export function pickByNumber(view: ItemView, draft: Draft, n: number): { draft: Draft; announce: string } | null {
  const choice = numberedChoices(view)[n - 1];
  if (!choice) return null;
  if (draft.type === 'multiple-choice') {
    return { draft: { ...draft, choice: choice.id }, announce: `Option ${n} selected: ${choice.text}` };
  }
  if (draft.type === 'multi-select' && view.type === 'multi-select') {
    const chosen = toggleChoice(view.options, draft.chosen, choice.id);
    const on = chosen.includes(choice.id);
    return { draft: { ...draft, chosen }, announce: `Option ${n} ${on ? 'checked' : 'unchecked'}: ${choice.text}` };
  }
  if (draft.type === 'true-false') {
    return { draft: { ...draft, value: choice.id === 'true' }, announce: `${choice.text} selected` };
  }
  return null;
}

/** The correct answer an attempt revealed, ready to show; null when there is nothing to show. */
export type Revealed =
  | { kind: 'choices'; ids: string[]; texts: string[] }
  | { kind: 'text'; text: string }
  | { kind: 'code'; title: string; code: string }
  | { kind: 'solution'; code: string };

/** Reads the attempt's `answer` (worker/practice/item-view.ts revealAnswer) for this item. */
export function revealedAnswer(view: ItemView, answer: unknown): Revealed | null {
  switch (view.type) {
    case 'multiple-choice':
    case 'multi-select': {
      if (!Array.isArray(answer)) return null;
      const ids = answer.filter(isString);
      const texts = ids.map((id) => view.options.find((option) => option.id === id)?.text ?? id);
      return ids.length ? { kind: 'choices', ids, texts } : null;
    }
    case 'true-false':
      return typeof answer === 'boolean' ? { kind: 'text', text: answer ? 'True' : 'False' } : null;
    case 'short-answer':
      return isString(answer) ? { kind: 'text', text: answer } : null;
    case 'predict-output':
      return isString(answer) ? { kind: 'code', title: 'The program prints', code: answer } : null;
    case 'fill-blanks': {
      if (typeof answer !== 'object' || answer === null) return null;
      const filled = answer as Record<string, unknown>;
      const code = view.segments
        .map((segment) => {
          if (segment.kind === 'text') return segment.text;
          const value = filled[segment.id];
          return isString(value) ? value : `{{${segment.id}}}`;
        })
        .join('');
      return { kind: 'code', title: 'The completed code', code };
    }
    case 'parsons':
      return Array.isArray(answer) && answer.every(isString)
        ? { kind: 'code', title: 'The lines in order', code: answer.join('\n') }
        : null;
    case 'code-exercise': {
      const solution = (answer as { solution?: unknown } | null)?.solution;
      return isString(solution) ? { kind: 'solution', code: solution } : null;
    }
    case 'unsupported':
      return null;
  }
}
