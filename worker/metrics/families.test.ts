import { describe, expect, it } from 'vitest';
import { emptyBuckets } from './histogram';
import { metricFamilies, type MetricsSnapshot } from './families';
import { formatExposition } from './prometheus';
import { parseEventsHash } from './records';

const snapshot = (overrides: Partial<MetricsSnapshot> = {}): MetricsSnapshot => ({
  http: {
    requests: [{ method: 'GET', route: '/api/version', status: '200', count: 2 }],
    durations: [{ method: 'GET', route: '/api/version', counts: emptyBuckets().fill(1, 0, 2), sumSeconds: 0.01 }],
  },
  events: { ...parseEventsHash(null), attempts_submitted: 4, rate_limited_auth: 1 },
  activeUsers: 3,
  liveRoomsActive: 1,
  agents: [{ agent: 'orchestrator', calls: 9, averageMs: 1, errors: 2, lastError: null, lastErrorAt: null }],
  ...overrides,
});

describe('metricFamilies', () => {
  it('exposes the operations spec’s names with their labels, and the platform’s counters and gauges', () => {
    const text = formatExposition(metricFamilies(snapshot()));
    expect(text).toContain('http_requests_total{method="GET",route="/api/version",status="200"} 2\n');
    expect(text).toContain('http_request_duration_seconds_bucket{method="GET",route="/api/version",le="+Inf"} 2\n');
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/api/version"} 2\n');
    expect(text).toContain('jeseci_attempts_submitted_total 4\n');
    expect(text).toContain('jeseci_rate_limited_total{limiter="auth"} 1\n');
    expect(text).toContain('jeseci_rate_limited_total{limiter="api"} 0\n');
    expect(text).toContain('jeseci_agent_errors_total{agent="orchestrator"} 2\n');
    expect(text).toContain('jeseci_active_users 3\n');
    expect(text).toContain('jeseci_live_rooms_active 1\n');
  });

  it('leaves out a gauge whose source was unreachable instead of reporting 0', () => {
    const text = formatExposition(metricFamilies(snapshot({ activeUsers: null, liveRoomsActive: null, agents: null })));
    expect(text).not.toContain('jeseci_active_users');
    expect(text).not.toContain('jeseci_live_rooms_active');
    expect(text).not.toContain('jeseci_agent_');
    expect(text).toContain('# TYPE http_requests_total counter');
  });
});
