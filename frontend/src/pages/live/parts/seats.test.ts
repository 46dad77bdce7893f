import { describe, expect, it } from 'vitest';
import { forgetSeat, isRoomId, loadHostToken, loadSeat, saveHostToken, saveSeat } from './seats';

function memoryStore() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

const ROOM = '7d3a4c55-8f0e-4f8d-9b0b-2a619b2f1c1e';
const OTHER = '11111111-2222-4333-8444-555555555555';

describe('seats', () => {
  it('gives a tab its seat back per room, and forgets it', () => {
    const store = memoryStore();
    saveSeat(ROOM, { token: 't'.repeat(43), playerId: 'p1', nickname: 'Ada' }, store);
    expect(loadSeat(ROOM, store)).toEqual({ token: 't'.repeat(43), playerId: 'p1', nickname: 'Ada' });
    expect(loadSeat(OTHER, store)).toBeNull();
    forgetSeat(ROOM, store);
    expect(loadSeat(ROOM, store)).toBeNull();
  });

  it('treats damaged or foreign values as no seat', () => {
    const store = memoryStore();
    store.values.set(`jeseci.live.seat.${ROOM}`, '{not json');
    expect(loadSeat(ROOM, store)).toBeNull();
    store.values.set(`jeseci.live.seat.${ROOM}`, JSON.stringify({ token: 5 }));
    expect(loadSeat(ROOM, store)).toBeNull();
  });

  it('keeps the host token apart from player seats', () => {
    const store = memoryStore();
    saveHostToken(ROOM, 'host-token', store);
    expect(loadHostToken(ROOM, store)).toBe('host-token');
    expect(loadSeat(ROOM, store)).toBeNull();
  });

  it('survives a browser that refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveHostToken(ROOM, 'x', refusing)).not.toThrow();
    expect(loadHostToken(ROOM, refusing)).toBeNull();
    expect(loadSeat(ROOM, refusing)).toBeNull();
  });

  it('recognises room ids', () => {
    expect(isRoomId(ROOM)).toBe(true);
    expect(isRoomId('../admin')).toBe(false);
  });
});
