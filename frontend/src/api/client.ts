/**
 * The typed API client: `openapi-fetch` over the types generated from the Worker's OpenAPI
 * document (`schema.d.ts`). Same origin, cookies sent; `ok()` turns an error answer into an
 * `ApiRequestError` carrying the server's message, so screens only handle data or a throw.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiRequestError, OFFLINE_MESSAGE, isErrorBody } from './errors';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** Called when an answer says the session is gone (401), so the app can forget the user. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const sessionWatch: Middleware = {
  onResponse({ response }) {
    if (response.status === 401) for (const listener of unauthorizedListeners) listener();
    return undefined;
  },
};

/** The longest single `Retry-After` the client waits out by itself before the 429 is shown. */
const MAX_AUTOMATIC_WAIT_S = 3;
/** The longest one request is held back in all: long enough for a class signing in at once. */
export const MAX_TOTAL_WAIT_S = 10;
/** A bound on tries however short the waits (`Retry-After: 0`). */
export const MAX_AUTOMATIC_RETRIES = 10;

/**
 * Seconds to wait before trying a rate-limited request again, given the retries made and
 * seconds waited so far, or undefined to give up and show the 429. Any method: this API
 * refuses with 429 before a handler runs (the limiter, or an account's sign-in lockout),
 * so nothing was done.
 */
export function automaticRetryDelay(response: Response, so: { retries: number; waitedS: number }): number | undefined {
  if (response.status !== 429 || so.retries >= MAX_AUTOMATIC_RETRIES) return undefined;
  const seconds = Number(response.headers.get('Retry-After') ?? '1');
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_AUTOMATIC_WAIT_S) return undefined;
  return so.waitedS + seconds <= MAX_TOTAL_WAIT_S ? seconds : undefined;
}

/**
 * Screens load several things at once, and a class behind one school address shares the
 * per-IP limits (a class signing in at once above all): a request refused with a short
 * `Retry-After` is sent again after the wait, so the learner sees a slower answer instead
 * of an error. The body is kept (a clone, before it is sent) so writes can be sent again.
 */
const unsent = new Map<string, Request>();
export const rateLimitWait: Middleware = {
  onRequest({ request, id }) {
    unsent.set(id, request.clone());
    return undefined;
  },
  async onResponse({ response, id }) {
    const original = unsent.get(id);
    unsent.delete(id);
    if (!original) return undefined;
    let answer = response;
    for (let retries = 0, waitedS = 0; ; retries++) {
      const delay = automaticRetryDelay(answer, { retries, waitedS });
      if (delay === undefined) return answer === response ? undefined : answer;
      await new Promise((resolve) => setTimeout(resolve, delay * 1000));
      waitedS += delay;
      answer = await fetch(original.clone());
    }
  },
  onError({ id }) {
    unsent.delete(id);
    return undefined;
  },
};

export const api = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
});
api.use(sessionWatch, rateLimitWait);

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The answer's data, or a throw: `ApiRequestError` for an error answer, a plain Error when offline. */
export async function ok<D>(request: Promise<Answer<D>>): Promise<Exclude<D, undefined>> {
  let answer: Answer<D>;
  try {
    answer = await request;
  } catch {
    throw new Error(OFFLINE_MESSAGE);
  }
  if (!answer.response.ok) {
    throw new ApiRequestError(answer.response.status, isErrorBody(answer.error) ? answer.error : undefined);
  }
  return answer.data as Exclude<D, undefined>;
}

/** For the few routes outside the OpenAPI document (CSV downloads): raw fetch, same error handling. */
export async function fetchText(path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new Error(OFFLINE_MESSAGE);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiRequestError(response.status, isErrorBody(body) ? body : undefined);
  }
  return response.text();
}

/** Untyped GET for answers whose error body carries data (readiness's 503 lists the checks). */
export async function getJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new Error(OFFLINE_MESSAGE);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiRequestError(response.status, isErrorBody(body) ? body : undefined);
  return body as T;
}
