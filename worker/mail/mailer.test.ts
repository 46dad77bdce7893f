import { describe, expect, it } from 'vitest';
import type { RedisClient } from '../redis/client';
import { createMailer } from './mailer';

const redis = {} as RedisClient;
const email = { to: 'ada@example.test', subject: 'Hello', text: 'Body' };

describe('createMailer', () => {
  it('log: writes the message to the log', async () => {
    const lines: unknown[] = [];
    await createMailer({ MAILER: 'log' }, { redis, log: (msg, fields) => lines.push({ msg, ...fields }) }).send(email);
    expect(lines).toEqual([{ msg: 'email (log mailer)', ...email }]);
  });

  it('resend: posts the message to the email API with the key, and fails loudly on an error answer', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    let status = 200;
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(status === 200 ? '{"id":"1"}' : 'bad key', { status });
    }) as unknown as typeof fetch;
    const mailer = createMailer(
      {
        MAILER: 'resend',
        MAIL_API_KEY: 'k',
        MAIL_FROM: 'Jeseci <no-reply@jeseci.dev>',
        MAIL_API_URL: 'http://mail.test/',
      },
      { redis, log: () => {}, fetch: fakeFetch },
    );
    await mailer.send(email);
    expect(calls[0]?.url).toBe('http://mail.test/emails');
    expect(new Headers(calls[0]?.init.headers).get('authorization')).toBe('Bearer k');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      from: 'Jeseci <no-reply@jeseci.dev>',
      to: ['ada@example.test'],
      subject: 'Hello',
      text: 'Body',
    });
    status = 401;
    await expect(mailer.send(email)).rejects.toThrow('email API answered 401: bad key');
  });

  it('refuses a configuration that could not send', () => {
    expect(() => createMailer({ MAILER: 'pigeon' }, { redis, log: () => {} })).toThrow(/log, outbox or resend/);
    expect(() => createMailer({ MAILER: 'resend', MAIL_FROM: 'x@y.z' }, { redis, log: () => {} })).toThrow(
      /MAIL_API_KEY/,
    );
  });
});
