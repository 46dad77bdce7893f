/** The end of a learning session: time spent, answers, accuracy, XP and each concept's mastery change. */
import { For, Show, type JSX } from 'solid-js';
import type { Schemas } from '../../../api/client';
import { MasteryBar } from './Feedback';
import { duration, percent } from './format';

export type LearningSession = Schemas['LearningSession'];

export function SessionSummary(props: {
  session: LearningSession;
  titleOf: (concept: string) => string;
  children?: JSX.Element;
}): JSX.Element {
  const summary = () => props.session.summary;
  return (
    <section class="card session-summary stack" aria-labelledby="session-summary-title">
      <h2 id="session-summary-title" tabindex="-1">
        Session summary
      </h2>
      <Show when={props.session.endReason === 'idle'}>
        <p class="muted">This session had already ended after a quiet spell; here is what it held.</p>
      </Show>
      <dl class="summary-stats">
        <div class="stat">
          <dt class="label">Time</dt>
          <dd class="value">{duration(summary().seconds)}</dd>
        </div>
        <div class="stat">
          <dt class="label">Answers</dt>
          <dd class="value">{summary().answers}</dd>
        </div>
        <div class="stat">
          <dt class="label">Correct</dt>
          <dd class="value">
            {summary().correct}
            <Show when={summary().accuracy !== null}>
              <span class="stat-note"> ({percent(summary().accuracy ?? 0)})</span>
            </Show>
          </dd>
        </div>
        <div class="stat">
          <dt class="label">XP earned</dt>
          <dd class="value">{summary().xp}</dd>
        </div>
      </dl>
      <Show
        when={summary().mastery.length > 0}
        fallback={<p class="muted">No answers in this session, so no mastery changed.</p>}
      >
        <h3>Mastery</h3>
        <For each={summary().mastery}>
          {(change) => <MasteryBar change={change} title={props.titleOf(change.concept)} />}
        </For>
      </Show>
      {props.children}
    </section>
  );
}
