/**
 * What the host's and the players' screens share around a live room: the page that finds
 * this tab's key to the room (the host token or the player's seat, kept in sessionStorage
 * by seats.ts), and the lines above the room's screen while the connection is down or
 * something went wrong.
 */
import { useParams } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { FormError } from '../../../ui/Form';
import { isRoomId } from './seats';

/** The room from the address with this tab's key to it, or `missing` when the tab has none. */
export function RoomPage<Key>(props: {
  class: string;
  keyFor: (roomId: string) => Key | null;
  missing: JSX.Element;
  children: (roomId: string, key: Key) => JSX.Element;
}): JSX.Element {
  const params = useParams();
  const roomId = () => params.room ?? '';
  const key = () => (isRoomId(roomId()) ? props.keyFor(roomId()) : null);
  return (
    <div class={props.class}>
      <Show when={key()} keyed fallback={props.missing}>
        {(found) => props.children(roomId(), found)}
      </Show>
    </div>
  );
}

/** The reconnecting banner and the last problem, above the room's screen. */
export function RoomStatus(props: { reconnecting: boolean; problem: string | undefined }): JSX.Element {
  return (
    <>
      <Show when={props.reconnecting}>
        <p class="notice live-connection" role="status">
          <span class="spinner" aria-hidden="true" /> Connection lost. Reconnecting to the game…
        </p>
      </Show>
      <FormError message={props.problem} />
    </>
  );
}
