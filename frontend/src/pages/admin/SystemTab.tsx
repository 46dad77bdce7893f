/**
 * System health (GET /api/admin/system): each dependency up or down with its latency, then
 * the last hour's request rate, server-error rate, p95 latency and rate-limit hits, with a
 * chart per minute. It refreshes itself every 30 s (pausable); the "updated" line is a
 * polite live region so a screen reader hears that it changed without being interrupted.
 */
import { createMemo, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Chart } from '../../ui/charts/Chart';
import { Load } from '../../ui/Load';
import { createAutoRefresh } from './auto-refresh';
import { latencyChart, latencySummary, trafficChart, trafficSummary, type MinutePoint } from './chart-data';
import { formatClock, formatCount, formatMs, formatPercent, formatRate } from './format';
import { createRefreshingResource } from './refreshing-resource';

export const REFRESH_EVERY_MS = 30_000;

const loadSystem = () => ok(api.GET('/api/admin/system'));
type SystemHealth = Awaited<ReturnType<typeof loadSystem>>;

function Figure(props: { label: string; value: string; note: string; tone?: 'down' | 'warn' }): JSX.Element {
  return (
    <div class={`card stat figure ${props.tone ?? ''}`}>
      <span class="value">{props.value}</span>
      <span class="label">{props.label}</span>
      <span class="hint">{props.note}</span>
    </div>
  );
}

function Readiness(props: { health: SystemHealth }): JSX.Element {
  const entries = () => Object.entries(props.health.checks);
  return (
    <section class="card" aria-labelledby="readiness-heading">
      <h3 id="readiness-heading">Readiness</h3>
      <p class={props.health.ready ? 'up' : 'down'}>
        <strong>
          {props.health.ready ? 'All systems ready.' : `Not ready: ${props.health.down.join(' and ')} down.`}
        </strong>
      </p>
      <ul class="checks">
        <For each={entries()}>
          {([name, check]) => (
            <li data-dependency={name}>
              <span class={`dot ${check.status}`} aria-hidden="true" />
              <strong>{name === 'postgres' ? 'Postgres' : name === 'redis' ? 'Redis' : name}</strong>{' '}
              <span class={check.status}>{check.status === 'up' ? 'up' : 'down'}</span>
              <span class="muted"> · {formatMs(check.latencyMs)}</span>
              <Show when={check.error}>
                <span class="down"> — {check.error}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function Traffic(props: { traffic: NonNullable<SystemHealth['traffic']>; activeUsers: number | null }): JSX.Element {
  const traffic = () => props.traffic;
  const busy = createMemo(() => [...traffic().series].reverse().filter((point: MinutePoint) => point.requests > 0));
  const errorTone = () => ((traffic().errorRate ?? 0) >= 0.01 ? 'down' : undefined);
  return (
    <>
      <div class="admin-stats">
        <Figure
          label="Request rate"
          value={formatRate(traffic().requestsPerMinute)}
          note={`${formatCount(traffic().requests)} requests in the last hour`}
        />
        <Figure
          label="Error rate"
          value={formatPercent(traffic().errorRate, 2)}
          note={`${formatCount(traffic().errors)} server errors (5xx)`}
          tone={errorTone()}
        />
        <Figure
          label="p95 latency"
          value={formatMs(traffic().p95Ms)}
          note={`average ${formatMs(traffic().averageMs)}`}
        />
        <Figure
          label="Rate-limit hits"
          value={formatCount(traffic().rateLimited)}
          note="requests refused with 429"
          tone={traffic().rateLimited > 0 ? 'warn' : undefined}
        />
        <Figure
          label="Active users"
          value={props.activeUsers === null ? '—' : formatCount(props.activeUsers)}
          note="signed in, last 5 minutes"
        />
      </div>
      <div class="admin-charts">
        <section class="card stack" aria-labelledby="traffic-chart-heading">
          <h3 id="traffic-chart-heading">Requests per minute</h3>
          <Chart
            kind="time"
            summary={trafficSummary(traffic().series)}
            data={trafficChart(traffic().series)}
            series={[
              { label: 'Requests', color: 'accent' },
              { label: 'Server errors', color: 'down' },
              { label: 'Rate-limited', color: 'warn' },
            ]}
            formatY={formatCount}
            integerY
          />
        </section>
        <section class="card stack" aria-labelledby="latency-chart-heading">
          <h3 id="latency-chart-heading">p95 latency per minute</h3>
          <Chart
            kind="time"
            summary={latencySummary(traffic().series)}
            data={latencyChart(traffic().series)}
            series={[{ label: 'p95 latency', color: 'up' }]}
            formatY={(ms) => formatMs(ms)}
          />
        </section>
      </div>
      <details class="card">
        <summary>The last hour minute by minute, as a table</summary>
        <Show when={busy().length > 0} fallback={<p class="muted">No requests in the last hour.</p>}>
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden">
                Requests per minute, newest first (minutes without requests left out)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Minute</th>
                  <th scope="col" class="number">
                    Requests
                  </th>
                  <th scope="col" class="number">
                    5xx
                  </th>
                  <th scope="col" class="number">
                    429
                  </th>
                  <th scope="col" class="number">
                    p95
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={busy()}>
                  {(point) => (
                    <tr>
                      <th scope="row">
                        <time datetime={point.at}>
                          {new Date(point.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
                        </time>
                      </th>
                      <td class="number">{formatCount(point.requests)}</td>
                      <td class="number">{formatCount(point.errors)}</td>
                      <td class="number">{formatCount(point.rateLimited)}</td>
                      <td class="number">{formatMs(point.p95Ms)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </details>
    </>
  );
}

export function SystemTab(): JSX.Element {
  const [health, { refetch }] = createRefreshingResource(loadSystem);
  const auto = createAutoRefresh(() => void refetch(), REFRESH_EVERY_MS);
  return (
    <section class="stack" aria-labelledby="system-heading">
      <div class="row spread">
        <h2 id="system-heading">System health</h2>
        <div class="row">
          <button type="button" onClick={() => void refetch()} disabled={health.loading}>
            {health.loading ? 'Refreshing…' : 'Refresh now'}
          </button>
          <button type="button" onClick={() => auto.toggle()}>
            {auto.paused() ? 'Resume auto-refresh' : 'Pause auto-refresh'}
          </button>
        </div>
      </div>
      <p class="muted" aria-live="polite">
        <Show when={health.latest} fallback="Checking…">
          {(latest) => (
            <>
              Updated at {formatClock(latest().checkedAt)}.{' '}
              {auto.paused() ? 'Auto-refresh is paused.' : `Refreshes every ${REFRESH_EVERY_MS / 1000} s.`}
            </>
          )}
        </Show>
      </p>
      <Load data={health} retry={() => void refetch()} loading="Checking the platform…">
        {(value) => (
          <>
            <Readiness health={value} />
            <Show
              when={value.traffic}
              fallback={
                <p class="form-error" role="alert">
                  Traffic figures are unavailable: they are kept in Redis, which cannot be reached.
                </p>
              }
            >
              {(traffic) => <Traffic traffic={traffic()} activeUsers={value.activeUsers} />}
            </Show>
          </>
        )}
      </Load>
    </section>
  );
}
