/**
 * The unsaved-changes warning: a confirm before any navigation inside the app (links,
 * Back, choosing another lesson) and the browser's own prompt before closing or
 * reloading the tab, both only while `dirty()` holds.
 */
import { useBeforeLeave } from '@solidjs/router';
import { onCleanup } from 'solid-js';

export const LEAVE_MESSAGE = 'You have unsaved changes. Leave without saving them?';

export function useUnsavedChangesGuard(dirty: () => boolean): void {
  useBeforeLeave((event) => {
    if (dirty() && !event.defaultPrevented && !window.confirm(LEAVE_MESSAGE)) event.preventDefault();
  });
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (dirty()) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  onCleanup(() => window.removeEventListener('beforeunload', onBeforeUnload));
}
