/** zod schemas of accounts on the wire, shared by the auth and profile routes. */
import { z } from '@hono/zod-openapi';
import {
  DISPLAY_NAME_MAX_LENGTH,
  DISPLAY_NAME_MESSAGES,
  EMAIL_MAX_LENGTH,
  EMAIL_MESSAGES,
  EMAIL_PATTERN,
  hasControlCharacters,
  PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_WIRE_MAX_LENGTH,
} from '../accounts/field-rules';
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

// Limits and messages come from field-rules, which the web app's forms check with too.
export const EmailSchema = z
  .string()
  .trim()
  .max(EMAIL_MAX_LENGTH, EMAIL_MESSAGES.tooLong)
  .pipe(z.email({ pattern: EMAIL_PATTERN, message: EMAIL_MESSAGES.invalid }));

/** Shown to other learners (leaderboards, rooms): printable, 1–60 characters. */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, DISPLAY_NAME_MESSAGES.empty)
  .max(DISPLAY_NAME_MAX_LENGTH, DISPLAY_NAME_MESSAGES.tooLong)
  .refine((name) => !hasControlCharacters(name), DISPLAY_NAME_MESSAGES.control);

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
export const PasswordSchema = z.string().min(1, PASSWORD_REQUIRED_MESSAGE).max(PASSWORD_WIRE_MAX_LENGTH);

export const SessionSchema = z
  .object({ user: UserSchema, token: z.string(), expiresAt: z.string() })
  .openapi('Session', {
    description:
      'The session token is also set as an HttpOnly cookie; send it as `Authorization: Bearer` from non-browser clients.',
  });
