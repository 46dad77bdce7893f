/**
 * `npm run bench:password`: the CPU a sign-in costs inside workerd, where scrypt
 * (N=2^15, r=8, p=3) runs: signs in N times in a row and reads the workerd process's CPU
 * time from /proc, next to the same number of rate-limited reads as the baseline, so the
 * difference is the password hash. Writes the figures to docs/benchmarks.md.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../stack/worker-runtime.ts';
import { startBenchStack } from './bench-stack.ts';
import { cpuMilliseconds } from './cpu.ts';
import { writeSection } from './report.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '20' } } });
const count = Number(values.count);
const { worker, workerPid: pid, close } = await startBenchStack(() => {});
const runId = Date.now().toString(36);
if (!pid) throw new Error('could not find the workerd process');

let ip = 0;
const call = (path: string, body?: unknown) =>
  fetch(new URL(path, worker.url), {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': `2001:db8::${(++ip).toString(16)}` },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

async function cpuPerCall(make: () => Promise<Response>, expected: number): Promise<number> {
  const before = cpuMilliseconds(pid as number);
  for (let i = 0; i < count; i++) {
    const res = await make();
    if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${await res.text()}`);
  }
  return (cpuMilliseconds(pid as number) - before) / count;
}

try {
  const email = `bench-${runId}@example.test`;
  const password = 'correct horse battery staple';
  const signUp = await call('/api/auth/register', { email, password, displayName: 'Bench' });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status}`);
  await cpuPerCall(() => call('/api/version'), 200); // warm-up
  const baseline = await cpuPerCall(() => call('/api/version'), 200);
  const signIn = await cpuPerCall(() => call('/api/auth/login', { email, password }), 200);
  const wrong = await cpuPerCall(
    () => call('/api/auth/login', { email: `nobody-${runId}-${ip}@example.test`, password }),
    401,
  );
  const lines = [
    `| request | workerd CPU per request |`,
    `|---|---:|`,
    `| \`GET /api/version\` (baseline: limiter, log, no hash) | ${baseline.toFixed(1)} ms |`,
    `| \`POST /api/auth/login\`, right password (one scrypt verify + session insert) | ${signIn.toFixed(1)} ms |`,
    `| \`POST /api/auth/login\`, unknown email (one scrypt verify against the decoy) | ${wrong.toFixed(1)} ms |`,
  ];
  const text = `## Password hashing in workerd (\`npm run bench:password\`)

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${count} sequential requests of each kind against the Worker bundle in workerd (Miniflare), CPU time of the workerd process from /proc. scrypt N=2^15, r=8, p=3 (node:crypto under nodejs_compat).

${lines.join('\n')}

One scrypt costs about ${(signIn - baseline).toFixed(0)} ms of CPU here (sign-in minus baseline). An unknown email costs the same as a real one, so timing does not reveal accounts.`;
  console.log(text);
  await writeSection(join(ROOT, 'docs', 'benchmarks.md'), 'password', text);
} finally {
  await close();
}
