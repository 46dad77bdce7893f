/**
 * Sending email, behind one small interface so the account flows do not care how: the
 * `log` mailer writes the message to the log, `outbox` keeps the latest messages in Redis
 * (local development and tests read them back), and `resend` posts to an HTTP email API
 * (Resend's, or any service with the same request shape at MAIL_API_URL) in production.
 */
import type { RedisClient } from '../redis/client';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
}

export const OUTBOX_SIZE = 50;
const OUTBOX_TTL_SECONDS = 24 * 60 * 60;

export function outboxKey(redis: RedisClient): string {
  return redis.key('mail', 'outbox');
}

export interface MailConfig {
  MAILER?: string;
  MAIL_FROM?: string;
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
}

export function createMailer(
  config: MailConfig,
  deps: { redis: RedisClient; log: (msg: string, fields: Record<string, unknown>) => void; fetch?: typeof fetch },
): Mailer {
  switch (config.MAILER ?? 'log') {
    case 'log':
      return { send: async (email) => deps.log('email (log mailer)', { ...email }) };
    case 'outbox':
      return {
        send: async (email) => {
          const key = outboxKey(deps.redis);
          await deps.redis.raw
            .pipeline()
            .lpush(key, JSON.stringify({ ...email, sentAt: new Date().toISOString() }))
            .ltrim(key, 0, OUTBOX_SIZE - 1)
            .expire(key, OUTBOX_TTL_SECONDS)
            .exec();
        },
      };
    case 'resend':
      return httpMailer(config, deps.fetch ?? fetch);
    default:
      throw new Error(`MAILER must be log, outbox or resend; got "${config.MAILER}"`);
  }
}

function httpMailer(config: MailConfig, send: typeof fetch): Mailer {
  if (!config.MAIL_API_KEY || !config.MAIL_FROM) {
    throw new Error('MAILER=resend needs MAIL_API_KEY (secret) and MAIL_FROM');
  }
  const url = `${(config.MAIL_API_URL || 'https://api.resend.com').replace(/\/+$/, '')}/emails`;
  return {
    send: async (email) => {
      const res = await send(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${config.MAIL_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from: config.MAIL_FROM, to: [email.to], subject: email.subject, text: email.text }),
      });
      if (!res.ok) throw new Error(`email API answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
}
