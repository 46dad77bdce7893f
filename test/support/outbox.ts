/** Reads the emails the Worker sent with MAILER=outbox (a Redis list), newest first. */
import { stackRedis } from './redis.ts';

export interface SentEmail {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

function outbox() {
  const { redis, prefix } = stackRedis();
  return { redis, key: `${prefix}mail:outbox` };
}

export async function emailsTo(address: string): Promise<SentEmail[]> {
  const { redis, key } = outbox();
  const all = await redis.lrange<SentEmail>(key, 0, -1);
  return all.filter((email) => email.to === address);
}

/** Waits for an email to arrive (they are sent after the response, in waitUntil). */
export async function nextEmailTo(address: string, count = 1, timeoutMs = 3000): Promise<SentEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const emails = await emailsTo(address);
    if (emails.length >= count && emails[0]) return emails[0];
    if (Date.now() > deadline) throw new Error(`no email number ${count} to ${address} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function resetTokenFrom(email: SentEmail): string {
  const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(email.text)?.[1];
  if (!token) throw new Error(`no reset link in: ${email.text}`);
  return token;
}
