import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from 'prettier';
import { describe, expect, it } from 'vitest';
import type { LoadResult } from './load.ts';
import { medianResult, renderSection, writeBenchmarkSection, writeSection } from './report.ts';

const run = (rps: number, p50: number, extra: Partial<LoadResult> = {}): LoadResult => ({
  url: 'http://x/',
  requestsPerSecond: rps,
  latencyP50Ms: p50,
  latencyP90Ms: p50 * 2,
  latencyP99Ms: p50 * 4,
  totalRequests: rps * 10,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  ...extra,
});

describe('medianResult', () => {
  it('takes each measure’s median and sums the counts', () => {
    const merged = medianResult([run(100, 9), run(300, 30, { non2xx: 2 }), run(200, 10, { errors: 1 })]);
    expect(merged.requestsPerSecond).toBe(200);
    expect(merged.latencyP50Ms).toBe(10);
    expect(merged.totalRequests).toBe(6000);
    expect(merged.non2xx).toBe(2);
    expect(merged.errors).toBe(1);
  });
});

describe('the benchmark report', () => {
  const report = (floorP50: number, healthP50: number) => ({
    rows: [
      { name: 'floor', ...run(1000, floorP50) },
      { name: '`GET /api/health`', ...run(900, healthP50) },
    ],
    rounds: 3,
    durationSeconds: 10,
    connections: 50,
    environment: { cpu: 'test' },
  });

  it('says whether liveness meets the 1.3× target', () => {
    expect(renderSection(report(10, 12))).toContain('1.20× — meets the 1.3× target');
    expect(renderSection(report(10, 14))).toContain('1.40× — misses the 1.3× target');
  });

  it('gives workerd CPU per request next to latency when it was measured', () => {
    const r = report(10, 12);
    r.rows[0] = { ...r.rows[0], serverCpuMicrosPerRequest: 200 } as (typeof r.rows)[0];
    r.rows[1] = { ...r.rows[1], serverCpuMicrosPerRequest: 250 } as (typeof r.rows)[1];
    const text = renderSection(r);
    expect(text).toContain('floor 200 µs, liveness 250 µs (1.25× the floor)');
    expect(text).toMatch(/\| floor \| 1000 \| 10 \| 40 \| 200 \|/);
  });

  it('replaces its own section and keeps the rest of the file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'bench-')), 'benchmarks.md');
    await writeFile(file, '# Benchmarks\n\nOther notes.\n');
    await writeBenchmarkSection(file, report(10, 12));
    await writeBenchmarkSection(file, report(10, 14));
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Other notes.');
    expect(text.match(/bench:foundation:start/g)).toHaveLength(1);
    expect(text).toContain('1.40×');
  });
});

describe('writeSection', () => {
  it('replaces its own section, keeps the others, and writes what `npm run check` accepts', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'bench-')), 'benchmarks.md');
    const table = (n: number) => `## Sizes\n\n| screen | size |\n|---|---:|\n| Landing | ${n} KB |\n`;
    await writeSection(file, 'frontend', table(1));
    await writeSection(file, 'other', 'Other figures.');
    await writeSection(file, 'frontend', table(2));
    const text = await readFile(file, 'utf8');
    expect(text.match(/bench:frontend:start/g)).toHaveLength(1);
    expect(text).toContain('| Landing | 2 KB |');
    expect(text).not.toContain('| Landing | 1 KB |');
    expect(text).toContain('Other figures.');
    await expect(check(text, { filepath: file })).resolves.toBe(true);
  });
});
