/**
 * The operations spec's rate limits (its nginx `limit_req` zones) as one policy: 10
 * requests/s per client IP for the API, 5 requests/s for sign-in and sign-up under
 * /api/auth/* (instead of, not on top of, the API limit), and none for health probes,
 * which monitors must never be throttled into "down".
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { rateLimit } from './rate-limit';

const isHealthProbe = (path: string) => path === '/api/health' || path.startsWith('/api/health/');

export function apiRateLimits(): MiddlewareHandler<AppEnv> {
  const auth = rateLimit({ name: 'auth', limit: 5, windowSeconds: 1, whenRedisDown: 'reject' });
  const api = rateLimit({ name: 'api', limit: 10, windowSeconds: 1, whenRedisDown: 'allow' });
  return (c, next) => {
    const path = c.req.path;
    if (isHealthProbe(path)) return next();
    return (path.startsWith('/api/auth/') ? auth : api)(c, next);
  };
}
