/** Requests to the Worker under test, each from a client IP of its own unless told otherwise. */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

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

export interface ErrorBodyShape {
  error: { code: string; message: string; requestId: string; details?: unknown };
}
