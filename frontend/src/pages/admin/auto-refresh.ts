/**
 * Refreshing a view on a timer that a person can pause: every `everyMs` while running and
 * the tab is visible (a hidden tab catches up as soon as it is shown again).
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';

export interface AutoRefresh {
  paused: Accessor<boolean>;
  toggle(): void;
}

export function createAutoRefresh(refresh: () => void, everyMs: number): AutoRefresh {
  const [paused, setPaused] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let overdue = false;

  const schedule = () => {
    clearTimeout(timer);
    timer = paused() ? undefined : setTimeout(tick, everyMs);
  };
  function tick() {
    if (document.hidden) overdue = true;
    else refresh();
    schedule();
  }
  const onVisible = () => {
    if (!document.hidden && overdue && !paused()) {
      overdue = false;
      refresh();
      schedule();
    }
  };

  createEffect(() => {
    paused();
    schedule();
  });
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });
  return { paused, toggle: () => setPaused((value) => !value) };
}
