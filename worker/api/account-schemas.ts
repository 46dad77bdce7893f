/** zod schemas of accounts on the wire, shared by the auth and profile routes. */
import { z } from '@hono/zod-openapi';
import { canonicalTimeZone } from '../learning/local-time';

export const UserSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(['learner', 'instructor', 'admin']),
    timeZone: z.string(),
    createdAt: z.string(),
  })
  .openapi('User');

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }));

/** Shown to other learners (leaderboards, rooms): printable, 1–60 characters. */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a display name.')
  .max(60, 'Display names are at most 60 characters.')
  .refine((name) => !/\p{Cc}/u.test(name), 'Display names cannot contain control characters.');

export const TimeZoneSchema = z
  .string()
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (!canonical) {
      ctx.addIssue({ code: 'custom', message: 'Use an IANA time zone such as "Europe/Paris".' });
      return z.NEVER;
    }
    return canonical;
  })
  .openapi({ type: 'string', example: 'Europe/Paris' });

/** Length and strength are checked by the password policy, which can explain itself. */
export const PasswordSchema = z.string().min(1, 'Enter a password.').max(1024);

export const SessionSchema = z
  .object({ user: UserSchema, token: z.string(), expiresAt: z.string() })
  .openapi('Session', {
    description:
      'The session token is also set as an HttpOnly cookie; send it as `Authorization: Bearer` from non-browser clients.',
  });
