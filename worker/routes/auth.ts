/**
 * Sign-up, sign-in and sign-out. Every sign-in opens a fresh session (a token planted
 * before it is worthless after it); a failed sign-in says the same thing whether the
 * email exists or not, and takes as long, so accounts cannot be discovered through it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { logActivity } from '../admin/activity-log';
import { createLearner, findUserByEmail, publicUser } from '../accounts/users';
import { DisplayNameSchema, EmailSchema, PasswordSchema, SessionSchema, TimeZoneSchema } from '../api/account-schemas';
import type { App } from '../api/app';
import { errorResponses, jsonContent } from '../api/schemas';
import { clearSessionCookie, setSessionCookie } from '../auth/cookie';
import { clearFailures, lockedForSeconds, recordFailure } from '../auth/login-throttle';
import { hashPassword, verifyPassword } from '../auth/password';
import { requireStrongPassword } from '../auth/require-strong-password';
import { openSession, revokeAllSessions, revokeSession } from '../auth/sessions';
import type { User } from '../db/schema';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { clientIp } from '../middleware/rate-limit';
import { requireUser } from '../middleware/require-user';

const register = createRoute({
  method: 'post',
  path: '/api/auth/register',
  tags: ['auth'],
  summary: 'Create a learner account and sign in',
  request: {
    body: {
      required: true,
      ...jsonContent(
        z.object({
          email: EmailSchema,
          displayName: DisplayNameSchema,
          password: PasswordSchema,
          timeZone: TimeZoneSchema.default('UTC'),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'Signed up and signed in', ...jsonContent(SessionSchema) },
    ...errorResponses(400, 409, 429),
  },
});

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in with email and password',
  request: { body: { required: true, ...jsonContent(z.object({ email: EmailSchema, password: PasswordSchema })) } },
  responses: {
    200: { description: 'Signed in', ...jsonContent(SessionSchema) },
    ...errorResponses(400, 401, 403, 429, 503),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out of this session',
  middleware: [requireUser()] as const,
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
});

const logoutEverywhere = createRoute({
  method: 'post',
  path: '/api/auth/logout-everywhere',
  tags: ['auth'],
  summary: 'Sign out of every session of this account',
  middleware: [requireUser()] as const,
  responses: {
    200: { description: 'Signed out everywhere', ...jsonContent(z.object({ sessionsEnded: z.number().int() })) },
    ...errorResponses(401, 403),
  },
});

const INVALID_CREDENTIALS = 'The email or password is incorrect.';

// Verifying against this when the email is unknown makes a miss cost what a hit costs.
let decoyHash: Promise<string> | undefined;

async function signIn<S extends 200 | 201>(c: Context<AppEnv>, user: User, status: S) {
  const session = await openSession(
    c.var.db,
    user.id,
    { userAgent: c.req.header('user-agent'), ipAddress: clientIp(c) },
    new Date(),
  );
  setSessionCookie(c, session.token, session.expiresAt);
  return c.json({ user: publicUser(user), token: session.token, expiresAt: session.expiresAt.toISOString() }, status);
}

export function registerAuthRoutes(app: App): void {
  app.openapi(register, async (c) => {
    const body = c.req.valid('json');
    requireStrongPassword(body.password, body, 'password');
    const user = await createLearner(c.var.db, {
      email: body.email,
      displayName: body.displayName,
      passwordHash: await hashPassword(body.password),
      timeZone: body.timeZone,
    });
    if (!user) throw new ApiError('conflict', 'An account with this email already exists. Sign in instead.');
    c.var.log.info('account registered', { userId: user.id });
    await logActivity(c.var.db, 'registered', { userId: user.id });
    return signIn(c, user, 201);
  });

  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const lockedFor = await lockedForSeconds(c.var.redis, email);
    if (lockedFor > 0) {
      const minutes = Math.ceil(lockedFor / 60);
      throw new ApiError('rate_limited', `Too many failed sign-ins for this account. Try again in ${minutes} min.`, {
        headers: { 'Retry-After': String(lockedFor) },
        details: { retryAfterSeconds: lockedFor },
      });
    }
    const user = await findUserByEmail(c.var.db, email);
    const valid = user
      ? await verifyPassword(password, user.passwordHash)
      : await verifyPassword(password, await (decoyHash ??= hashPassword(crypto.randomUUID())));
    if (!user || !valid) {
      await recordFailure(c.var.redis, email);
      throw new ApiError('unauthorized', INVALID_CREDENTIALS);
    }
    if (user.disabledAt) throw new ApiError('forbidden', 'This account has been disabled. Contact support.');
    await clearFailures(c.var.redis, email);
    c.var.log.info('signed in', { userId: user.id });
    await logActivity(c.var.db, 'signed-in', { userId: user.id });
    return signIn(c, user, 200);
  });

  app.openapi(logout, async (c) => {
    const auth = c.get('auth');
    if (auth) await revokeSession(c.var.db, auth.tokenHash);
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.openapi(logoutEverywhere, async (c) => {
    const auth = c.get('auth');
    const sessionsEnded = auth ? await revokeAllSessions(c.var.db, auth.user.id) : 0;
    clearSessionCookie(c);
    return c.json({ sessionsEnded }, 200);
  });
}
