/**
 * Forgotten passwords. The request answers the same whether or not the email has an
 * account (so it cannot be used to find accounts), and sends at most a few emails per
 * address per hour; the link's token works once, for 30 minutes, and using it ends every
 * session of the account.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { findUserByEmail } from '../accounts/users';
import { EmailSchema, PasswordSchema } from '../api/account-schemas';
import type { App } from '../api/app';
import { errorResponses, jsonContent } from '../api/schemas';
import { emailKey } from '../auth/digest';
import { hashPassword } from '../auth/password';
import { requireStrongPassword } from '../auth/require-strong-password';
import { accountForResetToken, issueResetToken, redeemResetToken } from '../auth/password-resets';
import { revokeAllSessions } from '../auth/sessions';
import { users } from '../db/schema';
import { ApiError } from '../errors';
import { errorFields } from '../log';
import { countInWindow } from '../redis/window-counter';
import { createMailer } from '../mail/mailer';

const EMAILS_PER_HOUR = 3;
const ACCEPTED = 'If an account exists for this email, we have sent it a link to choose a new password.';

const requestReset = createRoute({
  method: 'post',
  path: '/api/auth/password-reset/request',
  tags: ['auth'],
  summary: 'Email a link to choose a new password',
  request: { body: { required: true, ...jsonContent(z.object({ email: EmailSchema })) } },
  responses: {
    202: { description: 'Accepted', ...jsonContent(z.object({ message: z.string() })) },
    ...errorResponses(400, 429),
  },
});

const confirmReset = createRoute({
  method: 'post',
  path: '/api/auth/password-reset/confirm',
  tags: ['auth'],
  summary: 'Choose a new password with the emailed token',
  request: {
    body: { required: true, ...jsonContent(z.object({ token: z.string().min(1).max(200), password: PasswordSchema })) },
  },
  responses: { 204: { description: 'Password changed; every session ended' }, ...errorResponses(400, 429) },
});

export function registerPasswordResetRoutes(app: App): void {
  app.openapi(requestReset, async (c) => {
    const { email } = c.req.valid('json');
    const user = await findUserByEmail(c.var.db, email);
    if (user && !user.disabledAt) {
      // A cap per address keeps the endpoint from being used to flood someone's inbox.
      const counter = await emailKey(c.var.redis, 'password-reset-emails', email);
      if ((await countInWindow(c.var.redis, counter, 3600)) <= EMAILS_PER_HOUR) {
        const token = await issueResetToken(c.var.db, user.id, new Date());
        const link = `${c.env.APP_URL}/reset-password?token=${encodeURIComponent(token)}`;
        const mailer = createMailer(c.env, { redis: c.var.redis, log: c.var.log.info });
        // Sent after the answer, so its timing does not tell whether the account exists.
        c.executionCtx.waitUntil(
          mailer
            .send({
              to: user.email,
              subject: 'Choose a new Jeseci password',
              text: `Hello ${user.displayName},\n\nSomeone (hopefully you) asked to reset your Jeseci password. Choose a new one here within 30 minutes:\n\n${link}\n\nIf it was not you, ignore this email; your password stays as it is.\n`,
            })
            .catch((err: unknown) => c.var.log.error('password reset email failed', errorFields(err))),
        );
      }
    }
    return c.json({ message: ACCEPTED }, 202);
  });

  app.openapi(confirmReset, async (c) => {
    const { token, password } = c.req.valid('json');
    const now = new Date();
    const account = await accountForResetToken(c.var.db, token, now);
    if (!account) throw new ApiError('bad_request', 'This link has expired or was already used. Ask for a new one.');
    requireStrongPassword(password, account, 'password');
    const passwordHash = await hashPassword(password);
    const changed = await c.var.db.transaction(async (tx) => {
      const userId = await redeemResetToken(tx, token, now);
      if (!userId) return false;
      await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
      await revokeAllSessions(tx, userId);
      return true;
    });
    if (!changed) throw new ApiError('bad_request', 'This link has expired or was already used. Ask for a new one.');
    c.var.log.info('password reset', { userId: account.id });
    return c.body(null, 204);
  });
}
