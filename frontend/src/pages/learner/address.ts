/**
 * A screen's own state in the address bar (`?concept=`, `?q=`, `?course=`), for reloads,
 * Back and shared links, written without a router navigation: the app treats every
 * navigation as a new screen and moves focus to its heading, which would pull a keyboard
 * user out of the search box or the panel they are in. The screen keeps the state in its
 * own signals and reads the address only when it opens.
 */
export function replaceQuery(changes: Record<string, string | null | undefined>): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}
