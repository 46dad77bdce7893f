/**
 * The right answer to an item built from its stored key (`items.answer`, as the grader
 * reads it), for tests that answer through the API or the browser without the content pack.
 * Undefined for types whose right answer is not in the key (code exercises).
 */
export function correctResponseFromKey(type: string, key: Record<string, unknown>): unknown {
  switch (type) {
    case 'multiple-choice':
      return (key.correct as string[])[0];
    case 'multi-select':
      return key.correct;
    case 'true-false':
      return key.value;
    case 'short-answer':
      return (key.accepted as string[])[0];
    case 'fill-blanks':
      return Object.fromEntries(
        Object.entries(key.blanks as Record<string, string[]>).map(([id, accepted]) => [id, accepted[0]]),
      );
    case 'predict-output':
      return key.output;
    case 'parsons':
      return key.order;
    default:
      return undefined;
  }
}
