/**
 * Jeseci's metrics as Prometheus families: the operations spec's `http_requests_total`,
 * `http_request_duration_seconds` and `jeseci_active_users`, plus the platform's own
 * counters and gauges. A gauge whose source could not be read is left out of the scrape
 * (Prometheus's `absent()` then says so) rather than reported as 0.
 */
import type { AgentMetrics } from '../agents/agent-metrics';
import { DURATION_BUCKETS } from './histogram';
import type { MetricFamily } from './prometheus';
import type { EventTotals, HttpTotals } from './records';

export interface MetricsSnapshot {
  http: HttpTotals;
  events: EventTotals;
  /** Null when the source was unreachable. */
  activeUsers: number | null;
  liveRoomsActive: number | null;
  agents: AgentMetrics[] | null;
}

export function metricFamilies(snapshot: MetricsSnapshot): MetricFamily[] {
  const { http, events } = snapshot;
  const families: MetricFamily[] = [
    {
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, matched route pattern and status.',
      type: 'counter',
      samples: http.requests.map(({ method, route, status, count }) => ({
        labels: { method, route, status },
        value: count,
      })),
    },
    {
      name: 'http_request_duration_seconds',
      help: 'Time from a request reaching the API to its response, by method and route pattern.',
      type: 'histogram',
      bounds: DURATION_BUCKETS,
      samples: http.durations.map(({ method, route, counts, sumSeconds }) => ({
        labels: { method, route },
        counts,
        sum: sumSeconds,
      })),
    },
    {
      name: 'jeseci_attempts_submitted_total',
      help: 'Answers submitted to POST /api/attempts and graded (replays included).',
      type: 'counter',
      samples: [{ value: events.attempts_submitted }],
    },
    {
      name: 'jeseci_live_rooms_opened_total',
      help: 'Live quiz rooms created.',
      type: 'counter',
      samples: [{ value: events.live_rooms_opened }],
    },
    {
      name: 'jeseci_live_players_joined_total',
      help: 'Players seated in live quiz rooms.',
      type: 'counter',
      samples: [{ value: events.live_players_joined }],
    },
    {
      name: 'jeseci_rate_limited_total',
      help: 'Requests refused with 429, by limiter: auth (sign-in and sign-up, per IP and per account) or api (per session or IP, and the per-IP ceiling).',
      type: 'counter',
      samples: [
        { labels: { limiter: 'api' }, value: events.rate_limited_api },
        { labels: { limiter: 'auth' }, value: events.rate_limited_auth },
      ],
    },
  ];
  if (snapshot.agents) {
    const agents = snapshot.agents;
    families.push(
      {
        name: 'jeseci_agent_calls_total',
        help: 'Calls to each tutor agent, across every learner.',
        type: 'counter',
        samples: agents.map((row) => ({ labels: { agent: row.agent }, value: row.calls })),
      },
      {
        name: 'jeseci_agent_errors_total',
        help: 'Tutor agent calls that failed or fell back, across every learner.',
        type: 'counter',
        samples: agents.map((row) => ({ labels: { agent: row.agent }, value: row.errors })),
      },
    );
  }
  if (snapshot.activeUsers !== null) {
    families.push({
      name: 'jeseci_active_users',
      help: 'Signed-in users seen in the last 5 minutes.',
      type: 'gauge',
      samples: [{ value: snapshot.activeUsers }],
    });
  }
  if (snapshot.liveRoomsActive !== null) {
    families.push({
      name: 'jeseci_live_rooms_active',
      help: 'Live quiz rooms created in the last 6 hours and not yet ended.',
      type: 'gauge',
      samples: [{ value: snapshot.liveRoomsActive }],
    });
  }
  return families;
}
