/**
 * The live connection's state, always visible on a live screen: a dot and a word for
 * sighted users, the same as a polite status for screen readers (the seconds to the next
 * attempt are left out of it, so it is not read out every second), and "Reconnect now".
 */
import { createEffect, createSignal, onCleanup, Show, type JSX } from 'solid-js';
import type { LiveSocket, SocketStatus } from '../../../app/live-socket';

export interface ConnectionStatusProps {
  /** The screen's socket (app/live-socket.ts): its state, and "Reconnect now". */
  socket: Pick<LiveSocket<unknown>, 'status' | 'retryAt' | 'stopped' | 'reconnect'>;
  /** What still works while the connection is down, e.g. "Questions go over HTTP meanwhile." */
  fallback?: string;
}

const WORDS: Record<SocketStatus, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
};

export function ConnectionStatus(props: ConnectionStatusProps): JSX.Element {
  const status = () => props.socket.status();
  const retryAt = () => props.socket.retryAt();
  const stopped = () => props.socket.stopped();
  const [now, setNow] = createSignal(Date.now());
  createEffect(() => {
    if (retryAt() === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    onCleanup(() => clearInterval(timer));
  });
  const [online, setOnline] = createSignal(typeof navigator === 'undefined' || navigator.onLine !== false);
  const onOnline = () => setOnline(true);
  const onOffline = () => setOnline(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  onCleanup(() => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
  });
  const words = () => {
    if (stopped()) return `Disconnected: ${stopped()}`;
    if (!online() && status() !== 'open') return 'Offline: waiting for the network…';
    return WORDS[status()];
  };
  const seconds = () => {
    const at = retryAt();
    return at === null ? null : Math.max(0, Math.ceil((at - now()) / 1000));
  };

  return (
    <div class="connection" data-status={status()}>
      <span class="connection-dot" aria-hidden="true" />
      <span role="status" aria-live="polite">
        {words()}
        <Show when={status() !== 'open' && props.fallback}>
          <span class="muted"> {props.fallback}</span>
        </Show>
      </span>
      <Show when={status() === 'reconnecting' && seconds() !== null}>
        <span class="muted" aria-hidden="true">
          (next try in {seconds()} s)
        </span>
      </Show>
      <Show when={status() !== 'open' && status() !== 'connecting' && !stopped()}>
        <button type="button" class="link" onClick={() => props.socket.reconnect()}>
          Reconnect now
        </button>
      </Show>
    </div>
  );
}
