/**
 * The conversation with the tutor team as plain data and pure steps: a question asked
 * (over the live channel or, when it is down, over HTTP), its answer, a failure the
 * learner can retry, pushes the channel brings by itself, and what a dropped connection
 * does to questions still waiting on it. The screen keeps one value and replaces it.
 */
import type { ServerMessage } from '../../../../../durable/protocol';
import { readReply, type AgentReply, type PushEvent } from './agents';

export type Channel = 'socket' | 'http';

export type Entry =
  | {
      kind: 'learner';
      id: string;
      text: string;
      at: number;
      state: 'sending' | 'answered' | 'failed';
      via: Channel;
      error?: string;
      /** When a rate-limited question may be sent again (epoch ms). */
      retryAfter?: number;
    }
  | { kind: 'agent'; id: string; question: string; reply: AgentReply; at: number }
  | { kind: 'push'; id: string; event: PushEvent; reply?: AgentReply; at: number };

export interface Conversation {
  entries: Entry[];
  /** A problem not tied to one question (a malformed frame, a limit), shown above the composer. */
  notice: string | null;
}

/** The newest turns kept on screen; older ones scroll away for good. */
export const MAX_ENTRIES = 200;

export const emptyConversation = (): Conversation => ({ entries: [], notice: null });

function capped(entries: Entry[]): Entry[] {
  return entries.length > MAX_ENTRIES ? entries.slice(entries.length - MAX_ENTRIES) : entries;
}

function updateQuestion(
  conversation: Conversation,
  id: string,
  change: (entry: Extract<Entry, { kind: 'learner' }>) => Entry,
): Conversation {
  let found = false;
  const entries = conversation.entries.map((entry) => {
    if (entry.kind !== 'learner' || entry.id !== id) return entry;
    found = true;
    return change(entry);
  });
  return found ? { ...conversation, entries } : conversation;
}

export function asked(
  conversation: Conversation,
  question: { id: string; text: string; at: number; via: Channel },
): Conversation {
  return {
    notice: null,
    entries: capped([...conversation.entries, { kind: 'learner', state: 'sending', ...question }]),
  };
}

/** The same question sent again (after a failure), possibly over the other channel. */
export function resent(conversation: Conversation, id: string, via: Channel): Conversation {
  return updateQuestion(conversation, id, ({ error: _error, retryAfter: _retry, ...entry }) => ({
    ...entry,
    state: 'sending',
    via,
  }));
}

export function answered(conversation: Conversation, id: string, reply: AgentReply, at: number): Conversation {
  // Two tabs, or a retry racing a late answer: one answer per question.
  if (conversation.entries.some((entry) => entry.kind === 'agent' && entry.question === id)) return conversation;
  const marked = updateQuestion(conversation, id, (entry) => ({ ...entry, state: 'answered' }));
  const entry: Entry = { kind: 'agent', id: `${id}:reply`, question: id, reply, at };
  return { ...marked, entries: capped([...marked.entries, entry]) };
}

export function failed(conversation: Conversation, id: string, error: string, retryAfter?: number): Conversation {
  return updateQuestion(conversation, id, (entry) =>
    entry.state === 'answered'
      ? entry
      : { ...entry, state: 'failed', error, ...(retryAfter !== undefined ? { retryAfter } : {}) },
  );
}

/** The live channel closed: questions waiting on it will get no answer there. */
export function connectionLost(conversation: Conversation): Conversation {
  const waiting = conversation.entries.some(
    (entry) => entry.kind === 'learner' && entry.state === 'sending' && entry.via === 'socket',
  );
  if (!waiting) return conversation;
  return {
    ...conversation,
    entries: conversation.entries.map((entry) =>
      entry.kind === 'learner' && entry.state === 'sending' && entry.via === 'socket'
        ? { ...entry, state: 'failed', error: 'The connection dropped before the answer came.' }
        : entry,
    ),
  };
}

export function isWaiting(conversation: Conversation): boolean {
  return conversation.entries.some((entry) => entry.kind === 'learner' && entry.state === 'sending');
}

/** A turn of `GET /api/agents/chat/history`: the conversation as the learner saw it. */
export type TranscriptTurn =
  { role: 'learner'; text: string; at: string } | { role: 'agent'; reply: AgentReply; at: string };

/**
 * A motivator's message is both remembered (so it is in the transcript) and, when no tab was
 * open, kept as a push for the next connection: the same message id at the same moment is
 * one message, shown once.
 */
function isEcho(entries: Entry[], reply: AgentReply | undefined, at: number): boolean {
  if (!reply?.messageId) return false;
  return entries.some(
    (entry) => entry.kind !== 'learner' && entry.reply?.messageId === reply.messageId && entry.at === at,
  );
}

/**
 * The conversation so far, ahead of anything said since this screen opened: a new tab or
 * device picks up where the learner left off. Its answers need no waiting on.
 */
export function withTranscript(conversation: Conversation, turns: TranscriptTurn[]): Conversation {
  let question = '';
  const earlier = turns.flatMap((turn, index): Entry[] => {
    const id = `history-${index}`;
    const at = Date.parse(turn.at);
    if (turn.role === 'learner') {
      question = id;
      return [{ kind: 'learner', id, text: turn.text, at, state: 'answered', via: 'http' }];
    }
    if (isEcho(conversation.entries, turn.reply, at)) return [];
    return [{ kind: 'agent', id, question, reply: turn.reply, at }];
  });
  return { ...conversation, entries: capped([...earlier, ...conversation.entries]) };
}

/** One frame from the learner's live channel. `pushId` names a push entry (the screen counts them). */
export function applyServerMessage(
  conversation: Conversation,
  message: ServerMessage,
  now: number,
  pushId: () => string,
): Conversation {
  switch (message.type) {
    case 'chat-reply':
      return answered(conversation, message.id, readReply(message.reply), now);
    case 'push': {
      const parsed = Date.parse(message.at);
      const at = Number.isFinite(parsed) ? parsed : now;
      const reply = message.reply ? readReply(message.reply) : undefined;
      if (isEcho(conversation.entries, reply, at)) return conversation;
      const entry: Entry = {
        kind: 'push',
        id: pushId(),
        event: message.event,
        ...(reply ? { reply } : {}),
        at,
      };
      return { ...conversation, entries: capped([...conversation.entries, entry]) };
    }
    case 'error': {
      const retryAfter = message.retryAfterMs ? now + message.retryAfterMs : undefined;
      if (message.id && conversation.entries.some((entry) => entry.kind === 'learner' && entry.id === message.id)) {
        return failed(conversation, message.id, message.message, retryAfter);
      }
      // A frame refused before it was read (rate limit, size) carries no id: it was the newest question sent.
      const waiting = [...conversation.entries]
        .reverse()
        .find((entry) => entry.kind === 'learner' && entry.state === 'sending' && entry.via === 'socket');
      if (!message.id && waiting) return failed(conversation, waiting.id, message.message, retryAfter);
      return { ...conversation, notice: message.message };
    }
    default:
      return conversation;
  }
}
