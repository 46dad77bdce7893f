import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { DisplayNameSchema, EmailSchema, PasswordSchema } from '../api/account-schemas';
import { checkPasswordPolicy } from '../auth/password';
import {
  DAILY_GOAL_MESSAGE,
  dailyGoalProblem,
  DISPLAY_NAME_MESSAGES,
  displayNameProblem,
  EMAIL_MESSAGES,
  EMAIL_PATTERN,
  emailProblem,
  newPasswordProblem,
  PASSWORD_REQUIRED_MESSAGE,
  sessionMinutesProblem,
} from './field-rules';

/** The first issue's message zod gives, or undefined when the value parses. */
function zodProblem(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

const EMAILS = [
  'ada@example.com',
  '  ada@example.com  ',
  "o'brien+tag@mail.example.co.uk",
  'first.last@sub-domain.example.org',
  '',
  'ada',
  'ada@',
  '@example.com',
  'ada@example',
  'ada@example.c',
  '.ada@example.com',
  'ada.@example.com',
  'a..b@example.com',
  'ada@-example.com',
  'ada@exa_mple.com',
  'ada lovelace@example.com',
  `${'a'.repeat(243)}@example.com`,
  `${'a'.repeat(242)}@example.com`,
];

const NAMES = [
  'Ada',
  '  Ada Lovelace  ',
  '',
  '   ',
  'é'.repeat(60),
  'x'.repeat(61),
  'Ada\u0000',
  'tab\there',
  '😀 Ada',
];

describe('emailProblem', () => {
  it('happy: accepts ordinary addresses, trimmed', () => {
    expect(emailProblem('ada@example.com')).toBeUndefined();
    expect(emailProblem('  ada@example.com ')).toBeUndefined();
  });

  it('error: refuses malformed and overlong addresses with the API’s sentences', () => {
    expect(emailProblem('ada@example')).toBe(EMAIL_MESSAGES.invalid);
    expect(emailProblem('')).toBe(EMAIL_MESSAGES.invalid);
    expect(emailProblem(`${'a'.repeat(243)}@example.com`)).toBe(EMAIL_MESSAGES.tooLong);
  });

  it('agrees with the API’s EmailSchema on every sample', () => {
    for (const email of EMAILS) expect([email, emailProblem(email)]).toEqual([email, zodProblem(EmailSchema, email)]);
  });

  it('uses the same pattern as zod’s own email check', () => {
    for (const email of EMAILS.map((e) => e.trim())) {
      expect([email, EMAIL_PATTERN.test(email)]).toEqual([email, z.regexes.email.test(email)]);
    }
  });
});

describe('displayNameProblem', () => {
  it('happy: 1–60 printable characters after trimming', () => {
    expect(displayNameProblem('  Ada  ')).toBeUndefined();
    expect(displayNameProblem('é'.repeat(60))).toBeUndefined();
  });

  it('error: empty, too long, control characters', () => {
    expect(displayNameProblem('   ')).toBe(DISPLAY_NAME_MESSAGES.empty);
    expect(displayNameProblem('x'.repeat(61))).toBe(DISPLAY_NAME_MESSAGES.tooLong);
    expect(displayNameProblem('Ada\u0007')).toBe(DISPLAY_NAME_MESSAGES.control);
  });

  it('agrees with the API’s DisplayNameSchema on every sample', () => {
    for (const name of NAMES)
      expect([name, displayNameProblem(name)]).toEqual([name, zodProblem(DisplayNameSchema, name)]);
  });
});

describe('newPasswordProblem', () => {
  it('error: empty, short, long (in code points after NFKC)', () => {
    expect(newPasswordProblem('')).toBe(PASSWORD_REQUIRED_MESSAGE);
    expect(newPasswordProblem('short')).toBe('Use at least 8 characters (this one has 5).');
    expect(newPasswordProblem('😀😀😀😀😀😀😀')).toBe('Use at least 8 characters (this one has 7).');
    expect(newPasswordProblem('x'.repeat(129))).toBe('Use at most 128 characters (this one has 129).');
  });

  it('error: the account’s own email, its local part, or name', () => {
    const context = { email: 'Ada.Lovelace@example.com', displayName: 'Countess Ada' };
    expect(newPasswordProblem('ada.lovelace', context)).toBe(
      'Do not use your email address, or part of it, as your password.',
    );
    expect(newPasswordProblem('COUNTESS ADA', context)).toBe('Do not use your name as your password.');
  });

  it('happy: a long passphrase passes', () => {
    expect(newPasswordProblem('violet kettle under thunder', { email: 'a@b.co', displayName: 'A' })).toBeUndefined();
  });

  it('agrees with the API (wire schema, then policy) wherever the common-password list is not involved', () => {
    const context = { email: 'grace@example.com', displayName: 'Grace Hopper' };
    const samples = [
      '',
      'abc',
      'grace',
      'grace@example.com',
      'Grace Hopper',
      'ﬁﬁﬁﬁﬁﬁﬁ',
      'x'.repeat(128),
      'y'.repeat(129),
    ];
    for (const password of [...samples, 'nanosecond wire cobol']) {
      const api = zodProblem(PasswordSchema, password) ?? policyReason(password, context);
      expect([password, newPasswordProblem(password, context)]).toEqual([password, api]);
    }
  });

  it('leaves common passwords to the server', () => {
    expect(newPasswordProblem('password123')).toBeUndefined();
    expect(checkPasswordPolicy('password123').ok).toBe(false);
  });
});

function policyReason(password: string, context: { email: string; displayName: string }): string | undefined {
  const result = checkPasswordPolicy(password, context);
  return result.ok ? undefined : result.reason;
}

describe('dailyGoalProblem / sessionMinutesProblem', () => {
  it('accept whole numbers in range and refuse the rest', () => {
    expect(dailyGoalProblem(10)).toBeUndefined();
    expect(dailyGoalProblem(500)).toBeUndefined();
    expect(dailyGoalProblem(9)).toBe(DAILY_GOAL_MESSAGE);
    expect(dailyGoalProblem(501)).toBe(DAILY_GOAL_MESSAGE);
    expect(dailyGoalProblem(30.5)).toBe(DAILY_GOAL_MESSAGE);
    expect(dailyGoalProblem(Number.NaN)).toBe(DAILY_GOAL_MESSAGE);
    expect(sessionMinutesProblem(5)).toBeUndefined();
    expect(sessionMinutesProblem(121)).toMatch(/5 to 120 minutes/);
  });
});
