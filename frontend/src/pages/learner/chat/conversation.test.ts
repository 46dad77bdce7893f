import { describe, expect, it } from 'vitest';
import type { AgentReply } from './agents';
import {
  answered,
  applyServerMessage,
  asked,
  connectionLost,
  emptyConversation,
  failed,
  isWaiting,
  MAX_ENTRIES,
  resent,
  withTranscript,
  type TranscriptTurn,
} from './conversation';

const reply: AgentReply = { agent: 'orchestrator', text: 'Read the lesson.', links: [] };
let pushes = 0;
const pushId = () => `push-${++pushes}`;

describe('conversation', () => {
  it('asks, waits and shows the answer once', () => {
    let c = asked(emptyConversation(), { id: 'q1', text: 'What next?', at: 1, via: 'socket' });
    expect(isWaiting(c)).toBe(true);
    c = applyServerMessage(c, { type: 'chat-reply', id: 'q1', intent: 'next-step', reply }, 2, pushId);
    c = answered(c, 'q1', reply, 3);
    expect(isWaiting(c)).toBe(false);
    expect(c.entries.map((entry) => entry.kind)).toEqual(['learner', 'agent']);
    expect(c.entries[0]).toMatchObject({ state: 'answered' });
  });

  it('fails a question on its error frame, and retries it over another channel', () => {
    let c = asked(emptyConversation(), { id: 'q1', text: 'hi', at: 1, via: 'socket' });
    c = applyServerMessage(
      c,
      { type: 'error', code: 'unavailable', id: 'q1', message: 'The tutors could not answer just now; try again.' },
      5,
      pushId,
    );
    expect(c.entries[0]).toMatchObject({ state: 'failed', error: 'The tutors could not answer just now; try again.' });
    c = resent(c, 'q1', 'http');
    expect(c.entries[0]).toEqual({ kind: 'learner', id: 'q1', text: 'hi', at: 1, state: 'sending', via: 'http' });
  });

  it('blames a rate limit without an id on the newest question waiting on the socket', () => {
    let c = asked(emptyConversation(), { id: 'q1', text: 'a', at: 1, via: 'socket' });
    c = answered(c, 'q1', reply, 2);
    c = asked(c, { id: 'q2', text: 'b', at: 3, via: 'socket' });
    c = applyServerMessage(
      c,
      { type: 'error', code: 'rate_limited', message: 'Too many messages: wait a moment.', retryAfterMs: 1500 },
      10,
      pushId,
    );
    expect(c.entries.find((entry) => entry.id === 'q2')).toMatchObject({ state: 'failed', retryAfter: 1510 });
    expect(c.notice).toBeNull();
    // With nothing waiting, the same frame is a notice.
    c = applyServerMessage(
      c,
      { type: 'error', code: 'bad_message', message: 'Unknown or malformed message.' },
      11,
      pushId,
    );
    expect(c.notice).toBe('Unknown or malformed message.');
  });

  it('fails only socket questions when the connection drops', () => {
    let c = asked(emptyConversation(), { id: 'ws', text: 'a', at: 1, via: 'socket' });
    c = asked(c, { id: 'http', text: 'b', at: 2, via: 'http' });
    c = connectionLost(c);
    expect(c.entries.map((entry) => (entry.kind === 'learner' ? entry.state : null))).toEqual(['failed', 'sending']);
    // An answer never un-fails into "failed" again.
    c = answered(c, 'http', reply, 3);
    c = failed(c, 'http', 'late');
    expect(c.entries[1]).toMatchObject({ state: 'answered' });
  });

  it('adds pushes with their agent’s words, and keeps only the newest entries', () => {
    let c = applyServerMessage(
      emptyConversation(),
      {
        type: 'push',
        event: { kind: 'achievement-unlocked', id: 'a', title: 'First steps', description: 'd' },
        reply: { agent: 'motivator', text: 'Well done!', links: [] },
        at: '2025-01-01T10:00:00.000Z',
      },
      0,
      pushId,
    );
    expect(c.entries[0]).toMatchObject({ kind: 'push', at: Date.parse('2025-01-01T10:00:00.000Z') });
    for (let i = 0; i < MAX_ENTRIES + 5; i += 1) c = asked(c, { id: `q${i}`, text: 't', at: i, via: 'http' });
    expect(c.entries).toHaveLength(MAX_ENTRIES);
    expect(c.entries[0]?.id).toBe('q5');
  });

  it('opens on the transcript: earlier turns first, answered, ahead of anything asked since', () => {
    const turns: TranscriptTurn[] = [
      { role: 'learner', text: 'explain walkers', at: '2026-11-27T10:00:00.000Z' },
      { role: 'agent', reply, at: '2026-11-27T10:00:01.000Z' },
    ];
    const askedMeanwhile = asked(emptyConversation(), { id: 'q1', text: 'What next?', at: 5, via: 'socket' });
    const c = withTranscript(askedMeanwhile, turns);
    expect(c.entries.map((entry) => [entry.kind, entry.id])).toEqual([
      ['learner', 'history-0'],
      ['agent', 'history-1'],
      ['learner', 'q1'],
    ]);
    expect(c.entries[0]).toMatchObject({
      state: 'answered',
      text: 'explain walkers',
      at: Date.parse('2026-11-27T10:00:00.000Z'),
    });
    expect(c.entries[1]).toMatchObject({ question: 'history-0', reply });
    // Only the question asked since is still waiting.
    expect(isWaiting(c)).toBe(true);
    expect(withTranscript(emptyConversation(), [])).toEqual(emptyConversation());
  });

  it('shows a motivator’s message once when it comes both in the transcript and as a kept push', () => {
    const nudge: AgentReply = { agent: 'motivator', text: 'Keep your streak!', links: [], messageId: 'streak-1' };
    const at = '2026-11-27T19:00:00.000Z';
    const push = {
      type: 'push' as const,
      event: { kind: 'streak-at-risk' as const, streak: 4, xpToGoal: 20 },
      reply: nudge,
      at,
    };
    // The push first, then the transcript …
    const pushFirst = withTranscript(applyServerMessage(emptyConversation(), push, 0, pushId), [
      { role: 'agent', reply: nudge, at },
    ]);
    expect(pushFirst.entries.map((entry) => entry.kind)).toEqual(['push']);
    // … or the transcript first, then the push.
    const transcriptFirst = applyServerMessage(
      withTranscript(emptyConversation(), [{ role: 'agent', reply: nudge, at }]),
      push,
      0,
      pushId,
    );
    expect(transcriptFirst.entries.map((entry) => entry.kind)).toEqual(['agent']);
    // The same message at another time is another message.
    const later = applyServerMessage(transcriptFirst, { ...push, at: '2026-11-28T19:00:00.000Z' }, 0, pushId);
    expect(later.entries.map((entry) => entry.kind)).toEqual(['agent', 'push']);
  });
});
