// Runs before `npm run dev` and `npm test` (on whatever Node the machine has): installs
// the locked dependencies when node_modules is missing or older than package-lock.json,
// so a fresh clone needs nothing but Node and npm. Plain JS: nothing is installed yet.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync('node_modules/.bin/node') ||
  !existsSync(marker) ||
  statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;

if (stale) {
  console.log('[setup] installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[setup] npm ci failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
