import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, needsRehash, verifyPassword } from './password';

// One hash at the real parameters (~50–100 ms), shared by the tests that only read it.
const sharedPassword = 'correct horse battery staple';
const sharedHash = hashPassword(sharedPassword);

describe('hashPassword / verifyPassword', () => {
  it('happy: a hash verifies against the password it was made from', async () => {
    expect(await verifyPassword(sharedPassword, await sharedHash)).toBe(true);
  });

  it('security: a wrong password, or one differing only in case, does not verify', async () => {
    const stored = await sharedHash;
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('security: two hashes of one password differ (random salt)', async () => {
    const again = await hashPassword(sharedPassword);
    expect(again).not.toBe(await sharedHash);
    expect(await verifyPassword(sharedPassword, again)).toBe(true);
  });

  it('stores a self-describing string: algorithm, parameters, 16-byte salt, 32-byte key', async () => {
    const stored = await sharedHash;
    const match = /^scrypt\$N=32768,r=8,p=3\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
    expect(match).not.toBeNull();
    expect(Buffer.from(match?.[1] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(match?.[2] ?? '', 'base64')).toHaveLength(32);
  });

  it('treats the same password typed composed or decomposed as one (NFKC)', async () => {
    const stored = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', stored)).toBe(true);
  });

  it('error: a malformed or hostile stored string gives false, never a throw', async () => {
    const stored = await sharedHash;
    const [, params, salt, key] = stored.split('$');
    const malformed = [
      '',
      'not a hash',
      'bcrypt$2b$10$abcdefghijklmnopqrstuv',
      `scrypt$${params}$${salt}`,
      `scrypt$${params}$${salt}$${key}$extra`,
      `scrypt$N=32767,r=8,p=3$${salt}$${key}`, // N not a power of two
      `scrypt$N=1073741824,r=8,p=3$${salt}$${key}`, // would need 1 TiB
      `scrypt$N=32768,r=0,p=3$${salt}$${key}`,
      `scrypt$N=32768,r=8,p=3$${salt}$not*base64`,
      `scrypt$N=32768,r=8,p=3$${salt}$`,
      `scrypt$${params}$$${key}`,
    ];
    for (const bad of malformed) {
      await expect(verifyPassword(sharedPassword, bad), bad).resolves.toBe(false);
    }
  });

  it('keeps verifying a hash made with older parameters, and flags it for rehash', async () => {
    const stored = await sharedHash;
    expect(needsRehash(stored)).toBe(false);

    // Built by hand as an older release with N=2^14 would have stored it.
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync(sharedPassword, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const old = `scrypt$N=16384,r=8,p=1$${salt.toString('base64').replace(/=+$/, '')}$${key.toString('base64')}`;
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword(sharedPassword, old)).toBe(true);
    expect(await verifyPassword('something else', old)).toBe(false);

    expect(needsRehash('garbage')).toBe(true);
  });
});

describe('checkPasswordPolicy', () => {
  const reject = (password: string, context?: Parameters<typeof checkPasswordPolicy>[1]) => {
    const result = checkPasswordPolicy(password, context);
    expect(result.ok, password).toBe(false);
    return result.ok ? '' : result.reason;
  };

  it('happy: accepts 8 to 128 characters of anything, spaces included, with no class rules', () => {
    expect(checkPasswordPolicy('plumtree')).toEqual({ ok: true });
    expect(checkPasswordPolicy('x'.repeat(128))).toEqual({ ok: true });
    expect(checkPasswordPolicy('  two words  ')).toEqual({ ok: true });
    expect(checkPasswordPolicy('ünïcødé ✓')).toEqual({ ok: true });
  });

  it('error: refuses 7 characters and 129, saying what to do', () => {
    expect(reject('plumtre')).toMatch(/at least 8 characters/);
    expect(reject('x'.repeat(129))).toMatch(/at most 128 characters/);
  });

  it('counts code points, so each emoji is one character', () => {
    expect(checkPasswordPolicy('🔒🔑🐙🦄🌵🍕🎲🚀')).toEqual({ ok: true }); // 8 emoji, 16 UTF-16 units
    expect(reject('🔒🔑🐙🦄🌵🍕🎲')).toMatch(/at least 8 characters \(this one has 7\)/);
    expect(checkPasswordPolicy('🔒'.repeat(128))).toEqual({ ok: true });
    expect(reject('🔒'.repeat(129))).toMatch(/at most 128/);
  });

  it('security: refuses common passwords whatever their case', () => {
    for (const common of ['password', 'PASSWORD1', 'Sunshine1', 'QwErTy123', '12345678', 'iloveyou']) {
      expect(reject(common)).toMatch(/commonly used/);
    }
  });

  it('security: refuses the email, its local part or the display name, whatever the case', () => {
    const context = { email: 'Ada.Lovelace@example.test', displayName: 'Ada Lovelace' };
    expect(reject('ada.lovelace@EXAMPLE.test', context)).toMatch(/email address/);
    expect(reject('ADA.LOVELACE', context)).toMatch(/email address/);
    expect(reject('ada lovelace', context)).toMatch(/your name/);
    expect(checkPasswordPolicy('ada lovelace rides again', context)).toEqual({ ok: true });
  });
});
