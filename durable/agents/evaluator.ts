/**
 * The evaluator agent's pure core: the verdict on an answer of any item type and specific
 * feedback on it ("You chose …; the answer is …", the first line that differs, the tests
 * that failed). Fixed-answer types are graded by worker/learning/grade.ts; a code exercise
 * by its Evaluation, which the caller gets by running the hidden tests in the sandbox
 * first (the only step with I/O, kept out of here). Pure: same inputs, same verdict and
 * the same points, most important first.
 */
import type { Evaluation, EvaluatedTest } from '../../worker/evaluation/evaluation';
import { grade, normalizeCode, normalizeOutput, normalizeWords } from '../../worker/learning/grade';

type Json = Record<string, unknown>;

export type Judgement =
  | { gradable: true; correct: boolean; feedback: string[]; evaluation?: Evaluation }
  | { gradable: false; reason: string };

/** Enough failing tests to act on; the rest are counted. */
export const FAILED_TESTS_SHOWN = 3;
/** Accepted answers listed for a short answer. */
const ACCEPTED_SHOWN = 3;
/** Longer quoted text (a line of output, a test message) is cut to this. */
const QUOTE_CHARS = 200;

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

function quote(text: string): string {
  const clipped = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text;
  return `"${clipped}"`;
}

const list = (texts: string[]) => texts.map(quote).join(', ');
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The verdict and feedback on one answer; code exercises need the run's `evaluation`. */
export function judge(
  item: { type: string; answer: Json; content: Json },
  response: unknown,
  evaluation?: Evaluation,
): Judgement {
  if (item.type === 'code-exercise') {
    if (!evaluation) return { gradable: false, reason: 'A code exercise is graded by running its tests first.' };
    const correct = evaluation.status === 'pass';
    const feedback = feedbackFor(item.type, item.answer, item.content, response, correct, evaluation);
    return { gradable: true, correct, feedback, evaluation };
  }
  const verdict = grade(item.type, item.answer, response);
  if (!verdict.gradable) return verdict;
  const feedback = feedbackFor(item.type, item.answer, item.content, response, verdict.correct);
  return { gradable: true, correct: verdict.correct, feedback };
}

/**
 * Specific feedback on an answer already graded (`correct`): what was chosen or written
 * against what was expected. `key` is the item's answer column, `content` what the learner
 * was shown; both come from the database, so every field is checked before it is used.
 */
export function feedbackFor(
  type: string,
  key: Json,
  content: Json,
  response: unknown,
  correct: boolean,
  evaluation?: Evaluation,
): string[] {
  switch (type) {
    case 'multiple-choice':
      return multipleChoice(key, content, response, correct);
    case 'multi-select':
      return multiSelect(key, content, response, correct);
    case 'true-false':
      return trueFalse(key, response, correct);
    case 'short-answer':
      return shortAnswer(key, response, correct);
    case 'fill-blanks':
      return fillBlanks(key, content, response, correct);
    case 'predict-output':
      return predictOutput(key, response, correct);
    case 'parsons':
      return parsons(key, content, response, correct);
    case 'code-exercise':
      return evaluation ? codeExercise(evaluation) : [];
    default:
      return [];
  }
}

function optionTexts(content: Json): Map<string, string> {
  const options = Array.isArray(content.options) ? (content.options as unknown[]) : [];
  const texts = new Map<string, string>();
  for (const option of options) {
    const { id, text } = (option ?? {}) as { id?: unknown; text?: unknown };
    if (typeof id === 'string' && typeof text === 'string') texts.set(id, text);
  }
  return texts;
}

function multipleChoice(key: Json, content: Json, response: unknown, correct: boolean): string[] {
  const texts = optionTexts(content);
  const text = (id: string) => texts.get(id) ?? id;
  const answers = isStringArray(key.correct) ? key.correct : [];
  const chosen = typeof response === 'string' ? response : '';
  if (correct) return [`You chose ${quote(text(chosen))}, which is right.`];
  const answer = answers.length ? `the answer is ${list(answers.map(text))}` : 'that is not the answer';
  if (!texts.has(chosen)) return [`${quote(chosen)} is not one of the options; ${answer}.`];
  return [`You chose ${quote(text(chosen))}; ${answer}.`];
}

function multiSelect(key: Json, content: Json, response: unknown, correct: boolean): string[] {
  const texts = optionTexts(content);
  const text = (id: string) => texts.get(id) ?? id;
  const answers = new Set(isStringArray(key.correct) ? key.correct : []);
  const chosen = isStringArray(response) ? response : [];
  if (correct) return [`You chose all ${plural(answers.size, 'right option')} and nothing else.`];
  const points: string[] = [];
  const missing = [...answers].filter((id) => !chosen.includes(id));
  const extra = [...new Set(chosen)].filter((id) => !answers.has(id) && texts.has(id));
  const unknown = [...new Set(chosen)].filter((id) => !texts.has(id));
  const repeated = [...new Set(chosen.filter((id, index) => chosen.indexOf(id) !== index))];
  if (missing.length)
    points.push(`Missing: ${list(missing.map(text))} ${missing.length === 1 ? 'is' : 'are'} also right.`);
  if (extra.length) points.push(`Not right: ${list(extra.map(text))} should not be chosen.`);
  if (unknown.length) points.push(`Not among the options: ${list(unknown)}.`);
  if (repeated.length) points.push(`Chosen more than once: ${list(repeated.map(text))}.`);
  return points;
}

function trueFalse(key: Json, response: unknown, correct: boolean): string[] {
  const truth = key.value === true ? 'true' : 'false';
  if (correct) return [`Right: the statement is ${truth}.`];
  return [`You answered ${String(response)}; the statement is ${truth}.`];
}

function shortAnswer(key: Json, response: unknown, correct: boolean): string[] {
  const accepted = isStringArray(key.accepted) ? key.accepted : [];
  const given = typeof response === 'string' ? response : '';
  if (correct) {
    const match = accepted.find((answer) => normalizeWords(answer) === normalizeWords(given));
    return match === undefined || match === given.trim()
      ? [`${quote(given.trim())} is accepted.`]
      : [`${quote(given.trim())} is accepted, as ${quote(match)}.`];
  }
  const shown = accepted.slice(0, ACCEPTED_SHOWN);
  const more = accepted.length > shown.length ? ` (and ${accepted.length - shown.length} more)` : '';
  return [
    given.trim() ? `You answered ${quote(given.trim())}.` : 'Your answer was empty.',
    `Accepted: ${list(shown)}${more}; case and spacing do not matter.`,
  ];
}

function fillBlanks(key: Json, content: Json, response: unknown, correct: boolean): string[] {
  const blanks = (key.blanks ?? {}) as Record<string, unknown>;
  if (correct) return [`Every blank fits (${plural(Object.keys(blanks).length, 'blank')}).`];
  const answers = (typeof response === 'object' && response !== null ? response : {}) as Record<string, unknown>;
  // The order the learner saw them in, then any the content does not list.
  const order = isStringArray(content.blanks) ? content.blanks : [];
  const ids = [...order, ...Object.keys(blanks).filter((id) => !order.includes(id))];
  const points: string[] = [];
  for (const [index, id] of ids.entries()) {
    const accepted = blanks[id];
    const fitting = isStringArray(accepted) ? accepted[0] : undefined;
    if (!isStringArray(accepted) || fitting === undefined) continue;
    const given = answers[id];
    const fits = typeof given === 'string' && accepted.some((a) => normalizeCode(a) === normalizeCode(given));
    if (fits) continue;
    const which = `Blank ${index + 1} (${id})`;
    const what = typeof given === 'string' && given.trim() ? `you wrote ${quote(given.trim())}` : 'you left it empty';
    points.push(`${which}: ${what}; ${quote(fitting)} fits there.`);
  }
  return points;
}

function predictOutput(key: Json, response: unknown, correct: boolean): string[] {
  if (correct) return ['Your output matches, line for line.'];
  const expected = normalizeOutput(typeof key.output === 'string' ? key.output : '');
  const given = normalizeOutput(typeof response === 'string' ? response : '');
  const want = expected === '' ? [] : expected.split('\n');
  const got = given === '' ? [] : given.split('\n');
  const points: string[] = [];
  const line = want.findIndex((text, index) => got[index] !== text);
  const [wanted, yours, extra] = [want[line], got[line], got[want.length]];
  if (wanted !== undefined) {
    points.push(
      yours === undefined
        ? `Line ${line + 1}: expected ${quote(wanted)}, but your output ends before it.`
        : `Line ${line + 1}: expected ${quote(wanted)}, yours is ${quote(yours)}.`,
    );
  } else if (extra !== undefined) {
    points.push(`The output ends after line ${want.length}; yours goes on with ${quote(extra)}.`);
  }
  points.push(`Expected output:\n${expected || '(nothing)'}`, `Your output:\n${given || '(nothing)'}`);
  return points;
}

/** Removes one occurrence of each of `lines` from `pool` (lines may repeat, such as "}"). */
function takeAway(pool: string[], lines: string[]): string[] {
  const left = [...pool];
  for (const line of lines) {
    const index = left.indexOf(line);
    if (index >= 0) left.splice(index, 1);
  }
  return left;
}

function parsons(key: Json, content: Json, response: unknown, correct: boolean): string[] {
  const order = isStringArray(key.order) ? key.order : [];
  if (correct) return [`Every line is in its place (${plural(order.length, 'line')}).`];
  const given = isStringArray(response) ? response : [];
  const shown = isStringArray(content.lines) ? content.lines : [];
  const distractors = takeAway(shown, order);
  const points: string[] = [];
  // Distractors first: a line that does not belong at all is the bigger mistake.
  const used = given.filter((line) => distractors.includes(line) && !order.includes(line));
  if (used.length) {
    points.push(
      `${used.length === 1 ? 'This line does' : 'These lines do'} not belong in the solution: ${list(used.map((l) => l.trim()))}.`,
    );
  }
  const kept = takeAway(given, used);
  const missing = takeAway(order, kept);
  if (missing.length) points.push(`Missing: ${list(missing.map((l) => l.trim()))}.`);
  // Order is judged among the lines that belong and are there, so a missing line is not also "out of order".
  const expected = takeAway(order, missing);
  const first = expected.findIndex((line, index) => kept[index] !== line);
  const [should, is] = [expected[first], kept[first]];
  if (should !== undefined && is !== undefined) {
    points.push(`Line ${first + 1} is out of order: it should be ${quote(should.trim())}, not ${quote(is.trim())}.`);
  }
  if (!points.length && given.length > order.length)
    points.push(`The solution has ${plural(order.length, 'line')}; yours has ${given.length}.`);
  return points;
}

const LIMIT_HINTS = {
  time: 'Stopped: the code ran past its instruction budget — is there a loop that never ends?',
  memory: 'Stopped: the code ran out of memory (32 MB) — is something growing without end?',
  stack: 'Stopped: the stack overflowed — does the recursion always reach its base case?',
} as const;

function testPoint(test: EvaluatedTest): string {
  const why = test.message ? `: ${test.message}` : '';
  return test.status === 'error' ? `Test ${quote(test.name)} threw${why}` : `Test ${quote(test.name)} failed${why}`;
}

function codeExercise(evaluation: Evaluation): string[] {
  const { tests } = evaluation;
  const passed = tests.filter((test) => test.status === 'pass').length;
  if (evaluation.status === 'pass') return [`All ${plural(tests.length, 'test')} passed.`];
  const failing = tests.filter((test) => test.status !== 'pass');
  const points: string[] = [];
  if (evaluation.status === 'error') {
    if (evaluation.limit) {
      points.push(LIMIT_HINTS[evaluation.limit]);
      // Where it happened: the test that hit the limit (the first one that did not pass).
      const where = failing[0];
      if (where) points.push(`It happened in test ${quote(where.name)}.`);
      return points;
    }
    points.push(`Your code did not run to the end: ${evaluation.message ?? 'it stopped with an error'}.`);
    if (!tests.length) return points;
  }
  points.push(`${passed} of ${plural(tests.length, 'test')} passed.`);
  points.push(...failing.slice(0, FAILED_TESTS_SHOWN).map(testPoint));
  if (failing.length > FAILED_TESTS_SHOWN) {
    points.push(`… and ${plural(failing.length - FAILED_TESTS_SHOWN, 'more test')} did not pass.`);
  }
  return points;
}
