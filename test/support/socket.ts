/** A WebSocket test client that queues what it receives, so a test can await the next message. */
import WebSocket from 'ws';
export interface SocketProbe {
  send(data: string | ArrayBuffer): void;
  /** Resolves with the next message of `type` (earlier ones of other types are kept). */
  next<T extends object = { type: string }>(type: string, timeoutMs?: number): Promise<T>;
  close(): void;
}

interface MinimalSocket {
  accept?(): void;
  send(data: string | ArrayBuffer): void;
  close(code?: number): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export function probe(ws: MinimalSocket): SocketProbe {
  ws.accept?.();
  const received: { type: string }[] = [];
  const waiters: (() => void)[] = [];
  ws.addEventListener('message', (event) => {
    received.push(JSON.parse(String(event.data)) as { type: string });
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    send: (data) => ws.send(data),
    close: () => ws.close(1000),
    next: async <T extends object = { type: string }>(type: string, timeoutMs = 3000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = received.findIndex((message) => message.type === type);
        if (index >= 0) return received.splice(index, 1)[0] as T;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
    },
  };
}

/** Opens a WebSocket (the `ws` client, which can send headers) to `path` on `base` and probes it. */
export async function openProbe(
  base: URL | string,
  path: string,
  headers: Record<string, string>,
): Promise<SocketProbe & { raw: WebSocket }> {
  const url = new URL(path, base);
  url.protocol = 'ws:';
  const ws = new WebSocket(url, { headers });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const socket = probe({
    send: (data) => ws.send(data),
    close: (code) => ws.close(code),
    addEventListener: (_type, listener) =>
      ws.on('message', (data: WebSocket.RawData) => listener({ data: data.toString() })),
  });
  return Object.assign(socket, { raw: ws });
}
