/**
 * A reconnecting WebSocket to one of our own `/api/...` channels (the learner's live
 * channel, a study group's room, a live quiz). It owns what every live screen needs and
 * none should write twice: the URL on this origin (ws: or wss:), exponential backoff with
 * jitter so a hundred tabs do not come back in step after a deploy, a status signal the
 * screen shows, JSON frames with a parse guard, a keepalive ping that also notices a dead
 * connection, going quiet while the browser is offline and trying at once when it is back,
 * and stopping for good on an explicit close or when the server says retrying is useless.
 *
 * The browser hides the HTTP status of a refused upgrade (signed out, not a member): the
 * close looks like any network drop. `whyRefused` lets the screen ask over HTTP instead.
 */
import { createSignal, type Accessor } from 'solid-js';

export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface Backoff {
  /** The first retry's delay. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxMs: number;
  /** The share of each delay that is random (0 = none, 1 = "full jitter"). */
  jitter: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 500, maxMs: 15_000, jitter: 0.5 };

/** Delay before reconnect attempt `attempt` (0-based): base × 2^attempt, capped, the top `jitter` share random. */
export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF, random = Math.random): number {
  const capped = Math.min(backoff.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)), backoff.maxMs);
  const jitter = Math.min(Math.max(backoff.jitter, 0), 1);
  return Math.round(capped * (1 - jitter + random() * jitter));
}

/** A connection that lasted this long was a good one: the next drop starts the backoff afresh. */
export const STABLE_CONNECTION_MS = 10_000;

/** The attempt number after a drop: back to 0 after a stable connection, else one more. */
export function nextAttempt(attempt: number, openedForMs: number | null): number {
  return openedForMs !== null && openedForMs >= STABLE_CONNECTION_MS ? 0 : attempt + 1;
}

/**
 * Close codes after which reconnecting would only be refused again: 1008 (policy
 * violation) and the application range's auth and "gone" codes (4001/4401 unauthorised,
 * 4003/4403 forbidden or removed, 4004/4404 no such room).
 */
const TERMINAL_CLOSE_CODES = new Set([1008, 4001, 4003, 4004, 4401, 4403, 4404]);

export function isTerminalClose(code: number): boolean {
  return TERMINAL_CLOSE_CODES.has(code);
}

/** The socket URL for one of our API paths, on this page's host (wss: under https:). */
export function socketUrl(path: string, where: Pick<Location, 'protocol' | 'host'>): string {
  if (!path.startsWith('/api/')) throw new Error(`live sockets open our own /api/ paths, not "${path}"`);
  return `${where.protocol === 'https:' ? 'wss:' : 'ws:'}//${where.host}${path}`;
}

/** The servers' own limit is 16 KB; anything larger is not a frame of ours. */
const MAX_FRAME_CHARS = 64 * 1024;

/** A frame as a message with a `type`, or null for anything else (binary, not JSON, no type). */
export function parseFrame(data: unknown): ({ type: string } & Record<string, unknown>) | null {
  if (typeof data !== 'string' || data.length > MAX_FRAME_CHARS) return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && type.length > 0 ? (value as { type: string } & Record<string, unknown>) : null;
}

/** The parts of the DOM WebSocket this module uses (tests pass a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: Event) => void): void;
}

/** Where the module learns about the network (tests pass a fake; the default is the window). */
export interface NetworkEnvironment {
  online(): boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
  location: Pick<Location, 'protocol' | 'host'>;
}

const OPEN = 1;

export interface LiveSocketOptions<In> {
  /** An API path on this origin, e.g. `/api/agents/ws`. */
  path: string;
  onMessage: (message: In) => void;
  /** Each time a connection opens; `reconnected` after the first. For a hello, or to catch up. */
  onOpen?: (info: { reconnected: boolean }) => void;
  /** A ping every this many ms (the protocols answer `ping` with `pong`); null for none. */
  keepaliveMs?: number | null;
  backoff?: Backoff;
  /**
   * Asked after a connection closed without ever opening: a sentence stops reconnecting
   * (and is shown as `stopped()`), null keeps trying. A throw counts as null.
   */
  whyRefused?: () => Promise<string | null>;
  /** Messages kept for `send(message, { queue: true })` while not open. */
  maxQueue?: number;
  /** Test seams. */
  createSocket?: (url: string) => SocketLike;
  environment?: NetworkEnvironment;
  random?: () => number;
  now?: () => number;
}

export interface LiveSocket<Out> {
  status: Accessor<SocketStatus>;
  /** When the next attempt is due (epoch ms) while reconnecting on a timer; null otherwise. */
  retryAt: Accessor<number | null>;
  /** Why the socket gave up for good, when the server or `whyRefused` said so (not after close()). */
  stopped: Accessor<string | null>;
  /** Sends when open; otherwise queues it if asked (and there is room). False when it went nowhere. */
  send(message: Out, options?: { queue?: boolean }): boolean;
  /** Tries now instead of at the end of the backoff (a "Reconnect now" button). */
  reconnect(): void;
  /** Gives up for good, e.g. when leaving the screen or on a server error that says so. */
  stop(reason?: string): void;
}

function browserEnvironment(): NetworkEnvironment {
  return {
    online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
    location,
  };
}

export function createLiveSocket<In, Out = unknown>(options: LiveSocketOptions<In>): LiveSocket<Out> {
  const env = options.environment ?? browserEnvironment();
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const keepaliveMs = options.keepaliveMs === undefined ? 25_000 : options.keepaliveMs;
  const maxQueue = options.maxQueue ?? 20;
  const now = options.now ?? Date.now;
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as SocketLike);
  const url = socketUrl(options.path, env.location);

  const [status, setStatus] = createSignal<SocketStatus>('connecting');
  const [retryAt, setRetryAt] = createSignal<number | null>(null);
  const [stopped, setStopped] = createSignal<string | null>(null);

  let socket: SocketLike | undefined;
  let finished = false;
  let everOpened = false;
  let tried = false;
  let attempt = 0;
  let openedAt: number | null = null;
  let lastHeardAt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let keepalive: ReturnType<typeof setInterval> | undefined;
  const queue: string[] = [];

  function open(): void {
    clearRetry();
    if (finished || socket) return;
    setStatus(tried ? 'reconnecting' : 'connecting');
    tried = true;
    let ws: SocketLike;
    try {
      ws = createSocket(url);
    } catch {
      // A malformed URL or a blocked scheme: retrying the same URL is pointless.
      return stop('The live connection could not be opened.');
    }
    socket = ws;
    openedAt = null;
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      const reconnected = everOpened;
      everOpened = true;
      openedAt = now();
      lastHeardAt = openedAt;
      setStatus('open');
      startKeepalive(ws);
      for (const frame of queue.splice(0)) ws.send(frame);
      options.onOpen?.({ reconnected });
    });
    ws.addEventListener('message', (event) => {
      if (socket !== ws) return;
      lastHeardAt = now();
      const message = parseFrame((event as MessageEvent).data);
      if (message) options.onMessage(message as In);
    });
    ws.addEventListener('close', (event) => {
      if (socket !== ws) return;
      dropped((event as CloseEvent).code, (event as CloseEvent).reason);
    });
  }

  /** The connection is gone (closed by the server, the network, or us when it went quiet). */
  function dropped(code: number, reason: string): void {
    socket = undefined;
    stopKeepalive();
    const neverOpened = openedAt === null;
    attempt = nextAttempt(attempt, openedAt === null ? null : now() - openedAt);
    openedAt = null;
    if (finished) return;
    if (isTerminalClose(code)) return stop(reason || 'The server closed the live connection.');
    setStatus('reconnecting');
    if (neverOpened && options.whyRefused) {
      const check = options.whyRefused;
      check()
        .catch(() => null)
        .then((refusal) => {
          if (finished || socket) return;
          if (refusal) stop(refusal);
          else schedule();
        });
      return;
    }
    schedule();
  }

  function schedule(): void {
    clearRetry();
    // Offline, every attempt would fail at once: wait for the browser to say it is back.
    if (!env.online()) return;
    const delay = backoffDelay(Math.max(0, attempt - 1), backoff, options.random);
    setRetryAt(now() + delay);
    retryTimer = setTimeout(open, delay);
  }

  function clearRetry(): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    setRetryAt(null);
  }

  function startKeepalive(ws: SocketLike): void {
    stopKeepalive();
    if (!keepaliveMs) return;
    keepalive = setInterval(() => {
      if (socket !== ws || ws.readyState !== OPEN) return;
      // Two pings without a word back: the connection is dead even if the browser has not noticed.
      if (now() - lastHeardAt > keepaliveMs * 2 + 1000) return forceDrop(ws);
      ws.send(JSON.stringify({ type: 'ping' }));
    }, keepaliveMs);
  }

  function stopKeepalive(): void {
    if (keepalive !== undefined) clearInterval(keepalive);
    keepalive = undefined;
  }

  /** Stops listening to this socket now (its close event may come much later, or never). */
  function forceDrop(ws: SocketLike): void {
    try {
      ws.close(1000, 'reconnecting');
    } catch {
      // already closing
    }
    if (socket === ws) dropped(1006, '');
  }

  function stop(reason?: string): void {
    if (finished) return;
    finished = true;
    clearRetry();
    stopKeepalive();
    env.removeEventListener('online', onOnline);
    env.removeEventListener('offline', onOffline);
    queue.length = 0;
    const ws = socket;
    socket = undefined;
    try {
      ws?.close(1000, 'closing');
    } catch {
      // already closed
    }
    if (reason) setStopped(reason);
    setStatus('closed');
  }

  function onOnline(): void {
    if (!finished && !socket) {
      attempt = 0;
      open();
    }
  }

  function onOffline(): void {
    // The socket may linger half-open for minutes; say so now, and come back on "online".
    if (socket) forceDrop(socket);
  }

  env.addEventListener('online', onOnline);
  env.addEventListener('offline', onOffline);
  if (env.online()) open();
  else setStatus('reconnecting');

  return {
    status,
    retryAt,
    stopped,
    send(message, sendOptions) {
      const frame = JSON.stringify(message);
      if (socket && socket.readyState === OPEN) {
        socket.send(frame);
        return true;
      }
      if (sendOptions?.queue && !finished && queue.length < maxQueue) {
        queue.push(frame);
        return true;
      }
      return false;
    },
    reconnect() {
      if (finished) return;
      if (socket) forceDrop(socket);
      attempt = 0;
      open();
    },
    stop,
  };
}
