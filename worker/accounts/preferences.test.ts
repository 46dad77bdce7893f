import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, readPreferences } from './preferences';

describe('readPreferences', () => {
  it('fills in defaults for a new account', () => {
    expect(readPreferences({})).toEqual(DEFAULT_PREFERENCES);
    expect(readPreferences(null)).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps valid stored values and replaces invalid or unknown ones', () => {
    expect(readPreferences({ sessionMinutes: 45, hintsEnabled: false, sessionMinutez: 3 })).toEqual({
      ...DEFAULT_PREFERENCES,
      sessionMinutes: 45,
      hintsEnabled: false,
    });
    expect(readPreferences({ sessionMinutes: 500, reducedMotion: 'yes' })).toEqual(DEFAULT_PREFERENCES);
  });
});
