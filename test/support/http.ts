/** Requests to the Worker under test, each from a client IP of its own unless told otherwise. */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { expect, inject } from 'vitest';

/** An address in the IPv6 documentation range (2001:db8::/32): a header value, never dialled. */
export function freshClientIp(): string {
  return `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
}

export function workerUrl(path: string, base = inject('stack').workerUrl): string {
  return new URL(path, base).toString();
}

export function api(path: string, init: RequestInit & { ip?: string; base?: string } = {}): Promise<Response> {
  const { ip, base, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('cf-connecting-ip', ip ?? freshClientIp());
  return fetch(workerUrl(path, base), { ...rest, headers });
}

/**
 * A request on a connection of its own, closed after the answer. For requests the server
 * answers without reading the body (413): the server then drops the connection, and had
 * it come from fetch's shared pool the next test's request could be written into it (EPIPE).
 */
export function apiOnOwnConnection(
  path: string,
  init: { method: string; body: string; headers: Record<string, string> },
): Promise<Response> {
  const url = new URL(workerUrl(path));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: init.method,
        agent: false,
        headers: { ...init.headers, 'cf-connecting-ip': freshClientIp(), connection: 'close' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') headers.set(name, value);
          }
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
        });
      },
    );
    // The server may answer and close before taking the whole body; that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.end(init.body);
  });
}

export interface ErrorBodyShape {
  error: { code: string; message: string; requestId: string; details?: unknown };
}

/**
 * A JSON request to a Worker the suite started itself (its URL changes when the suite
 * restarts it), as `token`'s user or signed out, from a client IP of its own.
 */
export function callAt(
  base: URL,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { 'cf-connecting-ip': freshClientIp() };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(new URL(path, base), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** The response's JSON body, after checking its status (the body is shown when it differs). */
export async function jsonOf<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}
