import { describe, expect, it } from 'vitest';
import type { Exec } from '../exec.ts';
import { deployTasks, liveVersionOf, missingNames, parseSecretList } from './tasks.ts';

const context = (exec: Exec, env: NodeJS.ProcessEnv = {}) => ({ env, exec, fetch, log: () => {} });
const answer =
  (stdout: string, code = 0, stderr = ''): Exec =>
  async () => ({ code, stdout, stderr });

describe('wrangler output parsing', () => {
  it('reads secret names from `wrangler secret list --format json` (banner lines before the JSON tolerated)', () => {
    const out =
      '⛅️ wrangler 4\n[{"name":"DATABASE_URL","type":"secret_text"},{"name":"METRICS_TOKEN","type":"secret_text"}]';
    expect(parseSecretList(out)).toEqual(['DATABASE_URL', 'METRICS_TOKEN']);
    expect(missingNames(['DATABASE_URL', 'MAIL_API_KEY'], parseSecretList(out))).toEqual(['MAIL_API_KEY']);
  });

  it('takes the version serving the most traffic from `wrangler deployments status --json`', () => {
    const out = JSON.stringify({
      id: 'dep',
      versions: [
        { version_id: 'old', percentage: 10 },
        { version_id: 'new', percentage: 90 },
      ],
    });
    expect(liveVersionOf(out)).toBe('new');
    expect(liveVersionOf('{"versions":[]}')).toBeNull();
  });
});

describe('deploy tasks', () => {
  it('worker-secrets fails naming each missing secret and the command that sets it', async () => {
    const run = deployTasks['worker-secrets'](
      { environment: 'staging', required: ['DATABASE_URL', 'MAIL_API_KEY'] },
      context(answer('[{"name":"DATABASE_URL"}]')),
    );
    await expect(run).rejects.toThrow(
      'secrets not set in staging: MAIL_API_KEY; set each with `npx wrangler secret put NAME --env staging`',
    );
  });

  it('live-version records the version to roll back to, and copes with a first deploy', async () => {
    const result = await deployTasks['live-version'](
      { environment: 'production' },
      context(answer('{"versions":[{"version_id":"v-1","percentage":100}]}')),
    );
    expect(result.outputs).toEqual({ 'live-version': 'v-1' });
    const first = await deployTasks['live-version'](
      { environment: 'production' },
      context(answer('', 1, 'The Worker jeseci-api-production has no deployments.')),
    );
    expect(first.outputs).toBeUndefined();
    expect(first.detail).toMatch(/first deploy/);
  });

  it('clean-tree refuses uncommitted changes and lists them', async () => {
    await expect(deployTasks['clean-tree']({}, context(answer(' M wrangler.toml\n?? notes.txt\n')))).rejects.toThrow(
      /2 uncommitted change\(s\)[\s\S]*wrangler\.toml/,
    );
  });

  it('deploy-credentials names what the machine lacks, never a value', async () => {
    const run = deployTasks['deploy-credentials'](
      { names: ['CLOUDFLARE_API_TOKEN', 'NEON_API_KEY'] },
      context(answer(''), { CLOUDFLARE_API_TOKEN: 'secret-value' }),
    );
    await expect(run).rejects.toThrow('missing on this machine: NEON_API_KEY');
    await expect(run).rejects.not.toThrow(/secret-value/);
  });
});
