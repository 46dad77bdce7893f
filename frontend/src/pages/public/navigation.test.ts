import { describe, expect, it } from 'vitest';
import { noticeFrom, safeNextPath, withNext } from './navigation';

describe('safeNextPath', () => {
  it('happy: follows a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/progress')).toBe('/progress');
    expect(safeNextPath('/courses/osp-with-jac?tab=map#walkers')).toBe('/courses/osp-with-jac?tab=map#walkers');
  });

  it('falls back to the dashboard (or the given fallback) without a usable next', () => {
    expect(safeNextPath(null)).toBe('/dashboard');
    expect(safeNextPath(undefined)).toBe('/dashboard');
    expect(safeNextPath('')).toBe('/dashboard');
    expect(safeNextPath('progress')).toBe('/dashboard');
    expect(safeNextPath(null, '/settings')).toBe('/settings');
    expect(safeNextPath(['/progress', '//evil.example'])).toBe('/dashboard');
  });

  it('security: never leaves the site (open redirects)', () => {
    for (const hostile of [
      '//evil.example',
      '//evil.example/path',
      '/\\evil.example',
      '/\\/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      ' /progress',
      '\\\\evil.example',
    ]) {
      expect([hostile, safeNextPath(hostile)]).toEqual([hostile, '/dashboard']);
    }
  });

  it('normalises dot segments instead of trusting them, and still stays on the site', () => {
    expect(safeNextPath('/a/../progress')).toBe('/progress');
    expect(safeNextPath('/..//evil.example')).toBe('/dashboard');
    expect(safeNextPath('/./..//evil.example/x')).toBe('/dashboard');
  });

  it('does not send people back to the account pages', () => {
    expect(safeNextPath('/signin')).toBe('/dashboard');
    expect(safeNextPath('/signup?next=/x')).toBe('/dashboard');
    expect(safeNextPath('/reset-password?token=abc')).toBe('/dashboard');
  });
});

describe('withNext', () => {
  it('carries a safe next along, encoded, and drops an unsafe one', () => {
    expect(withNext('/signup', '/courses/js-graphs?x=1')).toBe('/signup?next=%2Fcourses%2Fjs-graphs%3Fx%3D1');
    expect(withNext('/signup', '//evil.example')).toBe('/signup');
    expect(withNext('/signin', null)).toBe('/signin');
  });
});

describe('noticeFrom', () => {
  it('reads a notice from navigation state and ignores anything else', () => {
    expect(noticeFrom({ notice: 'Your account was deleted.' })).toBe('Your account was deleted.');
    expect(noticeFrom(null)).toBeUndefined();
    expect(noticeFrom({ notice: 3 })).toBeUndefined();
    expect(noticeFrom('text')).toBeUndefined();
  });
});
