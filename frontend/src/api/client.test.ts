import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Middleware } from 'openapi-fetch';
import { MAX_AUTOMATIC_RETRIES, MAX_TOTAL_WAIT_S, automaticRetryDelay, rateLimitWait } from './client';

const limited = (retryAfter?: string) =>
  new Response(null, { status: 429, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } });

describe('automaticRetryDelay', () => {
  const first = { retries: 0, waitedS: 0 };

  it('waits out a short Retry-After, for reads and writes alike, until 10 s in all', () => {
    expect(automaticRetryDelay(limited('2'), first)).toBe(2);
    expect(automaticRetryDelay(limited(), first)).toBe(1);
    expect(automaticRetryDelay(limited('1'), { retries: 9, waitedS: MAX_TOTAL_WAIT_S - 1 })).toBe(1);
  });

  it('gives up on other statuses, long or nonsense waits, and past the total wait or tries', () => {
    expect(automaticRetryDelay(new Response(null, { status: 503 }), first)).toBeUndefined();
    expect(automaticRetryDelay(limited('30'), first)).toBeUndefined();
    expect(automaticRetryDelay(limited('soon'), first)).toBeUndefined();
    expect(automaticRetryDelay(limited('2'), { retries: 9, waitedS: MAX_TOTAL_WAIT_S - 1 })).toBeUndefined();
    expect(automaticRetryDelay(limited('0'), { retries: MAX_AUTOMATIC_RETRIES, waitedS: 0 })).toBeUndefined();
  });
});

describe('rateLimitWait', () => {
  afterEach(() => vi.unstubAllGlobals());

  type Hooks = Required<Pick<Middleware, 'onRequest' | 'onResponse'>>;
  const hooks = rateLimitWait as Hooks;
  const context = (request: Request, id: string) =>
    ({ request, id, schemaPath: '/api/auth/login', params: {}, options: {} }) as unknown as Parameters<
      Hooks['onRequest']
    >[0];

  /** Runs one request through the middleware, the first answer being `first`, later ones from `fetch`. */
  async function send(first: Response, id: string): Promise<Response | undefined> {
    const request = new Request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com' }),
    });
    await hooks.onRequest(context(request, id));
    await request.text(); // sent: the body the browser had is gone
    return (await hooks.onResponse({ ...context(request, id), response: first })) as Response | undefined;
  }

  it('sends a refused sign-in again, body and all, until it gets through', async () => {
    const sent: { method: string; body: string }[] = [];
    const answers = [limited('0'), new Response('{}', { status: 200 })];
    vi.stubGlobal('fetch', async (request: Request) => {
      sent.push({ method: request.method, body: await request.text() });
      return answers.shift();
    });
    const final = await send(limited('0'), 'a');
    expect(final?.status).toBe(200);
    expect(sent).toEqual([
      { method: 'POST', body: '{"email":"ada@example.com"}' },
      { method: 'POST', body: '{"email":"ada@example.com"}' },
    ]);
  });

  it('shows the 429 after the last retry, and leaves other answers alone', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      calls += 1;
      return limited('0');
    });
    expect((await send(limited('0'), 'b'))?.status).toBe(429);
    expect(calls).toBe(MAX_AUTOMATIC_RETRIES);
    expect(await send(new Response(null, { status: 401 }), 'c')).toBeUndefined();
    expect(calls).toBe(MAX_AUTOMATIC_RETRIES);
  });
});
