/** Every achievement: those earned, and those still to earn with the learner's progress toward each. */
import { createResource, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { AchievementIcon } from './AchievementIcon';
import type { AchievementProgress } from './dashboard-model';
import { percentOf } from './learner-format';
import './learner.css';

/** Locked ones nearest to done first: they are the ones worth a push. */
function byCloseness(a: AchievementProgress, b: AchievementProgress): number {
  const share = (x: AchievementProgress) => (x.target > 0 ? x.current / x.target : 0);
  return share(b) - share(a);
}

function Badge(props: { achievement: AchievementProgress }): JSX.Element {
  const a = () => props.achievement;
  const share = () => (a().target > 0 ? Math.min(1, a().current / a().target) : 0);
  return (
    <li class="card achievement" classList={{ earned: a().unlocked }}>
      <AchievementIcon earned={a().unlocked} size={36} />
      <div class="achievement-text">
        <h3>{a().title}</h3>
        <p>{a().description}</p>
        <Show when={!a().unlocked} fallback={<span class="badge up">Earned</span>}>
          <div
            class="progress-bar"
            role="progressbar"
            aria-label={`Progress toward ${a().title}`}
            aria-valuemin="0"
            aria-valuemax={a().target}
            aria-valuenow={Math.min(a().current, a().target)}
            aria-valuetext={`${Math.min(a().current, a().target)} of ${a().target}`}
          >
            <span style={{ width: percentOf(share()) }} />
          </div>
          <p class="hint">
            {Math.min(a().current, a().target).toLocaleString('en')} of {a().target.toLocaleString('en')}
          </p>
        </Show>
      </div>
    </li>
  );
}

export default function Achievements(): JSX.Element {
  usePageTitle(() => 'Achievements');
  const [achievements, { refetch }] = createResource(() =>
    ok(api.GET('/api/me/achievements')).then((answer) => answer.achievements),
  );
  return (
    <div class="achievements stack">
      <h1>Achievements</h1>
      <Load
        data={achievements}
        retry={() => void refetch()}
        isEmpty={(list) => list.length === 0}
        empty={<p>There are no achievements yet.</p>}
      >
        {(list) => {
          const earned = () => list.filter((a) => a.unlocked);
          const locked = () => list.filter((a) => !a.unlocked).sort(byCloseness);
          return (
            <>
              <p class="muted">
                {earned().length} of {list.length} earned
              </p>
              <section aria-labelledby="earned-heading">
                <h2 id="earned-heading">Earned</h2>
                <Show
                  when={earned().length > 0}
                  fallback={<p class="empty">None yet: read a lesson or answer a few questions to earn your first.</p>}
                >
                  <ul class="grid achievement-grid">
                    <For each={earned()}>{(achievement) => <Badge achievement={achievement} />}</For>
                  </ul>
                </Show>
              </section>
              <section aria-labelledby="locked-heading">
                <h2 id="locked-heading">Still to earn</h2>
                <Show when={locked().length > 0} fallback={<p class="empty">You have earned every achievement.</p>}>
                  <ul class="grid achievement-grid">
                    <For each={locked()}>{(achievement) => <Badge achievement={achievement} />}</For>
                  </ul>
                </Show>
              </section>
            </>
          );
        }}
      </Load>
    </div>
  );
}
