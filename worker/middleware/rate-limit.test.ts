import { describe, expect, it } from 'vitest';
import { rateLimit } from './rate-limit';

describe('rateLimit options', () => {
  it('refuses nonsense when the middleware is built, not at request time', () => {
    expect(() => rateLimit({ name: 'api', limit: 0, windowSeconds: 1, whenRedisDown: 'allow' })).toThrow(/limit/);
    expect(() => rateLimit({ name: 'api', limit: 1.5, windowSeconds: 1, whenRedisDown: 'allow' })).toThrow(/limit/);
    expect(() => rateLimit({ name: 'api', limit: 5, windowSeconds: 0, whenRedisDown: 'allow' })).toThrow(
      /windowSeconds/,
    );
    expect(() => rateLimit({ name: 'Bad Name', limit: 5, windowSeconds: 1, whenRedisDown: 'allow' })).toThrow(/name/);
    expect(() => rateLimit({ name: 'auth', limit: 5, windowSeconds: 1, whenRedisDown: 'reject' })).not.toThrow();
  });
});
