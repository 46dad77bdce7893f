import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import {
  preferencesChange,
  preferencesDraft,
  preferencesProblems,
  profileChange,
  profileDraft,
  profileProblems,
  wholeNumber,
} from './settings-changes';

const account: Schemas['Account'] = {
  id: '00000000-0000-4000-8000-000000000000',
  email: 'ada@example.com',
  displayName: 'Ada',
  role: 'learner',
  timeZone: 'Europe/Paris',
  createdAt: '2025-01-01T00:00:00.000Z',
  dailyGoalXp: 30,
  preferences: { sessionMinutes: 20, hintsEnabled: true, remindersEnabled: true, reducedMotion: false },
};

describe('profileChange', () => {
  it('is null when the form still holds the account', () => {
    expect(profileChange(account, profileDraft(account))).toBeNull();
    expect(profileChange(account, { ...profileDraft(account), displayName: '  Ada ' })).toBeNull();
  });

  it('sends only what changed, the name trimmed and the goal as a number', () => {
    expect(profileChange(account, { displayName: ' Ada L. ', timeZone: 'Europe/Paris', dailyGoalXp: '30' })).toEqual({
      displayName: 'Ada L.',
    });
    expect(profileChange(account, { displayName: 'Ada', timeZone: 'Asia/Tokyo', dailyGoalXp: '50' })).toEqual({
      timeZone: 'Asia/Tokyo',
      dailyGoalXp: 50,
    });
  });
});

describe('profileProblems', () => {
  it('uses the API’s rules and sentences', () => {
    expect(profileProblems(profileDraft(account))).toEqual({});
    expect(profileProblems({ displayName: ' ', timeZone: 'UTC', dailyGoalXp: '5' })).toEqual({
      displayName: 'Enter a display name.',
      dailyGoalXp: 'Choose a daily goal from 10 to 500 XP.',
    });
    expect(profileProblems({ displayName: 'Ada', timeZone: 'UTC', dailyGoalXp: '' }).dailyGoalXp).toBeDefined();
    expect(profileProblems({ displayName: 'Ada', timeZone: 'UTC', dailyGoalXp: '20.5' }).dailyGoalXp).toBeDefined();
  });
});

describe('wholeNumber', () => {
  it('reads digits only', () => {
    expect(wholeNumber(' 42 ')).toBe(42);
    expect(wholeNumber('')).toBeNaN();
    expect(wholeNumber('1e2')).toBeNaN();
    expect(wholeNumber('-3')).toBeNaN();
  });
});

describe('preferences', () => {
  it('sends only changed preferences, and refuses a session length out of range on the API’s path', () => {
    const draft = preferencesDraft(account.preferences);
    expect(preferencesChange(account.preferences, draft)).toBeNull();
    expect(preferencesChange(account.preferences, { ...draft, hintsEnabled: false, sessionMinutes: '45' })).toEqual({
      hintsEnabled: false,
      sessionMinutes: 45,
    });
    expect(preferencesProblems({ ...draft, sessionMinutes: '200' })).toEqual({
      'preferences.sessionMinutes': 'Choose a session length from 5 to 120 minutes.',
    });
    expect(preferencesProblems(draft)).toEqual({});
  });
});
