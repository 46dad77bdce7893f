/**
 * CORS locked to the configured browser origins (`ALLOWED_ORIGINS`). In production the
 * app and the API share one origin, so this only matters for previews and local tools;
 * an origin not on the list gets no CORS headers and the browser blocks it.
 */
import type { Context } from 'hono';
import { cors } from 'hono/cors';

export function parseOrigins(list: string): Set<string> {
  return new Set(
    list
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  );
}

// Per-isolate cache: the list only changes with a deploy.
let cached: { list: string; origins: Set<string> } | undefined;
function allowedOrigins(c: Context): Set<string> {
  const list = (c.env as Env).ALLOWED_ORIGINS;
  if (cached?.list !== list) cached = { list, origins: parseOrigins(list) };
  return cached.origins;
}

/** Whether a browser origin is one ALLOWED_ORIGINS lists (also used by the cookie Origin check). */
export function isConfiguredOrigin(c: Context, origin: string): boolean {
  return allowedOrigins(c).has(origin);
}

export function corsForConfiguredOrigins() {
  return cors({
    origin: (origin, c) => (isConfiguredOrigin(c, origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'X-Request-Id', 'Idempotency-Key'],
    exposeHeaders: [
      'X-Request-Id',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'RateLimit-Policy',
      'Retry-After',
    ],
    maxAge: 600,
  });
}
