/**
 * The signed-in learner's own account: read it, change the profile and settings, change
 * the password (ending the other sessions), and delete the account with its data.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { DAILY_GOAL_MESSAGE, DAILY_GOAL_XP } from '../accounts/field-rules';
import { PreferencesSchema, readPreferences } from '../accounts/preferences';
import { publicUser } from '../accounts/users';
import { DisplayNameSchema, PasswordSchema, TimeZoneSchema, UserSchema } from '../api/account-schemas';
import type { App } from '../api/app';
import { errorResponses, jsonContent } from '../api/schemas';
import { clearSessionCookie } from '../auth/cookie';
import { hashPassword, verifyPassword } from '../auth/password';
import { requireStrongPassword } from '../auth/require-strong-password';
import { revokeAllSessions } from '../auth/sessions';
import { users } from '../db/schema';
import { ApiError } from '../errors';
import { requireUser, signedIn, type AuthContext } from '../middleware/require-user';

const AccountSchema = UserSchema.extend({
  dailyGoalXp: z.number().int(),
  preferences: PreferencesSchema,
}).openapi('Account');

const ProfileChangeSchema = z
  .object({
    displayName: DisplayNameSchema,
    timeZone: TimeZoneSchema,
    dailyGoalXp: z
      .number()
      .int(DAILY_GOAL_MESSAGE)
      .min(DAILY_GOAL_XP.min, DAILY_GOAL_MESSAGE)
      .max(DAILY_GOAL_XP.max, DAILY_GOAL_MESSAGE),
    preferences: PreferencesSchema.partial().strict(),
  })
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'Send at least one field to change.');

const getMe = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['account'],
  summary: 'The signed-in account, with its settings',
  middleware: [requireUser()] as const,
  responses: { 200: { description: 'The account', ...jsonContent(AccountSchema) }, ...errorResponses(401) },
});

const patchMe = createRoute({
  method: 'patch',
  path: '/api/me',
  tags: ['account'],
  summary: 'Change the display name, time zone, daily goal or preferences',
  middleware: [requireUser()] as const,
  request: { body: { required: true, ...jsonContent(ProfileChangeSchema) } },
  responses: {
    200: { description: 'The changed account', ...jsonContent(AccountSchema) },
    ...errorResponses(400, 401, 403),
  },
});

const changePassword = createRoute({
  method: 'post',
  path: '/api/me/password',
  tags: ['account'],
  summary: 'Change the password; every other session ends',
  middleware: [requireUser()] as const,
  request: {
    body: {
      required: true,
      ...jsonContent(z.object({ currentPassword: PasswordSchema, newPassword: PasswordSchema })),
    },
  },
  responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403) },
});

const deleteMe = createRoute({
  method: 'delete',
  path: '/api/me',
  tags: ['account'],
  summary: 'Delete the account and all of its data',
  middleware: [requireUser()] as const,
  request: { body: { required: true, ...jsonContent(z.object({ password: PasswordSchema })) } },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403) },
});

function account(auth: AuthContext['user']) {
  return { ...publicUser(auth), dailyGoalXp: auth.dailyGoalXp, preferences: readPreferences(auth.preferences) };
}

async function confirmPassword(password: string, stored: string, field: string): Promise<void> {
  if (!(await verifyPassword(password, stored))) {
    const message = 'The password is incorrect.';
    throw new ApiError('validation_failed', message, { details: [{ path: field, message, code: 'wrong_password' }] });
  }
}

export function registerMeRoutes(app: App): void {
  app.openapi(getMe, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(account(signedIn(c.get('auth')).user), 200);
  });

  app.openapi(patchMe, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const change = c.req.valid('json');
    const [updated] = await c.var.db
      .update(users)
      .set({
        ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
        ...(change.timeZone !== undefined ? { timeZone: change.timeZone } : {}),
        ...(change.dailyGoalXp !== undefined ? { dailyGoalXp: change.dailyGoalXp } : {}),
        ...(change.preferences ? { preferences: { ...readPreferences(user.preferences), ...change.preferences } } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id))
      .returning();
    if (!updated) throw new ApiError('unauthorized', 'Your account no longer exists.');
    return c.json(account(updated), 200);
  });

  app.openapi(changePassword, async (c) => {
    const { user, tokenHash } = signedIn(c.get('auth'));
    const { currentPassword, newPassword } = c.req.valid('json');
    await confirmPassword(currentPassword, user.passwordHash, 'currentPassword');
    requireStrongPassword(newPassword, user, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await c.var.db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    // Whoever else held a session (perhaps the reason for the change) is signed out; this one stays.
    await revokeAllSessions(c.var.db, user.id, tokenHash);
    return c.body(null, 204);
  });

  app.openapi(deleteMe, async (c) => {
    const { user } = signedIn(c.get('auth'));
    await confirmPassword(c.req.valid('json').password, user.passwordHash, 'password');
    // Every table holding a learner's data references users with ON DELETE CASCADE.
    await c.var.db.delete(users).where(eq(users.id, user.id));
    c.var.log.info('account deleted', { userId: user.id });
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
