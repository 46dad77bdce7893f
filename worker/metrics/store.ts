/**
 * The metrics in Redis: one pipelined round trip writes everything a request adds (the
 * plan from `records.ts`), and the readers fetch what a scrape or the admin's hour needs
 * in one round trip each. Keys: `<prefix>metrics:http`, `metrics:events` and
 * `metrics:minute:<epoch minute>` (expiring after two hours).
 */
import type { RedisClient } from '../redis/types';
import {
  MINUTE_TTL_SECONDS,
  parseEventsHash,
  parseHttpHash,
  parseMinuteHash,
  planRecord,
  type EventTotals,
  type HttpTotals,
  type Increment,
  type MinuteCounts,
  type RequestSample,
} from './records';
import { windowMinutes } from './window';

const httpKey = (redis: RedisClient) => redis.key('metrics', 'http');
const eventsKey = (redis: RedisClient) => redis.key('metrics', 'events');
const minuteKey = (redis: RedisClient, minute: number) => redis.key('metrics', 'minute', String(minute));

type Pipeline = ReturnType<RedisClient['raw']['pipeline']>;

function increment(pipeline: Pipeline, key: string, { field, by, float }: Increment): void {
  if (float) pipeline.hincrbyfloat(key, field, by);
  else pipeline.hincrby(key, field, by);
}

export async function recordRequest(redis: RedisClient, sample: RequestSample, at: Date): Promise<void> {
  const plan = planRecord(sample, at);
  const pipeline = redis.raw.pipeline();
  for (const change of plan.http) increment(pipeline, httpKey(redis), change);
  for (const change of plan.events) increment(pipeline, eventsKey(redis), change);
  const minute = minuteKey(redis, plan.minute);
  for (const change of plan.perMinute) increment(pipeline, minute, change);
  pipeline.expire(minute, MINUTE_TTL_SECONDS);
  await pipeline.exec();
}

export async function readTotals(redis: RedisClient): Promise<{ http: HttpTotals; events: EventTotals }> {
  const [http, events] = await redis.raw
    .pipeline()
    .hgetall(httpKey(redis))
    .hgetall(eventsKey(redis))
    .exec<[Record<string, unknown> | null, Record<string, unknown> | null]>();
  return { http: parseHttpHash(http), events: parseEventsHash(events) };
}

/** The per-minute counters of the `minutes` minutes ending with `lastMinute`. */
export async function readMinutes(redis: RedisClient, lastMinute: number, minutes: number): Promise<MinuteCounts[]> {
  const ids = windowMinutes(lastMinute, minutes);
  const pipeline = redis.raw.pipeline();
  for (const id of ids) pipeline.hgetall(minuteKey(redis, id));
  const hashes = await pipeline.exec<(Record<string, unknown> | null)[]>();
  return ids.flatMap((id, i) => {
    const hash = hashes[i];
    return hash ? [parseMinuteHash(id, hash)] : [];
  });
}
