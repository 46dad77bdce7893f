/** The leaderboard after each question (top 5) and the podium at the end. */
import { For, Show, type JSX } from 'solid-js';
import type { LiveStanding } from '../../../../../durable/protocol';
import { ordinal, podiumOrder } from './room-state';

const points = (score: number) => `${score.toLocaleString()} ${score === 1 ? 'point' : 'points'}`;

export function Leaderboard(props: { standings: LiveStanding[]; heading: string; highlight?: string }): JSX.Element {
  return (
    <section class="live-board" aria-label={props.heading}>
      <h3>{props.heading}</h3>
      <Show when={props.standings.length > 0} fallback={<p class="muted">Nobody has scored yet.</p>}>
        <ol>
          <For each={props.standings}>
            {(entry) => (
              <li classList={{ 'is-you': entry.playerId === props.highlight }}>
                <span class="live-board-rank">{ordinal(entry.rank)}</span>
                <span class="live-board-name">
                  {entry.nickname}
                  <Show when={entry.playerId === props.highlight}>
                    <span class="visually-hidden"> (you)</span>
                  </Show>
                </span>
                <span class="live-board-score">{points(entry.score)}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

export function Podium(props: { podium: LiveStanding[]; highlight?: string }): JSX.Element {
  const byRank = () => [...props.podium].sort((a, b) => a.rank - b.rank);
  // Where each place stands on screen: second, first, third.
  const standsAt = (entry: LiveStanding) => podiumOrder(props.podium).indexOf(entry);
  return (
    <section class="live-podium-wrap" aria-labelledby="podium-heading">
      <h2 id="podium-heading">Podium</h2>
      <Show when={props.podium.length > 0} fallback={<p class="muted">Nobody made it onto the podium.</p>}>
        {/* In rank order for a screen reader; CSS order stands it second, first, third. */}
        <ol class="live-podium">
          <For each={byRank()}>
            {(entry) => (
              <li
                class={`live-podium-place place-${Math.min(entry.rank, 3)}`}
                classList={{ 'is-you': entry.playerId === props.highlight }}
                style={{ order: String(standsAt(entry)) }}
              >
                <span class="live-podium-name">{entry.nickname}</span>
                <span class="live-podium-score">{points(entry.score)}</span>
                <span class="live-podium-step">{ordinal(entry.rank)}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
