/**
 * A learner's learning preferences, beyond the profile and the daily goal (whose limits
 * are in `field-rules.ts`, shared with the web app). Stored as JSON, read with defaults
 * filled in, so a preference added later needs no migration.
 */
import { z } from '@hono/zod-openapi';
import { SESSION_MINUTES, SESSION_MINUTES_MESSAGE } from './field-rules';

export const PreferencesSchema = z
  .object({
    /** Target length of a learning session, used by the orchestrator to suggest a break. */
    sessionMinutes: z
      .number()
      .int(SESSION_MINUTES_MESSAGE)
      .min(SESSION_MINUTES.min, SESSION_MINUTES_MESSAGE)
      .max(SESSION_MINUTES.max, SESSION_MINUTES_MESSAGE),
    /** Offer progressive hints on practice items. */
    hintsEnabled: z.boolean(),
    /** Streak-at-risk and review-due reminders. */
    remindersEnabled: z.boolean(),
    /** Fewer animations in the app, beyond the system setting. */
    reducedMotion: z.boolean(),
  })
  .openapi('Preferences');

export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = {
  sessionMinutes: 20,
  hintsEnabled: true,
  remindersEnabled: true,
  reducedMotion: false,
};

/** Stored preferences with defaults for anything missing or no longer valid. */
export function readPreferences(stored: unknown): Preferences {
  const result: Preferences = { ...DEFAULT_PREFERENCES };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[]) {
      const field = PreferencesSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
      if (field.success) Object.assign(result, { [key]: field.data });
    }
  }
  return result;
}
