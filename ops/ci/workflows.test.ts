import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  actionlint,
  checkReferences,
  lintWorkflows,
  packageScripts,
  references,
  unknownInputs,
  workflowFiles,
} from './workflows.ts';

describe('the repository’s workflows', () => {
  it('CI, deploy (with its per-environment workflow) and backup pass actionlint and name only what exists', async () => {
    const { files, problems } = await lintWorkflows();
    expect(files.map((f) => f.split('/').at(-1))).toEqual([
      'backup.yml',
      'ci.yml',
      'deploy-environment.yml',
      'deploy.yml',
    ]);
    expect(problems).toEqual([]);
  });

  it('reference only npm scripts that exist in package.json', () => {
    const scripts = packageScripts();
    const used = new Set(workflowFiles().flatMap((file) => references(readFileSync(file, 'utf8')).scripts));
    expect([...used].sort()).toEqual(['backup', 'build', 'deploy', 'smoke']);
    for (const script of used) expect(scripts.has(script), script).toBe(true);
  });

  it('CI runs .ci/run; deploy tests first, then staging, then production, through wrangler-action', () => {
    const ci = readFileSync(workflowFiles().find((f) => f.endsWith('/ci.yml')) ?? '', 'utf8');
    expect(references(ci).files).toEqual(['.ci/run']);
    const deploy = readFileSync(workflowFiles().find((f) => f.endsWith('/deploy.yml')) ?? '', 'utf8');
    expect(references(deploy).uses).toEqual(['.github/workflows/ci.yml', '.github/workflows/deploy-environment.yml']);
    expect(deploy).toMatch(/staging:[\s\S]*needs: test[\s\S]*production:[\s\S]*needs: staging/);
    const environment = readFileSync(workflowFiles().find((f) => f.endsWith('/deploy-environment.yml')) ?? '', 'utf8');
    expect(environment.match(/uses: cloudflare\/wrangler-action@v3/g)).toHaveLength(3);
    expect(environment).toContain('if: failure()');
  });
});

describe('the checks themselves', () => {
  it('actionlint finds an undefined job in needs, an unknown step key and a bad expression', async () => {
    const bad = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ matrix.nope }}',
      '        unknown_key: 1',
      '  deploy:',
      '    needs: [biuld]',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo hi',
    ].join('\n');
    const messages = (await actionlint(bad, 'bad.yml')).map((p) => p.message).join('\n');
    expect(messages).toMatch(/needs job "biuld" which does not exist/);
    expect(messages).toMatch(/unexpected key "unknown_key"/);
    expect(messages).toMatch(/property "nope" is not defined/);
  });

  it('a missing npm script or file is reported', () => {
    const source = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: npm run deploy && npm run no-such-script && bash ops/nowhere.sh',
      '      - uses: ./.github/actions/missing',
    ].join('\n');
    expect(checkReferences('x.yml', source).map((p) => p.message)).toEqual([
      'npm script "no-such-script" is not in package.json',
      'ops/nowhere.sh does not exist in the repository',
      '.github/actions/missing does not exist in the repository',
    ]);
  });

  it('an input wrangler-action does not declare is reported (actionlint has no metadata for it)', () => {
    const source = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: cloudflare/wrangler-action@v3',
      '        with:',
      '          apiTokn: x',
      '          command: deploy',
    ].join('\n');
    expect(unknownInputs('x.yml', source).map((p) => p.message)).toEqual([
      'input "apiTokn" is not defined in cloudflare/wrangler-action@v3',
    ]);
  });
});
