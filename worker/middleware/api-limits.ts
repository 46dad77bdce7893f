/**
 * The operations spec's rate limits (its nginx `limit_req` zones) as one policy:
 *
 * - /api/auth/* (sign-in, sign-up, resets): 5 requests/s per client IP, instead of (not on
 *   top of) the API limit, failing closed when Redis is down;
 * - the rest of the API: 10 requests/s per client. A request that carries a session token
 *   is counted per session, the others per IP. The spec's zones count per address, but a
 *   class on one school network shares one address: thirty learners practising at once
 *   would spend one learner's allowance. Minting tokens cannot buy more, because
 *   token-bearing requests also spend a per-IP ceiling (100/s) sized for a classroom;
 * - a live quiz's guests (joining by PIN, then the room's socket) have no session to be
 *   counted by, so they are counted per IP at a class's size: 30/s, bursts of 60, enough
 *   for a whole class on one school network to join at once. A room seats at most 500,
 *   and the PIN space (10^6) still takes hours to sweep from one address;
 * - none for health probes, which monitors must never be throttled into "down".
 *
 * Each allows a burst of twice its rate: the dashboard alone asks for nine things when it
 * opens, so with no burst a learner who opened it and clicked on within the second was
 * refused (the browser tests caught exactly that under load).
 *
 * The session token is not verified here (that is a database read, which a limiter must
 * not spend on every request); an invalid one gets its own bucket and then 401 from the route.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { sessionCookie } from '../auth/cookie';
import { sha256Hex } from '../auth/digest';
import type { AppEnv } from '../env';
import { clientIp, rateLimit, rateLimiter, rateLimits } from './rate-limit';
import { presentedToken } from './require-user';

const isHealthProbe = (path: string) => path === '/api/health' || path.startsWith('/api/health/');

/** What a guest does to take part in a live quiz: join by PIN, then open the room's socket. */
const isLiveGuestPath = (path: string) => path === '/api/live/join' || /^\/api\/live\/rooms\/[^/]+\/ws$/.test(path);

function sessionToken(c: Context<AppEnv>): string | undefined {
  return presentedToken(c.req.header('authorization'), sessionCookie(c))?.token;
}

/** Whose API allowance a request spends: its session's (hashed: keys never hold a token), else its IP's. */
async function apiClient(c: Context<AppEnv>): Promise<string> {
  const token = sessionToken(c);
  return token ? `session:${(await sha256Hex(token)).slice(0, 32)}` : `ip:${clientIp(c)}`;
}

export function apiRateLimits(): MiddlewareHandler<AppEnv> {
  const auth = rateLimit({ name: 'auth', limit: 5, burst: 10, windowSeconds: 1, whenRedisDown: 'reject' });
  const perClient = rateLimiter(
    { name: 'api', limit: 10, burst: 20, windowSeconds: 1, whenRedisDown: 'allow' },
    { key: apiClient },
  );
  const network = rateLimiter(
    { name: 'network', limit: 100, burst: 200, windowSeconds: 1, whenRedisDown: 'allow' },
    { reportHeaders: false },
  );
  const liveGuests = rateLimit({ name: 'live-guests', limit: 30, burst: 60, windowSeconds: 1, whenRedisDown: 'allow' });
  const api = rateLimits(perClient);
  // Both counts at once: a signed-in request waits for one Redis round trip, not two.
  const signedInApi = rateLimits(network, perClient);
  return (c, next) => {
    const path = c.req.path;
    if (isHealthProbe(path)) return next();
    if (path.startsWith('/api/auth/')) return auth(c, next);
    if (sessionToken(c)) return signedInApi(c, next);
    return isLiveGuestPath(path) ? liveGuests(c, next) : api(c, next);
  };
}
