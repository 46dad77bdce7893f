/**
 * The platform's readiness as a person sees it: each dependency up or down with its
 * latency, straight from /api/health/ready (a 503 still carries the per-dependency checks).
 */
import { createResource, For, Show, type JSX } from 'solid-js';
import { ApiRequestError, getJson } from './api';

interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}
type Checks = Record<string, DependencyStatus>;

export interface Readiness {
  ready: boolean;
  message: string;
  checks: Checks;
}

async function loadReadiness(): Promise<Readiness> {
  try {
    const body = await getJson<{ checks: Checks }>('/api/health/ready');
    return { ready: true, message: 'All systems ready.', checks: body.checks };
  } catch (err) {
    const details =
      err instanceof ApiRequestError ? (err.body?.error.details as { checks?: Checks } | undefined) : undefined;
    if (details?.checks) return { ready: false, message: (err as Error).message, checks: details.checks };
    throw err;
  }
}

export function SystemStatus(): JSX.Element {
  const [readiness, { refetch }] = createResource(loadReadiness);
  return (
    <section class="card" aria-labelledby="status-heading" aria-busy={readiness.loading}>
      <h2 id="status-heading">System status</h2>
      <Show when={!readiness.loading || readiness.latest} fallback={<p role="status">Checking…</p>}>
        <Show
          when={!readiness.error}
          fallback={
            <p role="alert" class="down">
              {(readiness.error as Error | undefined)?.message ?? 'Could not check the status.'}
            </p>
          }
        >
          <p role="status" class={readiness()?.ready ? 'up' : 'down'}>
            {readiness()?.message}
          </p>
          <ul class="checks">
            <For each={Object.entries(readiness()?.checks ?? {})}>
              {([name, check]) => (
                <li data-dependency={name}>
                  <span class={`dot ${check.status}`} aria-hidden="true" />
                  <strong>{name}</strong> {check.status === 'up' ? 'up' : 'down'} · {check.latencyMs} ms
                  <Show when={check.error}>
                    <span class="error"> — {check.error}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <button type="button" onClick={() => void refetch()} disabled={readiness.loading}>
        Check again
      </button>
    </section>
  );
}
