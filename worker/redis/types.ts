/** The Redis handle features use, apart from the factory that needs the Worker's bindings. */
import type { Redis } from '@upstash/redis/cloudflare';

export interface RedisClient {
  raw: Redis;
  /** Namespaces a key with this environment's prefix. */
  key(...parts: string[]): string;
  prefix: string;
}
