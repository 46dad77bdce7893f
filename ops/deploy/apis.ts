/**
 * The two HTTP APIs a deploy calls besides wrangler: Neon's (a branch as the restore point
 * of a release) and Cloudflare's Pages deployments (which wrangler can create but not roll
 * back). Small on purpose: one request builder each, `fetch` passed in so tests can see
 * exactly what would be sent.
 */
export const NEON_API = 'https://console.neon.tech/api/v2';
export const CLOUDFLARE_API = 'https://api.cloudflare.com/client/v4';

export interface NeonBranch {
  id: string;
  name: string;
  parentId: string | null;
}

async function failure(res: Response, what: string): Promise<Error> {
  const text = await res.text().catch(() => '');
  return new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
}

/**
 * Creates a branch (no compute attached: it is a restore point, reachable later by adding
 * an endpoint or restoring from it). Without a parent, Neon branches from the project's
 * default branch.
 */
export async function createNeonBranch(
  doFetch: typeof fetch,
  auth: { apiKey: string; projectId: string },
  branch: { name: string; parentId?: string },
): Promise<NeonBranch> {
  const res = await doFetch(`${NEON_API}/projects/${encodeURIComponent(auth.projectId)}/branches`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${auth.apiKey}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ branch: { name: branch.name, ...(branch.parentId ? { parent_id: branch.parentId } : {}) } }),
  });
  if (!res.ok) throw await failure(res, `Neon branch "${branch.name}" not created`);
  const body = (await res.json()) as { branch?: { id?: string; name?: string; parent_id?: string } };
  if (!body.branch?.id) throw new Error('Neon answered without a branch id');
  return { id: body.branch.id, name: body.branch.name ?? branch.name, parentId: body.branch.parent_id ?? null };
}

interface CloudflareEnvelope<T> {
  success: boolean;
  errors?: { code: number; message: string }[];
  result: T;
}

export async function cloudflareApi<T>(
  doFetch: typeof fetch,
  token: string,
  method: 'GET' | 'POST',
  path: string,
): Promise<T> {
  const res = await doFetch(`${CLOUDFLARE_API}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  const body = (await res.json().catch(() => null)) as CloudflareEnvelope<T> | null;
  if (!res.ok || !body?.success) {
    const errors = body?.errors?.map((e) => `${e.code} ${e.message}`).join('; ') ?? '';
    throw new Error(`Cloudflare API ${method} ${path}: HTTP ${res.status} ${errors}`.trim());
  }
  return body.result;
}

interface PagesDeployment {
  id: string;
  environment: string;
  created_on: string;
  latest_stage?: { name?: string; status?: string };
}

const pagesPath = (accountId: string, project: string) =>
  `/accounts/${encodeURIComponent(accountId)}/pages/projects/${encodeURIComponent(project)}`;

/** The production deployment serving the project now. */
export async function livePagesDeployment(
  doFetch: typeof fetch,
  auth: { token: string; accountId: string },
  project: string,
): Promise<string | null> {
  const result = await cloudflareApi<{ canonical_deployment?: { id?: string } | null }>(
    doFetch,
    auth.token,
    'GET',
    pagesPath(auth.accountId, project),
  );
  return result.canonical_deployment?.id ?? null;
}

/** The successful production deployment before `current`, newest first. */
export function previousDeployment(deployments: readonly PagesDeployment[], current: string | null): string | null {
  const good = deployments
    .filter((d) => d.environment === 'production' && (d.latest_stage?.status ?? 'success') === 'success')
    .sort((a, b) => b.created_on.localeCompare(a.created_on));
  const index = current ? good.findIndex((d) => d.id === current) : 0;
  return good[index + 1]?.id ?? null;
}

/** Points production at an earlier deployment (Pages keeps every deployment; nothing is rebuilt). */
export async function rollBackPages(
  doFetch: typeof fetch,
  auth: { token: string; accountId: string },
  project: string,
  deployment: string | 'previous',
): Promise<string> {
  let target = deployment;
  if (target === 'previous') {
    const current = await livePagesDeployment(doFetch, auth, project);
    const list = await cloudflareApi<PagesDeployment[]>(
      doFetch,
      auth.token,
      'GET',
      `${pagesPath(auth.accountId, project)}/deployments?env=production`,
    );
    const previous = previousDeployment(list, current);
    if (!previous) throw new Error(`no earlier production deployment of Pages project "${project}" to roll back to`);
    target = previous;
  }
  await cloudflareApi<unknown>(
    doFetch,
    auth.token,
    'POST',
    `${pagesPath(auth.accountId, project)}/deployments/${encodeURIComponent(target)}/rollback`,
  );
  return target;
}
