/** The deploy and rollback commands as an operator runs them, with --dry-run: nothing may be called. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../exec.ts';
import { main, type CliDependencies } from './cli.ts';
import { deployTasks } from './tasks.ts';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

/** Dependencies that fail the test if anything but `git rev-parse` is called. */
function dryDeps(lines: string[]): CliDependencies {
  return {
    exec: async (argv) => {
      if (argv.join(' ') === 'git rev-parse HEAD') return { code: 0, stdout: 'abcdef1234567890\n', stderr: '' };
      throw new Error(`dry run called ${argv.join(' ')}`);
    },
    tasks: deployTasks,
    fetch: async (input) => {
      throw new Error(`dry run fetched ${String(input)}`);
    },
    env: {},
    log: (line) => lines.push(line),
    now: () => new Date('2026-11-26T19:15:00Z'),
  };
}

describe('npm run deploy -- --dry-run', () => {
  it('prints every step of a production deploy with its command and calls nothing (CLI, as run by npm)', async () => {
    const { stdout } = await run(TSX, ['ops/deploy/cli.ts', 'deploy', '--env', 'production', '--dry-run'], {
      cwd: REPO_ROOT,
      // No credentials at all: a dry run must not need (or look for) any.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_SHA: 'abcdef1234567890abcdef' },
      timeout: 60_000,
    });
    expect(stdout).toMatch(
      /^Deploy production-\d{8}-\d{4}-abcdef1 to production \(https:\/\/jeseci\.dev, Worker jeseci-api-production\)/,
    );
    for (const expected of [
      '$ git status --porcelain',
      '$ npm run check',
      '$ wrangler secret list --env production --format json',
      '$ wrangler deployments status --env production --json',
      'POST https://console.neon.tech/api/v2/projects/$NEON_PROJECT_ID/branches',
      '$ npm run db:migrate',
      '$ wrangler deploy --env production --tag abcdef123456',
      '$ npm run build',
      '$ wrangler pages deploy frontend/dist --project-name jeseci --branch main',
      'GET https://jeseci.dev/api/health/ready',
      '$ wrangler rollback {live-version} --env production --yes',
      'Dry run: nothing was called.',
    ]) {
      expect(stdout).toContain(expected);
    }
    // The Worker's secrets come from .dev.vars.example, the list wrangler types reads.
    expect(stdout).toMatch(/includes DATABASE_URL, UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN, MAIL_API_KEY/);
  }, 60_000);

  it('in-process: staging, rollback, and no call is made', async () => {
    const lines: string[] = [];
    expect(await main('deploy', ['--env', 'staging', '--dry-run', '--skip-check'], dryDeps(lines))).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('Deploy staging-20261126-1915-abcdef1 to staging (https://staging.jeseci.dev');
    expect(text).not.toContain('$ npm run check');
    expect(text).toContain('--branch staging');
    expect(text).toContain('A real run needs CLOUDFLARE_API_TOKEN');

    lines.length = 0;
    expect(await main('rollback', ['--env', 'production', '--to', 'v-9', '--pages', '--dry-run'], dryDeps(lines))).toBe(
      0,
    );
    expect(lines.join('\n')).toContain('$ wrangler rollback v-9 --env production --yes');
    expect(lines.join('\n')).toContain('/pages/projects/jeseci/deployments/<previous>/rollback');
  });

  it('error: an unknown environment, phase or flag is a usage error (exit 2)', async () => {
    const lines: string[] = [];
    expect(await main('deploy', ['--env', 'prod', '--dry-run'], dryDeps(lines))).toBe(2);
    expect(lines.join('\n')).toMatch(/--env must be one of staging, production/);
    expect(await main('deploy', ['--env', 'staging', '--only', 'everything', '--dry-run'], dryDeps(lines))).toBe(2);
    expect(await main('deploy', ['--env', 'staging', '--yolo'], dryDeps(lines))).toBe(2);
  });
});
