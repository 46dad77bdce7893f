/**
 * The question clock: seconds left to the server's deadline (on the server's clock, through
 * the measured offset), a bar that empties smoothly — or in whole-second steps for people
 * who ask for reduced motion — and a polite announcement at 10 s, 5 s and time up, so a
 * screen-reader user hears the time running out without the number read every second.
 */
import { createEffect, createMemo, createSignal, on, onCleanup, type JSX } from 'solid-js';
import { announcement, fractionLeft, remainingMs, wholeSeconds, type Clocked } from './countdown';

export interface TimerProps {
  question: Clocked & { index: number; timeLimitMs: number };
  /** Server clock minus this device's (ms). */
  offset: number;
  paused: boolean;
}

const SMOOTH_TICK_MS = 100;
const STEP_TICK_MS = 250;

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function Timer(props: TimerProps): JSX.Element {
  const reduced = prefersReducedMotion();
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), reduced ? STEP_TICK_MS : SMOOTH_TICK_MS);
  onCleanup(() => clearInterval(tick));

  const left = () => remainingMs(props.question, now(), props.offset);
  const seconds = createMemo(() => wholeSeconds(left()));
  // Reduced motion: the bar moves once a second, with the number, instead of gliding.
  const fraction = () => fractionLeft(reduced ? seconds() * 1000 : left(), props.question.timeLimitMs);

  const [spoken, setSpoken] = createSignal('');
  let before: number | null = null;
  // A new question starts the announcements afresh (and clears the last one, so the same
  // words are announced again rather than ignored as unchanged).
  const index = createMemo(() => props.question.index);
  createEffect(
    on(index, () => {
      before = null;
      setSpoken('');
    }),
  );
  createEffect(
    on(seconds, (value) => {
      const words = announcement(before, value);
      before = value;
      if (words) setSpoken(words);
    }),
  );

  return (
    <div class="live-timer" classList={{ 'is-low': seconds() <= 5, 'is-paused': props.paused }}>
      <span class="live-timer-value" role="timer" aria-label={`${seconds()} seconds left`}>
        {seconds()}
        <span class="live-timer-unit" aria-hidden="true">
          s
        </span>
      </span>
      <span class="live-timer-bar" aria-hidden="true">
        <span style={{ transform: `scaleX(${fraction()})` }} />
      </span>
      {props.paused && <span class="badge">Paused</span>}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {spoken()}
      </p>
    </div>
  );
}
