import { describe, expect, it } from 'vitest';
import { parseOrigins } from './cors';

describe('parseOrigins', () => {
  it('splits the configured list, trimming blanks', () => {
    expect([...parseOrigins(' http://localhost:5173 , https://jeseci.pages.dev,,')]).toEqual([
      'http://localhost:5173',
      'https://jeseci.pages.dev',
    ]);
  });

  it('yields nothing for an empty setting, so no origin is allowed', () => {
    expect(parseOrigins('').size).toBe(0);
  });
});
