/** The run's Redis as the Worker sees it (through the Upstash bridge), with its key prefix. */
import { Redis } from '@upstash/redis';
import { inject } from 'vitest';

export function stackRedis(): { redis: Redis; prefix: string } {
  const bindings = inject('stack').workerBindings;
  const redis = new Redis({
    url: bindings.UPSTASH_REDIS_REST_URL ?? '',
    token: bindings.UPSTASH_REDIS_REST_TOKEN ?? '',
    enableTelemetry: false,
  });
  return { redis, prefix: bindings.REDIS_PREFIX ?? '' };
}
