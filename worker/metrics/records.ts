/**
 * What one request adds to the metrics, as plain data, and how it is laid out in Redis
 * hashes (written by `store.ts`, read back here). Isolates share no memory, so every
 * count lives in Redis:
 *
 * - `http`: `http_requests_total` by method, route pattern and status, and the duration
 *   histogram by method and route (a counter per bucket, not cumulative, plus the sum);
 * - `events`: platform counters read from a request's outcome (attempts submitted, live
 *   rooms opened, players joined, rate-limit rejections by limiter);
 * - `minute:<epoch minute>`: the same minute's requests, 5xx, 429s, duration buckets and
 *   total, kept two hours for the admin's windowed view.
 *
 * Labels stay bounded: the route is the matched pattern (never the raw path), an unknown
 * method is `OTHER`, and a status is one of a few dozen codes.
 */
import { BUCKET_COUNT, bucketIndex, emptyBuckets } from './histogram';

export interface RequestSample {
  method: string;
  /** The matched route pattern, or `unmatched`. */
  route: string;
  /** The raw path: only to tell which rate limiter refused a request, never a label. */
  path: string;
  status: number;
  durationMs: number;
}

export interface Increment {
  field: string;
  by: number;
  /** Sums are fractional: HINCRBYFLOAT; everything else is HINCRBY. */
  float?: true;
}

export interface RecordPlan {
  http: Increment[];
  events: Increment[];
  /** The epoch minute (ms / 60 000, floored) whose hash gets `perMinute`. */
  minute: number;
  perMinute: Increment[];
}

/** Minute hashes outlive the hour the admin views by an hour's margin. */
export const MINUTE_TTL_SECONDS = 2 * 3600;

export type PlatformEvent =
  'attempts_submitted' | 'live_rooms_opened' | 'live_players_joined' | 'rate_limited_api' | 'rate_limited_auth';

/**
 * Platform events, each the successful answer of one route: a submitted attempt (a
 * replayed attempt id answers 200 too and counts again: it is a submission the client
 * made), a live room created, a player seated.
 */
const OUTCOME_EVENTS: readonly { event: PlatformEvent; method: string; route: string; status: number }[] = [
  { event: 'attempts_submitted', method: 'POST', route: '/api/attempts', status: 200 },
  { event: 'live_rooms_opened', method: 'POST', route: '/api/live/sessions', status: 201 },
  { event: 'live_players_joined', method: 'POST', route: '/api/live/join', status: 200 },
];

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A method label from a closed set, so a client inventing methods cannot add series. */
export function methodLabel(method: string): string {
  const upper = method.toUpperCase();
  return METHODS.has(upper) ? upper : 'OTHER';
}

/** The events a request's outcome stands for. A 429 is a rejection by the limiter of its path. */
export function eventsFor(sample: RequestSample): PlatformEvent[] {
  const method = methodLabel(sample.method);
  const events = OUTCOME_EVENTS.filter(
    (rule) => rule.method === method && rule.route === sample.route && rule.status === sample.status,
  ).map((rule) => rule.event);
  // The same split as api-limits: /api/auth/* has its own limiter (and the per-account
  // sign-in lock, which also answers 429); everything else is the API's (its per-client
  // limit or the per-IP ceiling above it).
  if (sample.status === 429)
    events.push(sample.path.startsWith('/api/auth/') ? 'rate_limited_auth' : 'rate_limited_api');
  return events;
}

const SEPARATOR = '\t';
/** A route pattern never holds a tab; one that did must not shift the fields after it. */
const clean = (text: string) => text.replaceAll(SEPARATOR, ' ');

export const minuteOf = (at: Date): number => Math.floor(at.getTime() / 60_000);

export function planRecord(sample: RequestSample, at: Date): RecordPlan {
  const method = methodLabel(sample.method);
  const route = clean(sample.route);
  const seconds = Math.max(0, sample.durationMs) / 1000;
  const bucket = bucketIndex(seconds);
  const series = [method, route].join(SEPARATOR);
  const perMinute: Increment[] = [
    { field: 'requests', by: 1 },
    { field: `b${bucket}`, by: 1 },
    { field: 'sum_ms', by: Math.max(0, sample.durationMs), float: true },
  ];
  if (sample.status >= 500) perMinute.push({ field: 'errors', by: 1 });
  if (sample.status === 429) perMinute.push({ field: 'rate_limited', by: 1 });
  return {
    http: [
      { field: ['requests', series, String(sample.status)].join(SEPARATOR), by: 1 },
      { field: ['bucket', series, String(bucket)].join(SEPARATOR), by: 1 },
      { field: ['sum', series].join(SEPARATOR), by: seconds, float: true },
    ],
    events: eventsFor(sample).map((event) => ({ field: event, by: 1 })),
    minute: minuteOf(at),
    perMinute,
  };
}

export interface RequestCount {
  method: string;
  route: string;
  status: string;
  count: number;
}

export interface DurationSeries {
  method: string;
  route: string;
  /** Per bucket, not cumulative; the last is `+Inf`. */
  counts: number[];
  sumSeconds: number;
}

export interface HttpTotals {
  requests: RequestCount[];
  durations: DurationSeries[];
}

const number = (value: unknown): number => {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
};

/** The `http` hash back as series, sorted by route, method and status for a stable scrape. */
export function parseHttpHash(hash: Record<string, unknown> | null): HttpTotals {
  const requests: RequestCount[] = [];
  const durations = new Map<string, DurationSeries>();
  const durationOf = (method: string, route: string) => {
    const id = `${method}${SEPARATOR}${route}`;
    let series = durations.get(id);
    if (!series) {
      series = { method, route, counts: emptyBuckets(), sumSeconds: 0 };
      durations.set(id, series);
    }
    return series;
  };
  for (const [field, value] of Object.entries(hash ?? {})) {
    const [kind, method, route, extra] = field.split(SEPARATOR);
    if (method === undefined || route === undefined) continue;
    if (kind === 'requests' && extra !== undefined) {
      requests.push({ method, route, status: extra, count: number(value) });
    } else if (kind === 'bucket' && extra !== undefined) {
      const index = Number(extra);
      if (Number.isInteger(index) && index >= 0 && index < BUCKET_COUNT) {
        durationOf(method, route).counts[index] = number(value);
      }
    } else if (kind === 'sum') {
      durationOf(method, route).sumSeconds = number(value);
    }
  }
  const byRoute = (a: { route: string; method: string }, b: { route: string; method: string }) =>
    a.route.localeCompare(b.route) || a.method.localeCompare(b.method);
  return {
    requests: requests.sort((a, b) => byRoute(a, b) || a.status.localeCompare(b.status)),
    durations: [...durations.values()].sort(byRoute),
  };
}

export type EventTotals = Record<PlatformEvent, number>;

export function parseEventsHash(hash: Record<string, unknown> | null): EventTotals {
  const read = (event: PlatformEvent) => number(hash?.[event]);
  return {
    attempts_submitted: read('attempts_submitted'),
    live_rooms_opened: read('live_rooms_opened'),
    live_players_joined: read('live_players_joined'),
    rate_limited_api: read('rate_limited_api'),
    rate_limited_auth: read('rate_limited_auth'),
  };
}

export interface MinuteCounts {
  minute: number;
  requests: number;
  errors: number;
  rateLimited: number;
  /** Duration buckets, not cumulative. */
  buckets: number[];
  sumMs: number;
}

export function parseMinuteHash(minute: number, hash: Record<string, unknown> | null): MinuteCounts {
  const buckets = emptyBuckets().map((_, i) => number(hash?.[`b${i}`]));
  return {
    minute,
    requests: number(hash?.requests),
    errors: number(hash?.errors),
    rateLimited: number(hash?.rate_limited),
    buckets,
    sumMs: number(hash?.sum_ms),
  };
}
