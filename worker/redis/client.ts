/**
 * Upstash Redis over REST. The client holds no connection, so one per isolate is reused
 * (a documented per-isolate cache); every key the app writes goes through `key()` so that
 * environments and test runs sharing one database never collide.
 */
import { Redis } from '@upstash/redis/cloudflare';

import type { RedisClient } from './types';

export type { RedisClient } from './types';

const cache = new Map<string, RedisClient>();

export function getRedis(
  env: Pick<Env, 'UPSTASH_REDIS_REST_URL' | 'UPSTASH_REDIS_REST_TOKEN' | 'REDIS_PREFIX'>,
): RedisClient {
  const cacheKey = `${env.UPSTASH_REDIS_REST_URL}\n${env.UPSTASH_REDIS_REST_TOKEN}\n${env.REDIS_PREFIX}`;
  let client = cache.get(cacheKey);
  if (!client) {
    const raw = new Redis({
      url: env.UPSTASH_REDIS_REST_URL,
      token: env.UPSTASH_REDIS_REST_TOKEN,
      // Fail fast: a request must not hang on an unreachable Redis (readiness and the
      // rate limiter decide what to do instead).
      retry: false,
      enableTelemetry: false,
    });
    const prefix = env.REDIS_PREFIX;
    client = { raw, prefix, key: (...parts) => prefix + parts.join(':') };
    cache.set(cacheKey, client);
  }
  return client;
}
