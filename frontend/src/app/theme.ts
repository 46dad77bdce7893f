/**
 * Light and dark themes: the system's choice unless the person picks one, remembered in
 * localStorage (a display preference, never anything secret).
 */
import { createSignal } from 'solid-js';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'jeseci.theme';

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

const [theme, setThemeSignal] = createSignal<ThemeChoice>(stored());
export { theme };

export function applyTheme(choice: ThemeChoice = theme()): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export function setTheme(choice: ThemeChoice): void {
  setThemeSignal(choice);
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Private modes may refuse storage; the choice still holds for this visit.
  }
  applyTheme(choice);
}

/**
 * Reduced motion: the system setting, or the account's own preference (Settings), which
 * sets `data-reduced-motion` on the root so the same CSS rule applies.
 */
export function applyMotionPreference(reduced: boolean): void {
  if (reduced) document.documentElement.dataset.reducedMotion = 'true';
  else delete document.documentElement.dataset.reducedMotion;
}

/** For JavaScript-driven motion (timers, charts): true when either asks for less motion. */
export function prefersReducedMotion(): boolean {
  if (document.documentElement.dataset.reducedMotion === 'true') return true;
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
