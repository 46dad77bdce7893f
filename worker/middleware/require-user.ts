/**
 * Authentication for routes that need a signed-in user: the session token comes from
 * `Authorization: Bearer …` or the session cookie. A cookie is sent by the browser on its
 * own, so an unsafe method authenticated by cookie must also come from one of our
 * origins (the Origin check that stops cross-site request forgery); a Bearer token is
 * never sent on its own and needs no such check.
 */
import { createMiddleware } from 'hono/factory';
import { sessionCookie } from '../auth/cookie';
import { resolveSession, type ResolvedSession } from '../auth/sessions';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { isConfiguredOrigin } from './cors';

export interface AuthContext extends ResolvedSession {
  via: 'bearer' | 'cookie';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function presentedToken(authorization: string | undefined, cookie: string | undefined) {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (bearer) return { token: bearer, via: 'bearer' as const };
  if (cookie) return { token: cookie, via: 'cookie' as const };
  return undefined;
}

export function requireUser() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const presented = presentedToken(c.req.header('authorization'), sessionCookie(c));
    if (!presented) throw new ApiError('unauthorized', 'Sign in to continue.');
    if (presented.via === 'cookie' && !SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const ownOrigin = new URL(c.req.url).origin;
      if (!origin || (origin !== ownOrigin && !isConfiguredOrigin(c, origin))) {
        throw new ApiError('forbidden', 'This request did not come from Jeseci, so it was refused.');
      }
    }
    const session = await resolveSession(c.var.db, presented.token, new Date());
    if (!session) throw new ApiError('unauthorized', 'Your session has ended; sign in again.');
    c.set('auth', { ...session, via: presented.via });
    await next();
  });
}
