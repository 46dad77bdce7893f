/**
 * The REST protocol at the HTTP level: status codes, body shapes, auth, encoding, limits,
 * health and simulated outages — asserted with raw fetch on both backends.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKEN, VARIANTS, startFixture, suiteName, type Fixture } from './test-support.ts';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

for (const variant of VARIANTS) {
  describe.skipIf(variant.skipReason !== undefined)(suiteName('REST protocol', variant), () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await startFixture(variant);
    });
    afterAll(async () => {
      await f?.close();
    });

    test('health needs no token and names the backend', async () => {
      const res = await fetch(`${f.bridge.url}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, backend: variant.redisUrl ? 'redis' : 'memory' });
      expect(f.bridge.backend).toBe(variant.redisUrl ? 'redis' : 'memory');
    });

    test('single command: result on success, 400 with the Redis error otherwise', async () => {
      const k = f.key('single');
      expect(await f.post('/', ['SET', k, 'v', 'EX', 10])).toEqual({ status: 200, json: { result: 'OK' } });
      expect(await f.post('/', ['GET', k])).toEqual({ status: 200, json: { result: 'v' } });
      expect(await f.post('/', ['TTL', k])).toEqual({ status: 200, json: { result: 10 } });
      expect(await f.post('/', ['GET', f.key('missing')])).toEqual({ status: 200, json: { result: null } });
      const wrongType = await f.post('/', ['HGET', k, 'field']);
      expect(wrongType).toEqual({ status: 400, json: { error: expect.stringMatching(/^WRONGTYPE /) } });
      const unknown = await f.post('/', ['NOSUCHCOMMAND', 'x']);
      expect(unknown).toEqual({ status: 400, json: { error: expect.stringMatching(/^ERR unknown command/) } });
    });

    test('numbers and booleans in the command array are sent as strings', async () => {
      const k = f.key('numbers');
      expect((await f.post('/', ['SET', k, 42])).json).toEqual({ result: 'OK' });
      expect((await f.post('/', ['INCRBY', k, 8])).json).toEqual({ result: 50 });
      expect((await f.post('/', ['SET', k, true])).json).toEqual({ result: 'OK' });
      expect((await f.post('/', ['GET', k])).json).toEqual({ result: 'true' });
    });

    test('Upstash-Encoding: base64 encodes every string in the result, not numbers or nil', async () => {
      const k = f.key('b64');
      const z = f.key('b64z');
      const headers = { 'Upstash-Encoding': 'base64' };
      expect((await f.post('/', ['SET', k, 'héllo'], headers)).json).toEqual({ result: b64('OK') });
      expect((await f.post('/', ['GET', k], headers)).json).toEqual({ result: b64('héllo') });
      expect((await f.post('/', ['ZADD', z, 1, 'a', 2, 'b'], headers)).json).toEqual({ result: 2 });
      const range = await f.post('/', ['ZRANGE', z, 0, -1, 'WITHSCORES'], headers);
      expect(range.json).toEqual({ result: [b64('a'), b64('1'), b64('b'), b64('2')] });
      const mget = await f.post('/', ['MGET', k, f.key('none')], headers);
      expect(mget.json).toEqual({ result: [b64('héllo'), null] });
      const error = await f.post('/', ['INCR', k], headers);
      expect(error).toEqual({ status: 400, json: { error: 'ERR value is not an integer or out of range' } });
    });

    test('pipeline answers one entry per command, errors included, with status 200', async () => {
      const k = f.key('pipe');
      const res = await f.post('/pipeline', [['SET', k, 'x'], ['INCR', k], ['GET', k], ['PING']]);
      expect(res).toEqual({
        status: 200,
        json: [
          { result: 'OK' },
          { error: 'ERR value is not an integer or out of range' },
          { result: 'x' },
          { result: 'PONG' },
        ],
      });
    });

    test('multi-exec runs atomically; a command that cannot be queued aborts all of it', async () => {
      const k = f.key('tx');
      const ok = await f.post('/multi-exec', [
        ['SET', k, '1'],
        ['INCR', k],
        ['HGET', k, 'f'],
        ['GET', k],
      ]);
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual([
        { result: 'OK' },
        { result: 2 },
        { error: expect.stringMatching(/^WRONGTYPE /) },
        { result: '2' },
      ]);
      const aborted = await f.post('/multi-exec', [['INCR', k], ['NOSUCHCOMMAND']]);
      expect(aborted).toEqual({ status: 400, json: { error: expect.stringMatching(/^EXECABORT /) } });
      expect((await f.post('/', ['GET', k])).json).toEqual({ result: '2' });
    });

    test('path form: command in the URL, body as last argument', async () => {
      const k = f.key('path/with spaces');
      const path = `/set/${encodeURIComponent(k)}`;
      expect(await f.post(path, 'body value')).toEqual({ status: 200, json: { result: 'OK' } });
      const res = await fetch(`${f.bridge.url}/get/${encodeURIComponent(k)}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ result: 'body value' });
      expect(await f.post(`/incrby/${encodeURIComponent(f.key('pathn'))}/5`, '')).toEqual({
        status: 200,
        json: { result: 5 },
      });
    });

    test('malformed requests get 400 with an ERR message', async () => {
      const cases: [string, unknown][] = [
        ['{"not": "closed"', /not valid JSON/],
        ['', /empty request body/],
        ['{"cmd":"GET"}', /not an array/],
        ['[]', /empty/],
        ['[["GET","k"]]', /argument 0 must be a string/],
        ['["GET", null]', /argument 1 must be a string/],
        ['["SELECT", 1]', /not supported over the REST API/],
      ];
      for (const [body, message] of cases) {
        const res = await f.post('/', body);
        expect(res.status, body).toBe(400);
        expect(res.json, body).toEqual({ error: expect.stringMatching(/^ERR /) });
        expect((res.json as { error: string }).error, body).toMatch(message as RegExp);
      }
      expect((await f.post('/pipeline', '[]')).status).toBe(400);
      expect((await f.post('/pipeline', '[["PING"], "x"]')).json).toEqual({
        error: expect.stringMatching(/command 2 of the pipeline/),
      });
    });

    test('missing or wrong token is 401 Unauthorized', async () => {
      const none = await fetch(`${f.bridge.url}/`, { method: 'POST', body: '["PING"]' });
      expect(none.status).toBe(401);
      expect(await none.json()).toEqual({ error: 'Unauthorized' });
      const wrong = await f.post('/', ['PING'], { authorization: `Bearer ${TOKEN}x` });
      expect(wrong).toEqual({ status: 401, json: { error: 'Unauthorized' } });
    });

    test('unknown paths are 404, wrong methods 405, bodies over 1 MB 413', async () => {
      expect((await f.post('/definitely/not/a/command', '')).status).toBe(404);
      const get = await fetch(`${f.bridge.url}/pipeline`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(get.status).toBe(405);
      const big = JSON.stringify(['SET', f.key('big'), 'x'.repeat(1024 * 1024)]);
      const tooLarge = await f.post('/', big);
      expect(tooLarge).toEqual({
        status: 413,
        json: { error: expect.stringMatching(/exceeds the 1048576-byte limit/) },
      });
      const justUnder = JSON.stringify(['SET', f.key('big'), 'x'.repeat(1024 * 1024 - 100)]);
      expect((await f.post('/', justUnder)).status).toBe(200);
    });

    test('setUnavailable makes commands and health fail with 503 until restored', async () => {
      f.bridge.setUnavailable(true);
      try {
        const res = await f.post('/', ['PING']);
        expect(res).toEqual({ status: 503, json: { error: expect.stringMatching(/unavailable/) } });
        expect((await f.post('/pipeline', [['PING']])).status).toBe(503);
        expect((await fetch(`${f.bridge.url}/health`)).status).toBe(503);
      } finally {
        f.bridge.setUnavailable(false);
      }
      expect(await f.post('/', ['PING'])).toEqual({ status: 200, json: { result: 'PONG' } });
    });
  });
}
