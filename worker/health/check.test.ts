import { describe, expect, it } from 'vitest';
import { checkDependency, summarize } from './check';

describe('checkDependency', () => {
  it('reports up with the latency the probe took', async () => {
    let clock = 100;
    const result = await checkDependency(
      async () => {
        clock += 7;
      },
      1000,
      () => clock,
    );
    expect(result).toEqual({ status: 'up', latencyMs: 7 });
  });

  it('reports down with the probe error', async () => {
    const result = await checkDependency(() => Promise.reject(new Error('connection refused')), 1000);
    expect(result.status).toBe('down');
    expect(result.error).toBe('connection refused');
  });

  it('reports down when the probe does not answer before the deadline', async () => {
    const result = await checkDependency(() => new Promise(() => {}), 20);
    expect(result.status).toBe('down');
    expect(result.error).toBe('no answer within 20 ms');
    expect(result.latencyMs).toBeGreaterThanOrEqual(15);
  });
});

describe('summarize', () => {
  it('is ready only when every dependency is up, and names the ones down', () => {
    const up = { status: 'up', latencyMs: 1 } as const;
    const down = { status: 'down', latencyMs: 1, error: 'x' } as const;
    expect(summarize({ postgres: up, redis: up })).toEqual({ ready: true, down: [] });
    expect(summarize({ postgres: down, redis: up })).toEqual({ ready: false, down: ['postgres'] });
    expect(summarize({ postgres: down, redis: down })).toEqual({ ready: false, down: ['postgres', 'redis'] });
  });
});
