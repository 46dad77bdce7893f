import { describe, expect, it } from 'vitest';
import {
  activeTypers,
  applyRoomMessage,
  emptyRoom,
  firstOpen,
  GROUP_HISTORY_KEPT,
  mergeMessages,
  nextTypingExpiry,
  progressRows,
  pruneTyping,
  TYPING_RENEW_MS,
  TYPING_TTL_MS,
  typingSentence,
  typingUpdate,
  type GroupPractice,
  type RoomState,
} from './room-state';

const ada = { userId: 'u-ada', name: 'Ada' };
const bo = { userId: 'u-bo', name: 'Bo' };
const message = (id: number, member = ada, text = `m${id}`) => ({ id, ...member, text, at: id * 1000 });

const practice: GroupPractice = {
  items: [
    { id: 'i1', slug: 'a', course: 'c', concept: 'x', type: 'true-false', prompt: 'p1' },
    { id: 'i2', slug: 'b', course: 'c', concept: 'x', type: 'true-false', prompt: 'p2' },
  ],
  startedBy: ada,
  startedAt: 1,
  progress: {},
};

function joined(): RoomState {
  return applyRoomMessage(
    emptyRoom(),
    {
      type: 'group-state',
      group: { id: 'g', name: 'Graph club' },
      online: [ada],
      history: [message(1, bo), message(2)],
      practice: null,
    },
    0,
  );
}

describe('applyRoomMessage', () => {
  it('takes the whole picture on joining, names included', () => {
    const state = joined();
    expect(state.group?.name).toBe('Graph club');
    expect(state.messages.map((m) => m.id)).toEqual([1, 2]);
    expect(state.names).toEqual({ 'u-ada': 'Ada', 'u-bo': 'Bo' });
  });

  it('merges a reconnect’s history with what was shown, each message once', () => {
    let state = applyRoomMessage(joined(), { type: 'group-message', message: message(3, bo) }, 0);
    state = applyRoomMessage(
      state,
      {
        type: 'group-state',
        group: { id: 'g', name: 'Graph club' },
        online: [ada, bo],
        history: [message(2), message(3, bo)],
        practice: null,
      },
      0,
    );
    expect(state.messages.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('keeps only the newest messages, like the room', () => {
    const many = Array.from({ length: GROUP_HISTORY_KEPT + 10 }, (_, i) => message(i + 1));
    const merged = mergeMessages([], many);
    expect(merged).toHaveLength(GROUP_HISTORY_KEPT);
    expect(merged[0]?.id).toBe(11);
  });

  it('shows typing until the TTL runs out here, and stops it on a message or a leave', () => {
    const state = applyRoomMessage(joined(), { type: 'typing', member: bo, until: 999_999_999 }, 10_000);
    expect(state.typing['u-bo']?.expiresAt).toBe(10_000 + TYPING_TTL_MS);
    expect(activeTypers(state.typing, 10_001, 'u-ada')).toEqual([bo]);
    // My own indicator is never shown to me.
    expect(activeTypers(state.typing, 10_001, 'u-bo')).toEqual([]);
    expect(activeTypers(state.typing, 10_000 + TYPING_TTL_MS, 'u-ada')).toEqual([]);
    expect(nextTypingExpiry(state.typing)).toBe(10_000 + TYPING_TTL_MS);
    expect(pruneTyping(state.typing, 10_000 + TYPING_TTL_MS)).toEqual({});
    expect(pruneTyping(state.typing, 10_001)).toBe(state.typing);

    const sent = applyRoomMessage(state, { type: 'group-message', message: message(5, bo) }, 10_002);
    expect(sent.typing).toEqual({});
    const stopped = applyRoomMessage(state, { type: 'typing', member: bo, until: null }, 10_002);
    expect(stopped.typing).toEqual({});
    const left = applyRoomMessage(state, { type: 'presence-update', online: [ada] }, 10_002);
    expect(left.typing).toEqual({});
  });

  it('follows shared practice and each member’s progress', () => {
    let state = applyRoomMessage(joined(), { type: 'practice-set', practice }, 0);
    state = applyRoomMessage(state, { type: 'presence-update', online: [ada, bo] }, 0);
    state = applyRoomMessage(
      state,
      {
        type: 'practice-progress',
        userId: 'u-bo',
        itemId: 'i1',
        correct: true,
        progress: { 'u-bo': { answered: 1, correct: 1, items: { i1: true } } },
      },
      0,
    );
    expect(progressRows(state)).toEqual([
      { userId: 'u-bo', name: 'Bo', answered: 1, correct: 1, total: 2, online: true },
      { userId: 'u-ada', name: 'Ada', answered: 0, correct: 0, total: 2, online: true },
    ]);
  });

  it('ignores progress without a practice set, and keeps the room’s errors as a notice', () => {
    const state = applyRoomMessage(
      joined(),
      { type: 'practice-progress', userId: 'u-bo', itemId: 'i1', correct: true, progress: {} },
      0,
    );
    expect(state.practice).toBeNull();
    const refused = applyRoomMessage(
      state,
      { type: 'error', code: 'invalid', id: 'm2', message: 'The message is empty.' },
      0,
    );
    expect(refused.notice).toEqual({ text: 'The message is empty.', about: 'm2' });
  });
});

describe('typing', () => {
  it('says who is typing in a sentence', () => {
    expect(typingSentence([])).toBe('');
    expect(typingSentence([ada])).toBe('Ada is typing…');
    expect(typingSentence([ada, bo])).toBe('Ada and Bo are typing…');
    expect(typingSentence([ada, bo, { userId: 'c', name: 'Cy' }])).toBe('3 people are typing…');
  });

  it('tells the room once when typing starts, renews it, and says when it stops', () => {
    expect(typingUpdate({ active: false, sentAt: 0 }, true, 100)).toBe(true);
    expect(typingUpdate({ active: true, sentAt: 100 }, true, 100 + TYPING_RENEW_MS - 1)).toBeNull();
    expect(typingUpdate({ active: true, sentAt: 100 }, true, 100 + TYPING_RENEW_MS)).toBe(true);
    expect(typingUpdate({ active: true, sentAt: 100 }, false, 200)).toBe(false);
    expect(typingUpdate({ active: false, sentAt: 100 }, false, 200)).toBeNull();
    expect(TYPING_RENEW_MS).toBeLessThan(TYPING_TTL_MS);
  });
});

describe('firstOpen', () => {
  it('starts at the first question I have not answered', () => {
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(firstOpen(items, {})).toBe(0);
    expect(firstOpen(items, { a: true, b: false })).toBe(2);
    expect(firstOpen(items, { a: true, b: false, c: true })).toBe(0);
  });
});
