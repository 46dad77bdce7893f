/**
 * What a player's phone shows in each phase of a live quiz: waiting in the lobby, the
 * question with its clock and answer buttons (then "locked in"), the verdict after the
 * question closes, and the podium with the player's own summary at the end.
 */
import { A } from '@solidjs/router';
import { For, Match, Show, Switch, type JSX } from 'solid-js';
import type { LiveQuestionView } from '../../../../../durable/protocol';
import { AnswerGrid } from './AnswerGrid';
import { InlineMarkdown, Markdown } from '../../../ui/MarkdownView';
import { lookLabel, optionLook } from './option-look';
import { ordinal, type RoomView } from './room-state';
import { OptionBadge } from './Shape';
import { Podium } from './Standings';
import { Timer } from './Timer';

const points = (score: number) => `${score.toLocaleString()} ${score === 1 ? 'point' : 'points'}`;

export function LobbyWait(props: { view: RoomView; nickname: string }): JSX.Element {
  const count = () => props.view.players.length;
  return (
    <section class="card live-big" aria-labelledby="lobby-heading">
      <h2 id="lobby-heading">You’re in, {props.nickname}!</h2>
      <p>Waiting for the host to start the game…</p>
      <p class="muted" aria-live="polite">
        {count() === 1 ? '1 player has joined' : `${count()} players have joined`}
      </p>
    </section>
  );
}

export interface QuestionScreenProps {
  view: RoomView;
  question: LiveQuestionView;
  offset: number;
  connected: boolean;
  picked: string[];
  sending: boolean;
  onPick: (ids: string[]) => void;
  onAnswer: (ids: string[]) => void;
}

export function QuestionScreen(props: QuestionScreenProps): JSX.Element {
  const locked = () => props.view.you?.answered === true;
  return (
    <section aria-labelledby="question-prompt">
      <div class="live-topline">
        <p class="muted">
          Question {props.question.index + 1} of {props.question.total}
        </p>
        <Timer question={props.question} offset={props.offset} paused={props.view.paused} />
      </div>
      <h2 class="visually-hidden">Question {props.question.index + 1}</h2>
      <div id="question-prompt" class="live-prompt" tabindex="-1">
        <Markdown text={props.question.prompt} />
      </div>
      <Show when={props.view.paused}>
        <p class="notice" role="status">
          The host has paused the game. The clock is stopped.
        </p>
      </Show>
      <AnswerGrid
        question={props.question}
        locked={locked()}
        disabled={props.view.paused || !props.connected || props.sending}
        picked={props.picked}
        onPick={(ids) => props.onPick(ids)}
        onAnswer={(ids) => props.onAnswer(ids)}
        labelledBy="question-prompt"
      />
      <Show when={locked()}>
        <p class="success live-locked">
          <strong>Answer locked in.</strong> Waiting for the others…
        </p>
      </Show>
      <Show when={props.sending && !locked()}>
        <p class="muted">Sending your answer…</p>
      </Show>
    </section>
  );
}

/** The verdict on the question just closed, or (after a reload) the standing so far. */
export function ResultScreen(props: { view: RoomView }): JSX.Element {
  const results = () => props.view.results;
  const mine = () => results()?.you ?? null;
  const correctOptions = () => {
    const question = props.view.question;
    const right = new Set(results()?.correct ?? []);
    return (question?.options ?? []).flatMap((option, index) =>
      right.has(option.id) ? [{ ...option, look: optionLook(index) }] : [],
    );
  };
  return (
    <Show
      when={results()}
      fallback={
        <section class="card live-big" aria-labelledby="result-heading">
          <h2 id="result-heading">Question closed</h2>
          <p>Waiting for the next question…</p>
          <Standing view={props.view} />
        </section>
      }
    >
      <section class="card live-big" aria-labelledby="result-heading">
        <h2 id="result-heading" class="visually-hidden">
          Your result
        </h2>
        <Switch>
          <Match when={mine()?.correct === true}>
            <p class="live-verdict up">✓ Correct</p>
          </Match>
          <Match when={mine()?.correct === false}>
            <p class="live-verdict down">✗ Incorrect</p>
          </Match>
          <Match when={true}>
            <p class="live-verdict">No answer</p>
          </Match>
        </Switch>
        <p class="live-points">+{points(mine()?.points ?? 0)}</p>
        <Show when={(mine()?.streak ?? 0) > 1}>
          <p>{mine()?.streak} correct in a row!</p>
        </Show>
        <div class="live-stats">
          <Standing view={props.view} />
        </div>
      </section>
      <Show when={correctOptions().length > 0}>
        <section class="card" aria-labelledby="answer-heading">
          <h3 id="answer-heading">{correctOptions().length > 1 ? 'The right answers' : 'The right answer'}</h3>
          <ul class="live-options">
            <For each={correctOptions()}>
              {(option) => (
                <li class={`tone-${option.look.tone}`}>
                  <OptionBadge letter={option.look.letter} shape={option.look.shape} />
                  <span>
                    <span class="visually-hidden">{`${lookLabel(option.look)}: `}</span>
                    <InlineMarkdown text={option.text} />
                  </span>
                </li>
              )}
            </For>
          </ul>
          <Show when={results()?.explanation}>
            {(text) => (
              <div class="muted">
                <Markdown text={text()} />
              </div>
            )}
          </Show>
        </section>
      </Show>
    </Show>
  );
}

function Standing(props: { view: RoomView }): JSX.Element {
  return (
    <Show when={props.view.you}>
      {(you) => (
        <p>
          <Show when={you().rank !== null} fallback={<>Score: {points(you().score)}</>}>
            You are <strong>{ordinal(you().rank ?? 0)}</strong> with {points(you().score)}.
          </Show>
        </p>
      )}
    </Show>
  );
}

export function EndScreen(props: { view: RoomView; playerId: string }): JSX.Element {
  const over = () => props.view.gameOver;
  const summary = () => over()?.you ?? null;
  return (
    <>
      <section class="card live-big" aria-labelledby="end-heading">
        <h2 id="end-heading">Game over</h2>
        <Show when={summary()} fallback={<Standing view={props.view} />}>
          {(you) => (
            <>
              <p class="live-points">
                You finished {ordinal(you().rank)} with {points(you().score)}.
              </p>
              <div class="live-stats">
                <div class="stat">
                  <span class="value">
                    {you().correct}/{you().answered}
                  </span>
                  <span class="label">correct of answered</span>
                </div>
                <Show when={you().averageResponseMs !== null}>
                  <div class="stat">
                    <span class="value">{((you().averageResponseMs ?? 0) / 1000).toFixed(1)} s</span>
                    <span class="label">average answer time</span>
                  </div>
                </Show>
              </div>
            </>
          )}
        </Show>
      </section>
      <Show when={over()}>
        {(ended) => (
          <section class="card">
            <Podium podium={ended().podium} highlight={props.playerId} />
          </section>
        )}
      </Show>
      <p>
        <A href="/play">Join another game</A>
      </p>
    </>
  );
}
