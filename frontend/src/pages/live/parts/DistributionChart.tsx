/**
 * After a question closes, how the room answered: one bar per option (plain CSS bars, in the
 * question's order, with letter and shape), counts and percentages, the right option marked
 * with a tick and the word "correct" — and "no answer" as its own line.
 */
import { For, Show, type JSX } from 'solid-js';
import { distributionOf } from './distribution';
import { InlineMarkdown } from '../../../ui/MarkdownView';
import { lookLabel, optionLook } from './option-look';
import { OptionBadge } from './Shape';

export interface DistributionChartProps {
  options: { id: string; text: string }[];
  distribution: Record<string, number>;
  noAnswer: number;
  correct: string[];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function DistributionChart(props: DistributionChartProps): JSX.Element {
  const chart = () => distributionOf(props.options, props.distribution, props.noAnswer, props.correct);
  return (
    <figure class="live-chart">
      <figcaption>How the room answered ({plural(chart().total, 'player', 'players')})</figcaption>
      <ul>
        <For each={chart().bars}>
          {(bar, index) => {
            const look = optionLook(index());
            return (
              <li class={`live-chart-row tone-${look.tone}`} classList={{ 'is-correct': bar.correct }}>
                <span class="live-chart-label">
                  <OptionBadge letter={look.letter} shape={look.shape} />
                  <span>
                    <span class="visually-hidden">{`${lookLabel(look)}: `}</span>
                    <InlineMarkdown text={bar.text} />
                  </span>
                  <Show when={bar.correct}>
                    <span class="badge up">✓ correct</span>
                  </Show>
                </span>
                <span class="live-chart-track" aria-hidden="true">
                  <span class="live-chart-bar" style={{ width: `${bar.percent}%` }} />
                </span>
                <span class="live-chart-count">
                  {bar.count}
                  <span class="visually-hidden"> {bar.count === 1 ? 'answer' : 'answers'},</span> · {bar.percent}%
                </span>
              </li>
            );
          }}
        </For>
        <li class="live-chart-row is-silent">
          <span class="live-chart-label">No answer</span>
          <span class="live-chart-track" aria-hidden="true">
            <span class="live-chart-bar" style={{ width: `${chart().noAnswer.percent}%` }} />
          </span>
          <span class="live-chart-count">
            {chart().noAnswer.count}
            <span class="visually-hidden"> {chart().noAnswer.count === 1 ? 'player' : 'players'},</span> ·{' '}
            {chart().noAnswer.percent}%
          </span>
        </li>
      </ul>
    </figure>
  );
}
