import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT } from './histogram';
import {
  eventsFor,
  methodLabel,
  minuteOf,
  parseEventsHash,
  parseHttpHash,
  parseMinuteHash,
  planRecord,
  type Increment,
  type RequestSample,
} from './records';

const sample = (overrides: Partial<RequestSample> = {}): RequestSample => ({
  method: 'GET',
  route: '/api/courses/:course',
  path: '/api/courses/osp-with-jac',
  status: 200,
  durationMs: 42,
  ...overrides,
});

/** Applies increments to a plain hash, as Redis would. */
function apply(hash: Record<string, number>, increments: Increment[]): Record<string, number> {
  for (const { field, by } of increments) hash[field] = (hash[field] ?? 0) + by;
  return hash;
}

describe('planRecord', () => {
  const at = new Date('2026-03-02T10:15:30Z');

  it('counts the request under its route pattern, never its path, with its duration bucket and sum', () => {
    const plan = planRecord(sample(), at);
    const http = parseHttpHash(apply({}, plan.http));
    expect(http.requests).toEqual([{ method: 'GET', route: '/api/courses/:course', status: '200', count: 1 }]);
    expect(http.durations).toHaveLength(1);
    expect(http.durations[0]?.sumSeconds).toBeCloseTo(0.042);
    // 42 ms is in the (0.025, 0.05] bucket.
    expect(http.durations[0]?.counts.indexOf(1)).toBe(3);
    expect(JSON.stringify(plan)).not.toContain('osp-with-jac');
  });

  it('adds to the current minute: requests, 5xx errors, 429s, the bucket and the sum', () => {
    const minute = minuteOf(at);
    const hash = apply({}, [
      ...planRecord(sample(), at).perMinute,
      ...planRecord(sample({ status: 503, durationMs: 12_000 }), at).perMinute,
      ...planRecord(sample({ status: 429, durationMs: 1 }), at).perMinute,
    ]);
    expect(planRecord(sample(), at).minute).toBe(minute);
    expect(parseMinuteHash(minute, hash)).toEqual({
      minute,
      requests: 3,
      errors: 1,
      rateLimited: 1,
      buckets: [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1],
      sumMs: 12_043,
    });
  });

  it('marks sums as fractional so they go through HINCRBYFLOAT, counters as whole', () => {
    const plan = planRecord(sample(), at);
    const floats = [...plan.http, ...plan.perMinute].filter((change) => change.float).map((change) => change.field);
    expect(floats).toEqual([expect.stringMatching(/^sum\t/), 'sum_ms']);
  });

  it('keeps labels bounded: unknown methods become OTHER, a negative duration counts as 0', () => {
    expect(methodLabel('patch')).toBe('PATCH');
    expect(methodLabel('BREW')).toBe('OTHER');
    const http = parseHttpHash(apply({}, planRecord(sample({ method: 'BREW', durationMs: -5 }), at).http));
    expect(http.requests[0]?.method).toBe('OTHER');
    expect(http.durations[0]?.counts[0]).toBe(1);
  });

  it('cannot be confused by a tab in a route', () => {
    const http = parseHttpHash(apply({}, planRecord(sample({ route: '/a\tb' }), at).http));
    expect(http.requests[0]).toMatchObject({ route: '/a b', status: '200' });
  });
});

describe('eventsFor', () => {
  it('counts attempts, rooms and players from their routes’ successful answers only', () => {
    expect(eventsFor(sample({ method: 'POST', route: '/api/attempts', status: 200 }))).toEqual(['attempts_submitted']);
    expect(eventsFor(sample({ method: 'POST', route: '/api/attempts', status: 400 }))).toEqual([]);
    expect(eventsFor(sample({ method: 'POST', route: '/api/live/sessions', status: 201 }))).toEqual([
      'live_rooms_opened',
    ]);
    expect(eventsFor(sample({ method: 'POST', route: '/api/live/join', status: 200 }))).toEqual([
      'live_players_joined',
    ]);
    expect(eventsFor(sample({ method: 'POST', route: '/api/live/join', status: 409 }))).toEqual([]);
    expect(eventsFor(sample({ method: 'GET', route: '/api/attempts', status: 200 }))).toEqual([]);
  });

  it('counts a 429 against the limiter of its path', () => {
    expect(eventsFor(sample({ status: 429, path: '/api/auth/login', route: '/api/auth/login' }))).toEqual([
      'rate_limited_auth',
    ]);
    expect(eventsFor(sample({ status: 429, path: '/api/courses', route: '/api/courses' }))).toEqual([
      'rate_limited_api',
    ]);
    expect(eventsFor(sample({ status: 429, path: '/api/nope', route: 'unmatched' }))).toEqual(['rate_limited_api']);
  });
});

describe('reading the hashes back', () => {
  it('sorts series by route, method and status, whatever order Redis returns', () => {
    const http = parseHttpHash({
      'requests\tPOST\t/b\t200': 1,
      'requests\tGET\t/b\t500': '2',
      'requests\tGET\t/b\t200': 3,
      'requests\tGET\t/a\t200': 4,
    });
    expect(http.requests.map((row) => `${row.route} ${row.method} ${row.status} ${row.count}`)).toEqual([
      '/a GET 200 4',
      '/b GET 200 3',
      '/b GET 500 2',
      '/b POST 200 1',
    ]);
  });

  it('ignores fields it does not know and bucket indexes out of range', () => {
    const http = parseHttpHash({ junk: 1, 'bucket\tGET\t/a\t99': 5, 'bucket\tGET\t/a\t0': 'x' });
    expect(http.requests).toEqual([]);
    expect(http.durations[0]?.counts).toEqual(new Array(BUCKET_COUNT).fill(0));
  });

  it('reads missing hashes as zeros', () => {
    expect(parseHttpHash(null)).toEqual({ requests: [], durations: [] });
    expect(Object.values(parseEventsHash(null))).toEqual([0, 0, 0, 0, 0]);
    expect(parseMinuteHash(5, null)).toMatchObject({ requests: 0, errors: 0, rateLimited: 0, sumMs: 0 });
  });
});
