import { describe, expect, it } from 'vitest';
import { createNeonBranch, previousDeployment, rollBackPages } from './apis.ts';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function recordingFetch(answers: ((sent: Sent) => Response)[]) {
  const sent: Sent[] = [];
  const doFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const entry: Sent = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    sent.push(entry);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request ${entry.method} ${entry.url}`);
    return answer(entry);
  }) as typeof fetch;
  return { sent, doFetch };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

describe('createNeonBranch', () => {
  it('POSTs the branch name and parent with the API key', async () => {
    const { sent, doFetch } = recordingFetch([
      () => json({ branch: { id: 'br-1', name: 'release-x', parent_id: 'br-main' }, operations: [] }, 201),
    ]);
    const branch = await createNeonBranch(
      doFetch,
      { apiKey: 'k', projectId: 'p-1' },
      { name: 'release-x', parentId: 'br-main' },
    );
    expect(branch).toEqual({ id: 'br-1', name: 'release-x', parentId: 'br-main' });
    expect(sent[0]).toMatchObject({
      url: 'https://console.neon.tech/api/v2/projects/p-1/branches',
      method: 'POST',
      headers: { authorization: 'Bearer k' },
      body: { branch: { name: 'release-x', parent_id: 'br-main' } },
    });
  });

  it('error: says what Neon answered', async () => {
    const { doFetch } = recordingFetch([() => json({ message: 'branches limit exceeded' }, 422)]);
    await expect(createNeonBranch(doFetch, { apiKey: 'k', projectId: 'p' }, { name: 'b' })).rejects.toThrow(
      /HTTP 422 .*branches limit exceeded/,
    );
  });
});

describe('Pages rollback', () => {
  const deployments = [
    { id: 'd3', environment: 'production', created_on: '2026-11-26T10:00:00Z', latest_stage: { status: 'success' } },
    { id: 'p1', environment: 'preview', created_on: '2026-11-26T09:30:00Z' },
    { id: 'd2', environment: 'production', created_on: '2026-11-25T10:00:00Z', latest_stage: { status: 'failure' } },
    { id: 'd1', environment: 'production', created_on: '2026-11-24T10:00:00Z', latest_stage: { status: 'success' } },
  ];

  it('picks the successful production deployment before the live one', () => {
    expect(previousDeployment(deployments, 'd3')).toBe('d1');
    expect(previousDeployment(deployments, 'd1')).toBeNull();
  });

  it('rolls back to the previous deployment through the API', async () => {
    const ok = (result: unknown) => () => json({ success: true, errors: [], result });
    const { sent, doFetch } = recordingFetch([
      ok({ canonical_deployment: { id: 'd3' } }),
      ok(deployments),
      ok({ id: 'd1' }),
    ]);
    expect(await rollBackPages(doFetch, { token: 't', accountId: 'a' }, 'jeseci', 'previous')).toBe('d1');
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET https://api.cloudflare.com/client/v4/accounts/a/pages/projects/jeseci',
      'GET https://api.cloudflare.com/client/v4/accounts/a/pages/projects/jeseci/deployments?env=production',
      'POST https://api.cloudflare.com/client/v4/accounts/a/pages/projects/jeseci/deployments/d1/rollback',
    ]);
  });
});
