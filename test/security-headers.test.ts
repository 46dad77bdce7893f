/** The operations spec's security headers on every kind of response, and CORS locked to configured origins. */
import { describe, expect, it } from 'vitest';
import { api, freshClientIp } from './support/http.ts';

const EXPECTED = {
  'x-frame-options': 'DENY',
  'x-xss-protection': '0',
  'cross-origin-resource-policy': 'same-site',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
};

describe('security headers', () => {
  const cases: [string, string, RequestInit?][] = [
    ['a 200', '/api/health'],
    ['a 404', '/api/nope'],
    ['a 500', '/api/_test/bug'],
    ['a 400', '/api/_test/echo', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }],
    ['a 429', '/api/version'],
    ['the docs page', '/api/docs'],
  ];
  it.each(cases)('are on %s', async (label, path, init) => {
    let res = await api(path, init);
    if (label === 'a 429') {
      // A burst over the limit of 20; on a busy machine one may straddle a refill, so up to five.
      const ip = freshClientIp();
      let limited: Response | undefined;
      for (let round = 0; !limited && round < 5; round++) {
        const burst = await Promise.all(Array.from({ length: 26 }, () => api(path, { ip })));
        limited = burst.find((r) => r.status === 429);
      }
      if (!limited) throw new Error('no 429 in five bursts of 26');
      res = limited;
    }
    for (const [name, value] of Object.entries(EXPECTED)) expect(res.headers.get(name), name).toBe(value);
    const csp = res.headers.get('content-security-policy') ?? '';
    // Nothing may load or run: no script source at all, and no framing.
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('lets the docs page have its inline styles, and nothing else', async () => {
    const csp = (await api('/api/docs')).headers.get('content-security-policy');
    expect(csp).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it("are also what Pages sends with the app (frontend/public/_headers), in the spec's document form", async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../frontend/public/_headers', import.meta.url), 'utf8');
    for (const line of [
      'X-Frame-Options: SAMEORIGIN',
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: strict-origin-when-cross-origin',
      'Strict-Transport-Security: max-age=63072000; includeSubDomains; preload',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/Content-Security-Policy: default-src 'self'; script-src 'self';/);
  });
});

describe('CORS', () => {
  it('allows a configured origin, with credentials', async () => {
    const res = await api('/api/version', { headers: { origin: 'http://localhost:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('gives an unknown origin no CORS grant', async () => {
    const res = await api('/api/version', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight from a configured origin and refuses one from elsewhere', async () => {
    const preflight = (origin: string) =>
      api('/api/_test/echo', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('http://127.0.0.1:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
