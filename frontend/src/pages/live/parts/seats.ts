/**
 * Seats in live quiz rooms, kept in this tab's sessionStorage: a player's seat token (from
 * POST /api/live/join) and a host's token (from POST /api/live/sessions). Each is a key to
 * one seat in one game, not an account credential: sessionStorage keeps it across a refresh
 * of this tab, so a phone that reloads gets its seat, score and question back, and forgets
 * it when the tab closes. Never localStorage, where it would outlive the game and the tab.
 */

export interface PlayerSeat {
  token: string;
  playerId: string;
  nickname: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Rooms are named by UUID; anything else in the address is not a room. */
export const isRoomId = (text: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text);

const seatKey = (roomId: string) => `jeseci.live.seat.${roomId}`;
const hostKey = (roomId: string) => `jeseci.live.host.${roomId}`;

/** The tab's storage, or nothing when the browser refuses it (some private modes). */
function tabStore(): Store | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

function write(store: Store | undefined, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // Storage full or refused: the game still works in this tab until it is reloaded.
  }
}

function read(store: Store | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function saveSeat(roomId: string, seat: PlayerSeat, store = tabStore()): void {
  write(store, seatKey(roomId), JSON.stringify(seat));
}

export function loadSeat(roomId: string, store = tabStore()): PlayerSeat | null {
  const text = read(store, seatKey(roomId));
  if (!text) return null;
  try {
    const seat = JSON.parse(text) as Partial<PlayerSeat> | null;
    if (typeof seat?.token === 'string' && typeof seat.playerId === 'string' && typeof seat.nickname === 'string') {
      return { token: seat.token, playerId: seat.playerId, nickname: seat.nickname };
    }
  } catch {
    // Not ours, or damaged: as good as no seat.
  }
  return null;
}

export function forgetSeat(roomId: string, store = tabStore()): void {
  try {
    store?.removeItem(seatKey(roomId));
  } catch {
    // nothing to forget
  }
}

export function saveHostToken(roomId: string, token: string, store = tabStore()): void {
  write(store, hostKey(roomId), token);
}

export function loadHostToken(roomId: string, store = tabStore()): string | null {
  return read(store, hostKey(roomId));
}
