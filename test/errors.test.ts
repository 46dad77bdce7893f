/** The one error body, for each way a request can fail: unknown route, invalid input, a bug. */
import { describe, expect, it } from 'vitest';
import { api, apiOnOwnConnection, type ErrorBodyShape } from './support/http.ts';

async function errorOf(res: Response): Promise<ErrorBodyShape['error']> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorBodyShape;
  expect(Object.keys(body)).toEqual(['error']);
  // The request id in the body is the one in the header, so a user's report finds the log line.
  expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  return body.error;
}

describe('unknown routes', () => {
  it('answer 404 not_found naming the method and path', async () => {
    const res = await api('/api/does-not-exist');
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('No route for GET /api/does-not-exist.');
  });

  it('answer 404 for paths outside /api too', async () => {
    const res = await api('/nothing-here', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });

  it('keep a caller-supplied request id that looks like one, and replace one that does not', async () => {
    const kept = await api('/api/nope', { headers: { 'x-request-id': 'lb-0123456789abcdef' } });
    expect((await errorOf(kept)).requestId).toBe('lb-0123456789abcdef');
    const replaced = await api('/api/nope', { headers: { 'x-request-id': '<script>' } });
    expect((await errorOf(replaced)).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('invalid input', () => {
  const post = (body: string, contentType = 'application/json') =>
    api('/api/_test/echo', { method: 'POST', body, headers: { 'content-type': contentType } });

  it('answers 400 validation_failed with one detail per problem', async () => {
    const res = await post(JSON.stringify({ name: '', count: -1.5 }));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    const details = error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['count', 'name']);
    expect(details.every((d) => d.message.length > 0)).toBe(true);
  });

  it('answers 400 for a body that is not JSON at all, without a stack', async () => {
    const res = await post('{"name": ');
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toMatch(/^(bad_request|validation_failed)$/);
    expect(JSON.stringify(error)).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers 415 unsupported_media_type for a body that is not declared as JSON', async () => {
    const res = await post(JSON.stringify({ name: 'Ada', count: 3 }), 'text/plain');
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('unsupported_media_type');
  });

  it('answers 413 payload_too_large for a body over 1 MiB, before reading it', async () => {
    const res = await apiOnOwnConnection('/api/_test/echo', {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(1024 * 1024), count: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error.code).toBe('payload_too_large');
    expect(error.details).toEqual({ maxBytes: 1024 * 1024 });
  });

  it('passes a valid body through', async () => {
    const res = await post(JSON.stringify({ name: 'Ada', count: 3 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'Ada', count: 3 });
  });
});

describe('a bug in a handler', () => {
  it('answers 500 internal_error with the request id and nothing of the internals', async () => {
    const res = await api('/api/_test/bug');
    expect(res.status).toBe(500);
    const text = await res.clone().text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/stack|\.ts:\d+|\.js:\d+/);
    const error = await errorOf(res);
    expect(error).toEqual({ code: 'internal_error', message: 'Internal server error.', requestId: error.requestId });
  });
});
