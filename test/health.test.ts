/** Liveness and readiness through the real HTTP surface, with Postgres and Redis up. */
import { describe, expect, it } from 'vitest';
import { api } from './support/http.ts';

describe('GET /api/health (liveness)', () => {
  it('answers ok without touching a dependency', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', service: 'jeseci-api', environment: 'development' });
    expect(Date.parse(String(body.time))).not.toBeNaN();
  });

  it('answers on the trailing-slash form the operations spec probes', async () => {
    const res = await api('/api/health/');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('is never rate limited, so monitors cannot be throttled into "down"', async () => {
    const ip = '2001:db8::feed';
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => api('/api/health', { ip }).then((r) => r.status)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
  });
});

describe('GET /api/health/ready (readiness)', () => {
  it('reports Postgres and Redis up with their latencies', async () => {
    for (const path of ['/api/health/ready', '/api/health/ready/']) {
      const res = await api(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as {
        status: string;
        checks: Record<string, { status: string; latencyMs: number }>;
      };
      expect(body.status).toBe('ready');
      for (const name of ['postgres', 'redis']) {
        expect(body.checks[name]?.status).toBe('up');
        expect(body.checks[name]?.latencyMs).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
