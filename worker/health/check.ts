/**
 * Dependency checks for readiness: each probe gets a deadline, and the result says up or
 * down with the latency, so an operator sees which dependency failed and how slow it was.
 */
export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export async function checkDependency(
  probe: () => Promise<unknown>,
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<DependencyStatus> {
  const started = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([probe(), deadline]);
    return { status: 'up', latencyMs: now() - started };
  } catch (err) {
    return { status: 'down', latencyMs: now() - started, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

export function summarize<K extends string>(checks: Record<K, DependencyStatus>): { ready: boolean; down: K[] } {
  const down = (Object.keys(checks) as K[]).filter((name) => checks[name].status === 'down');
  return { ready: down.length === 0, down };
}
