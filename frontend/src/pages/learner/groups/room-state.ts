/**
 * A study group's room as the browser holds it, built from the room's messages by pure
 * steps: who is online, the chat (the newest 100, like the room keeps), who is typing and
 * until when (the client clears an indicator itself when it runs out: a member who closes
 * the tab never sends "stopped"), the shared practice and everyone's progress through it.
 */
import { GROUP_HISTORY_KEPT, TYPING_TTL_MS } from '../../../../../durable/groups/group-chat';
import type { GroupChatMessage, GroupMember, GroupPractice, ServerMessage } from '../../../../../durable/protocol';

export { GROUP_HISTORY_KEPT, TYPING_TTL_MS };
export { MAX_GROUP_MESSAGE_CHARS } from '../../../../../durable/groups/group-chat';
export type { GroupChatMessage, GroupMember, GroupPractice };

export interface RoomState {
  group: { id: string; name: string } | null;
  online: GroupMember[];
  messages: GroupChatMessage[];
  /** Who is typing, with when the indicator runs out on this device's clock. */
  typing: Record<string, { member: GroupMember; expiresAt: number }>;
  practice: GroupPractice | null;
  /** Every member's name seen so far (online, in the chat, starting practice), for progress rows. */
  names: Record<string, string>;
  /** The last problem the room reported (a message refused, a limit), until the next message. */
  notice: { text: string; about?: string } | null;
}

export const emptyRoom = (): RoomState => ({
  group: null,
  online: [],
  messages: [],
  typing: {},
  practice: null,
  names: {},
  notice: null,
});

function withNames(names: Record<string, string>, members: readonly GroupMember[]): Record<string, string> {
  const next = { ...names };
  for (const member of members) next[member.userId] = member.name;
  return next;
}

/** Oldest first, each message once, the newest `GROUP_HISTORY_KEPT`. */
export function mergeMessages(
  current: readonly GroupChatMessage[],
  incoming: readonly GroupChatMessage[],
): GroupChatMessage[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.id - b.id).slice(-GROUP_HISTORY_KEPT);
}

/**
 * One message from the room. `now` is this device's clock: a typing indicator lasts the
 * room's TTL from when it arrived here, since the server's `until` is on the server's clock,
 * which this device does not know (and may be seconds off).
 */
export function applyRoomMessage(state: RoomState, message: ServerMessage, now: number): RoomState {
  switch (message.type) {
    case 'group-state':
      return {
        group: message.group,
        online: message.online,
        // A reconnect brings the whole history again; what was on screen is merged, not lost.
        messages: mergeMessages(state.messages, message.history),
        typing: {},
        practice: message.practice,
        names: withNames(
          withNames(
            state.names,
            message.history.map(({ userId, name }) => ({ userId, name })),
          ),
          [...message.online, ...(message.practice ? [message.practice.startedBy] : [])],
        ),
        notice: null,
      };
    case 'presence-update': {
      const online = new Set(message.online.map((member) => member.userId));
      // Someone who left is not typing any more.
      const typing = Object.fromEntries(Object.entries(state.typing).filter(([userId]) => online.has(userId)));
      return { ...state, online: message.online, typing, names: withNames(state.names, message.online) };
    }
    case 'group-message': {
      const { [message.message.userId]: _stopped, ...typing } = state.typing;
      return {
        ...state,
        messages: mergeMessages(state.messages, [message.message]),
        typing,
        names: withNames(state.names, [message.message]),
        notice: null,
      };
    }
    case 'typing': {
      const { [message.member.userId]: _previous, ...others } = state.typing;
      const typing =
        message.until === null
          ? others
          : { ...others, [message.member.userId]: { member: message.member, expiresAt: now + TYPING_TTL_MS } };
      return { ...state, typing };
    }
    case 'practice-set':
      return {
        ...state,
        practice: message.practice,
        names: withNames(state.names, [message.practice.startedBy]),
      };
    case 'practice-progress':
      return state.practice ? { ...state, practice: { ...state.practice, progress: message.progress } } : state;
    case 'error':
      return { ...state, notice: { text: message.message, ...(message.id ? { about: message.id } : {}) } };
    default:
      return state;
  }
}

/** Members typing right now, other than me, by name. */
export function activeTypers(typing: RoomState['typing'], now: number, self: string | undefined): GroupMember[] {
  return Object.values(typing)
    .filter((entry) => entry.expiresAt > now && entry.member.userId !== self)
    .map((entry) => entry.member)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Drops indicators that ran out; the same object when nothing changed. */
export function pruneTyping(typing: RoomState['typing'], now: number): RoomState['typing'] {
  const kept = Object.entries(typing).filter(([, entry]) => entry.expiresAt > now);
  return kept.length === Object.keys(typing).length ? typing : Object.fromEntries(kept);
}

/** When the next indicator runs out, to clear it then; null when nobody is typing. */
export function nextTypingExpiry(typing: RoomState['typing']): number | null {
  const times = Object.values(typing).map((entry) => entry.expiresAt);
  return times.length ? Math.min(...times) : null;
}

export function typingSentence(typers: readonly GroupMember[]): string {
  const names = typers.map((member) => member.name);
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}

/** Renew "I am typing" this often while typing: well inside the room's TTL. */
export const TYPING_RENEW_MS = 3000;

export interface TypingSent {
  active: boolean;
  sentAt: number;
}

/**
 * Whether to tell the room I am typing (true), that I stopped (false), or nothing (null),
 * given the draft now: renewed while there is text, said once when the text is gone.
 */
export function typingUpdate(sent: TypingSent, hasText: boolean, now: number): boolean | null {
  if (hasText) return !sent.active || now - sent.sentAt >= TYPING_RENEW_MS ? true : null;
  return sent.active ? false : null;
}

export interface ProgressRow {
  userId: string;
  name: string;
  answered: number;
  correct: number;
  total: number;
  online: boolean;
}

/** Everyone who has answered or is here, most answered first, then by name. */
export function progressRows(state: Pick<RoomState, 'practice' | 'names' | 'online'>): ProgressRow[] {
  const practice = state.practice;
  if (!practice) return [];
  const online = new Set(state.online.map((member) => member.userId));
  const ids = new Set([...Object.keys(practice.progress), ...online]);
  return [...ids]
    .map((userId) => {
      const tally = practice.progress[userId];
      return {
        userId,
        name: state.names[userId] ?? 'A member',
        answered: tally?.answered ?? 0,
        correct: tally?.correct ?? 0,
        total: practice.items.length,
        online: online.has(userId),
      };
    })
    .sort((a, b) => b.answered - a.answered || a.name.localeCompare(b.name));
}

/** Where answering the set starts: the first item I have not answered, else the first. */
export function firstOpen(items: readonly { id: string }[], mine: Record<string, boolean>): number {
  const open = items.findIndex((item) => !(item.id in mine));
  return open === -1 ? 0 : open;
}
