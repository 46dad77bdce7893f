/** The question clock counts down to the server's deadline, stops at zero and announces 10 s, 5 s and time up. */
import { cleanup, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Timer } from './Timer';

const START = 1_700_000_000_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const shown = () => screen.getByRole('timer').getAttribute('aria-label');
const spoken = () => screen.getByRole('status').textContent;

describe('<Timer>', () => {
  it('counts down from the deadline to zero and announces 10 s, 5 s and time up', () => {
    render(() => (
      <Timer
        question={{ index: 0, timeLimitMs: 12_000, deadline: START + 12_000, remainingMs: null }}
        offset={0}
        paused={false}
      />
    ));
    expect(shown()).toBe('12 seconds left');
    expect(spoken()).toBe('');
    vi.advanceTimersByTime(1_000);
    expect(shown()).toBe('11 seconds left');
    expect(spoken()).toBe('');
    vi.advanceTimersByTime(1_000);
    expect(shown()).toBe('10 seconds left');
    expect(spoken()).toBe('10 seconds left.');
    vi.advanceTimersByTime(5_000);
    expect(shown()).toBe('5 seconds left');
    expect(spoken()).toBe('5 seconds left.');
    vi.advanceTimersByTime(5_000);
    expect(shown()).toBe('0 seconds left');
    expect(spoken()).toBe('Time is up.');
    vi.advanceTimersByTime(3_000);
    expect(shown()).toBe('0 seconds left');
  });

  it('counts on the server’s clock, not the device’s', () => {
    // The server is 4 s ahead: its deadline 10 s away on its clock is 6 s away here.
    render(() => (
      <Timer
        question={{ index: 0, timeLimitMs: 20_000, deadline: START + 10_000, remainingMs: null }}
        offset={4_000}
        paused={false}
      />
    ));
    expect(shown()).toBe('6 seconds left');
  });

  it('holds still while paused and starts afresh on the next question', () => {
    const [question, setQuestion] = createSignal({
      index: 0,
      timeLimitMs: 20_000,
      deadline: null as number | null,
      remainingMs: 7_000 as number | null,
    });
    render(() => <Timer question={question()} offset={0} paused={question().deadline === null} />);
    expect(shown()).toBe('7 seconds left');
    expect(screen.getByText('Paused')).toBeTruthy();
    vi.advanceTimersByTime(5_000);
    expect(shown()).toBe('7 seconds left');

    setQuestion({ index: 0, timeLimitMs: 20_000, deadline: Date.now() + 7_000, remainingMs: null });
    vi.advanceTimersByTime(2_000);
    expect(spoken()).toBe('5 seconds left.');
    setQuestion({ index: 1, timeLimitMs: 20_000, deadline: Date.now() + 20_000, remainingMs: null });
    vi.advanceTimersByTime(100);
    expect(shown()).toBe('20 seconds left');
    expect(spoken()).toBe('');
    vi.advanceTimersByTime(10_000);
    expect(spoken()).toBe('10 seconds left.');
  });
});
