import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  createLiveSocket,
  isTerminalClose,
  nextAttempt,
  parseFrame,
  socketUrl,
  STABLE_CONNECTION_MS,
  type NetworkEnvironment,
  type SocketLike,
} from './live-socket';

describe('backoffDelay', () => {
  const backoff = { baseMs: 500, maxMs: 15_000, jitter: 0.5 };

  it('doubles from the base and never passes the cap', () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => backoffDelay(n, backoff, top))).toEqual([
      500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000,
    ]);
  });

  it('spreads each delay over its top jitter share', () => {
    expect(backoffDelay(2, backoff, () => 0)).toBe(1000);
    expect(backoffDelay(2, backoff, () => 0.5)).toBe(1500);
    expect(backoffDelay(10, { ...backoff, jitter: 1 }, () => 0)).toBe(0);
    expect(backoffDelay(3, { ...backoff, jitter: 0 }, () => 0.9)).toBe(4000);
  });
});

describe('nextAttempt', () => {
  it('starts afresh after a stable connection and counts up after a short one', () => {
    expect(nextAttempt(4, STABLE_CONNECTION_MS)).toBe(0);
    expect(nextAttempt(4, 200)).toBe(5);
    expect(nextAttempt(4, null)).toBe(5);
  });
});

describe('socketUrl', () => {
  it('follows the page’s scheme and host, for our API paths only', () => {
    expect(socketUrl('/api/agents/ws', { protocol: 'https:', host: 'jeseci.dev' })).toBe(
      'wss://jeseci.dev/api/agents/ws',
    );
    expect(socketUrl('/api/groups/1/ws', { protocol: 'http:', host: 'localhost:5173' })).toBe(
      'ws://localhost:5173/api/groups/1/ws',
    );
    expect(() => socketUrl('wss://elsewhere.example/ws', { protocol: 'https:', host: 'jeseci.dev' })).toThrow();
  });
});

describe('parseFrame', () => {
  it('accepts JSON objects with a type and nothing else', () => {
    expect(parseFrame('{"type":"pong","serverTime":1}')).toEqual({ type: 'pong', serverTime: 1 });
    expect(parseFrame('not json')).toBeNull();
    expect(parseFrame('[1,2]')).toBeNull();
    expect(parseFrame('{"kind":"x"}')).toBeNull();
    expect(parseFrame('{"type":""}')).toBeNull();
    expect(parseFrame('null')).toBeNull();
    expect(parseFrame(new ArrayBuffer(4))).toBeNull();
    expect(parseFrame(`{"type":"x","pad":"${'a'.repeat(70_000)}"}`)).toBeNull();
  });
});

describe('isTerminalClose', () => {
  it('gives up on policy and auth closes, not on network drops', () => {
    expect(isTerminalClose(1008)).toBe(true);
    expect(isTerminalClose(4401)).toBe(true);
    expect(isTerminalClose(4003)).toBe(true);
    expect(isTerminalClose(1006)).toBe(false);
    expect(isTerminalClose(1001)).toBe(false);
  });
});

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | undefined;
  private listeners = new Map<string, ((event: Event) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(code?: number): void {
    this.closedWith = code;
    this.readyState = 3;
  }
  emit(type: string, event: object = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event as Event);
  }
  accept(): void {
    this.readyState = 1;
    this.emit('open');
  }
  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.emit('close', { code, reason });
  }
}

function fakeNetwork(): NetworkEnvironment & { setOnline(online: boolean): void } {
  let online = true;
  const listeners = new Map<string, Set<() => void>>();
  return {
    online: () => online,
    addEventListener: (type, listener) => listeners.set(type, (listeners.get(type) ?? new Set()).add(listener)),
    removeEventListener: (type, listener) => listeners.get(type)?.delete(listener),
    location: { protocol: 'http:', host: 'app.test' },
    setOnline(value) {
      online = value;
      for (const listener of listeners.get(value ? 'online' : 'offline') ?? []) listener();
    },
  };
}

describe('createLiveSocket', () => {
  let sockets: FakeSocket[];
  let network: ReturnType<typeof fakeNetwork>;
  const latest = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  };
  const start = (extra: Partial<Parameters<typeof createLiveSocket>[0]> = {}) => {
    const received: unknown[] = [];
    const live = createLiveSocket<unknown, { type: string; text?: string }>({
      path: '/api/agents/ws',
      onMessage: (message) => received.push(message),
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      environment: network,
      random: () => 1,
      keepaliveMs: 1000,
      ...extra,
    });
    return { live, received };
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    network = fakeNetwork();
  });
  afterEach(() => vi.useRealTimers());

  it('opens on this origin, passes parsed messages on and drops malformed ones', () => {
    const { live, received } = start();
    expect(latest().url).toBe('ws://app.test/api/agents/ws');
    expect(live.status()).toBe('connecting');
    latest().accept();
    expect(live.status()).toBe('open');
    latest().emit('message', { data: '{"type":"welcome","connections":1}' });
    latest().emit('message', { data: '{oops' });
    expect(received).toEqual([{ type: 'welcome', connections: 1 }]);
    live.stop();
  });

  it('reconnects with growing delays after drops, and announces the reconnect', () => {
    const opened: boolean[] = [];
    const { live } = start({ onOpen: ({ reconnected }) => opened.push(reconnected) });
    latest().accept();
    latest().drop();
    expect(live.status()).toBe('reconnecting');
    expect(live.retryAt()).not.toBeNull();
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    // That one fails without opening: the next wait is twice as long.
    latest().drop();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    latest().accept();
    expect(live.status()).toBe('open');
    expect(opened).toEqual([false, true]);
    live.stop();
  });

  it('refuses or queues sends while not open and flushes the queue on open', () => {
    const { live } = start();
    expect(live.send({ type: 'typing' })).toBe(false);
    expect(live.send({ type: 'chat', text: 'hi' }, { queue: true })).toBe(true);
    latest().accept();
    expect(latest().sent).toEqual(['{"type":"chat","text":"hi"}']);
    expect(live.send({ type: 'chat', text: 'again' })).toBe(true);
    expect(latest().sent).toHaveLength(2);
    live.stop();
  });

  it('pings to keep alive, and drops a connection that has gone quiet', () => {
    start();
    latest().accept();
    vi.advanceTimersByTime(1000);
    expect(latest().sent).toEqual(['{"type":"ping"}']);
    vi.advanceTimersByTime(3000);
    // No word back for over two intervals: closed and a new attempt scheduled.
    expect(sockets[0]?.closedWith).toBe(1000);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('stops for good on an auth close code, and on a refusal the screen explains', async () => {
    const first = start();
    latest().accept();
    latest().drop(4401, 'Sign in again.');
    expect(first.live.status()).toBe('closed');
    expect(first.live.stopped()).toBe('Sign in again.');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);

    const second = start({ whyRefused: async () => 'You are not a member of this group.' });
    latest().drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(second.live.status()).toBe('closed');
    expect(second.live.stopped()).toBe('You are not a member of this group.');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });

  it('keeps trying when the refusal check finds nothing wrong', async () => {
    const { live } = start({ whyRefused: async () => null });
    latest().drop();
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(2);
    expect(live.status()).toBe('reconnecting');
    live.stop();
  });

  it('waits while offline and reconnects as soon as the network is back', () => {
    const { live } = start();
    latest().accept();
    network.setOnline(false);
    expect(live.status()).toBe('reconnecting');
    expect(sockets[0]?.closedWith).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    network.setOnline(true);
    expect(sockets).toHaveLength(2);
    latest().accept();
    expect(live.status()).toBe('open');
    live.stop();
  });

  it('reconnects at once on request, and never again after stop()', () => {
    const { live } = start();
    latest().drop();
    live.reconnect();
    expect(sockets).toHaveLength(2);
    live.stop();
    expect(live.status()).toBe('closed');
    expect(live.stopped()).toBeNull();
    expect(live.send({ type: 'x' }, { queue: true })).toBe(false);
    latest().drop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });
});
