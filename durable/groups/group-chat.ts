/**
 * Study-group chat rules, pure: what a message may contain (plain text: control and format
 * characters and HTML tags removed, so nothing a member types can run in another member's
 * browser however the client renders it), how much history a room keeps, and how long a
 * typing indicator lasts without being renewed.
 */
export const MAX_GROUP_MESSAGE_CHARS = 1000;
/** Messages kept per room; older ones are dropped. */
export const GROUP_HISTORY_KEPT = 100;
/** A typing indicator clears itself this long after the last keystroke report. */
export const TYPING_TTL_MS = 5000;

// C0/C1 controls except tab and newline, and Unicode format characters (bidi overrides, zero-width).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}]/gu;
// Anything shaped like an HTML tag or comment; a lone "<" (as in `a < b`) stays.
const TAG = /<\/?[a-zA-Z!][^<>]*>/g;

export type CleanMessage = { ok: true; text: string } | { ok: false; message: string };

export function cleanGroupMessage(raw: string): CleanMessage {
  const text = raw
    .normalize('NFC')
    .replace(FORBIDDEN, '')
    .replace(TAG, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
  if (!text) return { ok: false, message: 'The message is empty.' };
  if ([...text].length > MAX_GROUP_MESSAGE_CHARS) {
    return { ok: false, message: `Messages are limited to ${MAX_GROUP_MESSAGE_CHARS} characters.` };
  }
  return { ok: true, text };
}

export interface PracticeProgress {
  itemId: string;
  userId: string;
  correct: boolean;
}

/** Each member's tally over the group's practice set: answered and right, in item order. */
export function progressByMember(
  itemIds: readonly string[],
  answers: readonly PracticeProgress[],
): Record<string, { answered: number; correct: number; items: Record<string, boolean> }> {
  const inSet = new Set(itemIds);
  const out: Record<string, { answered: number; correct: number; items: Record<string, boolean> }> = {};
  for (const answer of answers) {
    if (!inSet.has(answer.itemId)) continue;
    const member = (out[answer.userId] ??= { answered: 0, correct: 0, items: {} });
    if (!(answer.itemId in member.items)) member.answered++;
    else if (member.items[answer.itemId]) member.correct--;
    member.items[answer.itemId] = answer.correct;
    if (answer.correct) member.correct++;
  }
  return out;
}
