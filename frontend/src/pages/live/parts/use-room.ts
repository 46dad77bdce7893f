/**
 * A live quiz screen's hold on its room, over the app's reconnecting socket
 * (app/live-socket.ts): the seat or host token is presented in a `hello` each time the room
 * says welcome (so a reconnect takes the same seat back), a ping right after measures how
 * far the server's clock is from this device's (the question timer counts to the server's
 * deadline), and the room's messages are folded into the room view. The socket stops for
 * good when the room refuses the token, kicks the player, or the screen goes away.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { ClientMessage, ServerMessage } from '../../../../../durable/protocol';
import { createLiveSocket, type SocketStatus } from '../../../app/live-socket';
import { clockOffset } from './countdown';
import { EMPTY_ROOM, FATAL_ERRORS, roomReducer, type RoomView } from './room-state';

export interface RoomHandle {
  view: Accessor<RoomView>;
  status: Accessor<SocketStatus>;
  /** Server clock minus this device's clock (ms). */
  offset: Accessor<number>;
  /** The room's refusal of this seat (a token it does not know, a room that does not exist). */
  refused: Accessor<string | null>;
  send(message: ClientMessage): boolean;
}

export function useRoom(roomId: string, token: string): RoomHandle {
  const [view, setView] = createSignal<RoomView>(EMPTY_ROOM);
  const [offset, setOffset] = createSignal(0);
  const [refused, setRefused] = createSignal<string | null>(null);
  let clockPing: { id: string; sentAt: number } | undefined;

  const socket = createLiveSocket<ServerMessage, ClientMessage>({
    path: `/api/live/rooms/${encodeURIComponent(roomId)}/ws`,
    onMessage: (message) => {
      if (message.type === 'welcome') {
        setOffset(clockOffset(message.serverTime, Date.now()));
        socket.send({ type: 'hello', token });
        clockPing = { id: `clock-${Date.now()}`, sentAt: Date.now() };
        socket.send({ type: 'ping', id: clockPing.id });
        return;
      }
      if (message.type === 'pong') {
        // The round trip split evenly (as NTP does) gives a closer clock than the welcome alone.
        if (clockPing && message.id === clockPing.id)
          setOffset(clockOffset(message.serverTime, Date.now(), clockPing.sentAt));
        return;
      }
      // Before the first picture, "ended" means the room itself is gone; later it is only a
      // command refused because the game is over.
      const fatal =
        message.type === 'error' &&
        FATAL_ERRORS.has(message.code) &&
        (message.code === 'unauthorized' || view().phase === null);
      setView((current) => roomReducer(current, message));
      if (fatal) {
        setRefused(message.message);
        socket.stop();
      }
      if (message.type === 'kicked') socket.stop();
    },
  });
  onCleanup(() => socket.stop());
  return { view, status: socket.status, offset, refused, send: (message) => socket.send(message) };
}
