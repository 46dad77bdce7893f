/** The operations spec's security headers on every kind of response, and CORS locked to configured origins. */
import { describe, expect, it } from 'vitest';
import { api } from './support/http.ts';

const EXPECTED = {
  'x-frame-options': 'SAMEORIGIN',
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
    ['the docs page', '/api/docs'],
  ];
  it.each(cases)('are on %s', async (_label, path, init) => {
    const res = await api(path, init);
    for (const [name, value] of Object.entries(EXPECTED)) expect(res.headers.get(name), name).toBe(value);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'self'");
  });
});

describe('CORS', () => {
  it('allows a configured origin, with credentials', async () => {
    const res = await api('/api/health', { headers: { origin: 'http://localhost:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('gives an unknown origin no CORS grant', async () => {
    const res = await api('/api/health', { headers: { origin: 'https://evil.example' } });
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
