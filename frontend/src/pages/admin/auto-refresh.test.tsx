/** The system view's timer: refreshes on schedule, stops while paused, catches up when a hidden tab shows. */
import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutoRefresh } from './auto-refresh';

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** The timer in a reactive root of its own (its effects run once the root is built). */
function start(refresh: () => void) {
  return createRoot((dispose) => ({ auto: createAutoRefresh(refresh, 30_000), dispose }));
}

describe('createAutoRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    setHidden(false);
  });

  it('refreshes every interval until paused, and again after resuming', () => {
    const refresh = vi.fn();
    const { auto, dispose } = start(refresh);
    vi.advanceTimersByTime(29_999);
    expect(refresh).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    auto.toggle();
    expect(auto.paused()).toBe(true);
    vi.advanceTimersByTime(120_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    auto.toggle();
    vi.advanceTimersByTime(30_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    dispose();
    vi.advanceTimersByTime(60_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('skips refreshes while the tab is hidden and catches up once when it shows', () => {
    const refresh = vi.fn();
    const { dispose } = start(refresh);
    setHidden(true);
    vi.advanceTimersByTime(90_000);
    expect(refresh).not.toHaveBeenCalled();
    setHidden(false);
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(29_999);
    expect(refresh).toHaveBeenCalledTimes(1);
    dispose();
  });
});
