/**
 * Grading an answer against an item's key (the `answer` column, see
 * curriculum/item-parts.ts), for every item type but code exercises, which the evaluator
 * runs in a sandbox. Pure: the same answer and key always give the same verdict.
 * Free-text answers are compared after normalising what a learner should not be marked
 * wrong for: case (for words, not code), surrounding and repeated white space, and
 * trailing white space on output lines.
 */
export type Verdict = { gradable: true; correct: boolean } | { gradable: false; reason: string };

/** Words: case- and spacing-insensitive; Unicode-normalised so "café" matches however it is typed. */
export function normalizeWords(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Code fragments keep their case (identifiers are case-sensitive) but not their spacing. */
export function normalizeCode(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** Program output: line endings unified, trailing spaces and trailing blank lines ignored. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && new Set(a).size === a.length && a.every((value) => b.includes(value));

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

export function grade(type: string, key: Record<string, unknown>, response: unknown): Verdict {
  const malformed: Verdict = { gradable: false, reason: `This answer does not fit a ${type} item.` };
  switch (type) {
    case 'multiple-choice': {
      if (typeof response !== 'string' || !isStringArray(key.correct)) return malformed;
      return { gradable: true, correct: key.correct.length === 1 && key.correct[0] === response };
    }
    case 'multi-select': {
      if (!isStringArray(response) || !isStringArray(key.correct)) return malformed;
      return { gradable: true, correct: sameSet(response, key.correct) };
    }
    case 'true-false':
      if (typeof response !== 'boolean') return malformed;
      return { gradable: true, correct: response === key.value };
    case 'short-answer': {
      if (typeof response !== 'string' || !isStringArray(key.accepted)) return malformed;
      const given = normalizeWords(response);
      return { gradable: true, correct: key.accepted.some((accepted) => normalizeWords(accepted) === given) };
    }
    case 'fill-blanks': {
      const blanks = key.blanks as Record<string, unknown> | undefined;
      if (!blanks || typeof response !== 'object' || response === null || Array.isArray(response)) return malformed;
      const answers = response as Record<string, unknown>;
      const correct = Object.entries(blanks).every(([id, accepted]) => {
        const given = answers[id];
        return (
          typeof given === 'string' &&
          isStringArray(accepted) &&
          accepted.some((a) => normalizeCode(a) === normalizeCode(given))
        );
      });
      return { gradable: true, correct };
    }
    case 'predict-output':
      if (typeof response !== 'string' || typeof key.output !== 'string') return malformed;
      return { gradable: true, correct: normalizeOutput(response) === normalizeOutput(key.output) };
    case 'parsons': {
      if (!isStringArray(response) || !isStringArray(key.order)) return malformed;
      const order = key.order;
      return {
        gradable: true,
        correct: response.length === order.length && response.every((line, i) => line === order[i]),
      };
    }
    case 'code-exercise':
      return { gradable: false, reason: 'Code exercises are graded by the evaluator, which runs their hidden tests.' };
    default:
      return { gradable: false, reason: `Unknown item type "${type}".` };
  }
}
