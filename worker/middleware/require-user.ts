/**
 * Authentication for routes that need a signed-in user: the session token comes from
 * `Authorization: Bearer …` or the session cookie. A cookie is sent by the browser on its
 * own, so an unsafe method authenticated by cookie must also come from one of our
 * origins (the Origin check that stops cross-site request forgery); a Bearer token is
 * never sent on its own and needs no such check.
 */
import { createMiddleware } from 'hono/factory';
import { sessionCookie } from '../auth/cookie';
import type { UserRole } from '../db/schema';
import { resolveSession, type ResolvedSession } from '../auth/sessions';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { markActive, shouldMarkActive } from '../practice/active-users';
import { isConfiguredOrigin } from './cors';

export interface AuthContext extends ResolvedSession {
  via: 'bearer' | 'cookie';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token a request carries, if any (unverified: resolveSession checks it). */
export function presentedToken(authorization: string | undefined, cookie: string | undefined) {
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
    // Active users are counted from here; after the response, and a Redis hiccup is no error.
    const now = new Date();
    if (shouldMarkActive(session.user.id, now.getTime())) {
      c.executionCtx.waitUntil(markActive(c.var.redis, session.user.id, now).catch(() => {}));
    }
    await next();
  });
}

/**
 * For public routes that show more to a signed-in user: sets `auth` when a valid session is
 * presented and carries on anonymously otherwise (an expired token is not an error here).
 */
export function identifyUser() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const presented = presentedToken(c.req.header('authorization'), sessionCookie(c));
    if (presented && SAFE_METHODS.has(c.req.method)) {
      const session = await resolveSession(c.var.db, presented.token, new Date());
      if (session) c.set('auth', { ...session, via: presented.via });
    }
    await next();
  });
}

/**
 * For writes open to guests that mean more from a signed-in user (joining a live quiz):
 * sets `auth` from a Bearer token, or from the cookie when the request comes from one of
 * our origins (a cookie alone is what a cross-site form would carry); otherwise a guest.
 */
export function identifyUserForWrite() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const presented = presentedToken(c.req.header('authorization'), sessionCookie(c));
    const origin = c.req.header('origin');
    const trusted =
      presented?.via === 'bearer' ||
      (presented?.via === 'cookie' &&
        !!origin &&
        (origin === new URL(c.req.url).origin || isConfiguredOrigin(c, origin)));
    if (presented && trusted) {
      const session = await resolveSession(c.var.db, presented.token, new Date());
      if (session) c.set('auth', { ...session, via: presented.via });
    }
    await next();
  });
}

/**
 * For WebSocket upgrades (GET, so requireUser's Origin check does not apply): a browser
 * sends the cookie on a cross-site WebSocket too, so a cookie sign-in must come from one of
 * our pages. Use after requireUser().
 */
export function requireOwnOriginForCookie() {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (signedIn(c.get('auth')).via === 'cookie') {
      const origin = c.req.header('origin');
      if (!origin || (origin !== new URL(c.req.url).origin && !isConfiguredOrigin(c, origin))) {
        throw new ApiError('forbidden', 'This request did not come from Jeseci, so it was refused.');
      }
    }
    await next();
  });
}

/** A signed-in user whose role is one of `roles`; everyone else gets 403. Use after requireUser(). */
export function requireRole(...roles: UserRole[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const auth = signedIn(c.get('auth'));
    if (!roles.includes(auth.user.role)) {
      throw new ApiError('forbidden', `This needs the ${roles.join(' or ')} role.`);
    }
    await next();
  });
}

/** The signed-in user on a route behind requireUser(). */
export function signedIn(auth: AuthContext | undefined): AuthContext {
  if (!auth) throw new ApiError('unauthorized', 'Sign in to continue.');
  return auth;
}
