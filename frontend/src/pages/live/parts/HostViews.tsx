/**
 * The host's screens, made for a projector: the lobby with the PIN and who has joined, the
 * open question with its clock and live answer count, the review with the distribution and
 * leaderboard, and the podium. Commands go out through `onCommand`; the room decides.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { LiveQuestionView } from '../../../../../durable/protocol';
import { DistributionChart } from './DistributionChart';
import { InlineMarkdown, Markdown } from '../../../ui/MarkdownView';
import { lookLabel, optionLook } from './option-look';
import type { LobbyPlayer, RoomView } from './room-state';
import { OptionBadge } from './Shape';
import { Leaderboard, Podium } from './Standings';
import { Timer } from './Timer';

export type HostAction = 'start' | 'next' | 'reveal' | 'skip' | 'pause' | 'resume' | 'end';

export function joinAddress(origin: string): string {
  return `${origin}/play`;
}

export function HostLobby(props: {
  view: RoomView;
  origin: string;
  connected: boolean;
  onStart: () => void;
  onKick: (player: LobbyPlayer) => void;
}): JSX.Element {
  const count = () => props.view.players.length;
  return (
    <div class="live-columns">
      <section class="card live-big" aria-labelledby="pin-heading">
        <h2 id="pin-heading">Join at</h2>
        <p class="live-join-url">
          <a href={`/play?pin=${props.view.pin ?? ''}`} target="_blank" rel="noopener">
            {joinAddress(props.origin)}
          </a>
        </p>
        <p class="muted">with the game PIN</p>
        <p class="live-pin" aria-label={`Game PIN ${(props.view.pin ?? '').split('').join(' ')}`}>
          {props.view.pin ?? '——————'}
        </p>
        <button
          type="button"
          class="primary live-join-submit"
          disabled={!props.connected || count() === 0}
          onClick={() => props.onStart()}
        >
          Start the game
        </button>
        <Show when={count() === 0}>
          <p class="hint">The game can start once someone has joined.</p>
        </Show>
      </section>
      <PlayersPanel players={props.view.players} onKick={props.onKick} connected={props.connected} />
    </div>
  );
}

/** Who is in the room, with a two-step kick (a kicked player cannot come back). */
export function PlayersPanel(props: {
  players: LobbyPlayer[];
  connected: boolean;
  onKick: (player: LobbyPlayer) => void;
}): JSX.Element {
  const [confirming, setConfirming] = createSignal<string>();
  return (
    <section class="card" aria-labelledby="players-heading">
      <h2 id="players-heading">
        Players <span class="badge">{props.players.length}</span>
      </h2>
      <p class="visually-hidden" aria-live="polite">
        {props.players.length === 1 ? '1 player' : `${props.players.length} players`} in the room
      </p>
      <Show when={props.players.length > 0} fallback={<p class="muted">Nobody has joined yet.</p>}>
        <ul class="live-players">
          <For each={props.players}>
            {(player) => (
              <li classList={{ 'is-away': !player.connected }}>
                <span>
                  {player.nickname}
                  <Show when={!player.connected}>
                    <span class="muted"> (away)</span>
                  </Show>
                </span>
                <Show
                  when={confirming() === player.playerId}
                  fallback={
                    <button
                      type="button"
                      class="link"
                      disabled={!props.connected}
                      aria-label={`Remove ${player.nickname}`}
                      onClick={() => setConfirming(player.playerId)}
                    >
                      Remove
                    </button>
                  }
                >
                  <span class="live-actions">
                    <button
                      type="button"
                      class="danger"
                      onClick={() => {
                        setConfirming(undefined);
                        props.onKick(player);
                      }}
                    >
                      Remove {player.nickname}
                    </button>
                    <button type="button" onClick={() => setConfirming(undefined)}>
                      Cancel
                    </button>
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** The options as the class sees them on the projector (not buttons: the host does not answer). */
export function OptionList(props: { question: LiveQuestionView }): JSX.Element {
  return (
    <ul class="live-options">
      <For each={props.question.options}>
        {(option, index) => {
          const look = optionLook(index());
          return (
            <li class={`tone-${look.tone}`}>
              <OptionBadge letter={look.letter} shape={look.shape} />
              <span>
                <span class="visually-hidden">{`${lookLabel(look)}: `}</span>
                <InlineMarkdown text={option.text} />
              </span>
            </li>
          );
        }}
      </For>
    </ul>
  );
}

export function HostQuestion(props: {
  view: RoomView;
  question: LiveQuestionView;
  offset: number;
  connected: boolean;
  onCommand: (action: HostAction) => void;
}): JSX.Element {
  const answered = () => props.view.answered;
  return (
    <section class="stack" aria-labelledby="question-prompt">
      <div class="live-topline">
        <p class="muted">
          Question {props.question.index + 1} of {props.question.total}
          {props.question.multiple ? ' · pick all that apply' : ''}
        </p>
        <Timer question={props.question} offset={props.offset} paused={props.view.paused} />
      </div>
      <h2 class="visually-hidden">Question {props.question.index + 1}</h2>
      <div id="question-prompt" class="live-prompt" tabindex="-1">
        <Markdown text={props.question.prompt} />
      </div>
      <OptionList question={props.question} />
      <p class="live-count" aria-live="polite">
        <Show when={answered()} fallback={<>Answers are coming in…</>}>
          {(count) => (
            <>
              {count().answered} of {count().players} answered
            </>
          )}
        </Show>
      </p>
      <div class="live-controls" role="group" aria-label="Question controls">
        <button
          type="button"
          class="primary"
          disabled={!props.connected || props.view.paused}
          onClick={() => props.onCommand('reveal')}
        >
          Reveal answers
        </button>
        <Show
          when={props.view.paused}
          fallback={
            <button type="button" disabled={!props.connected} onClick={() => props.onCommand('pause')}>
              Pause
            </button>
          }
        >
          <button type="button" class="primary" disabled={!props.connected} onClick={() => props.onCommand('resume')}>
            Resume
          </button>
        </Show>
        <button type="button" disabled={!props.connected || props.view.paused} onClick={() => props.onCommand('skip')}>
          Skip question
        </button>
      </div>
    </section>
  );
}

export function HostReview(props: {
  view: RoomView;
  connected: boolean;
  onCommand: (action: HostAction) => void;
}): JSX.Element {
  const question = () => props.view.question;
  const results = () => props.view.results;
  const last = () => {
    const shown = question();
    return shown ? shown.index + 1 >= shown.total : false;
  };
  return (
    <section class="stack" aria-labelledby="review-heading">
      <Show when={question()}>
        {(shown) => (
          <>
            <p class="muted">
              Question {shown().index + 1} of {shown().total} · answers revealed
            </p>
            <h2 id="review-heading" class="visually-hidden" tabindex="-1">
              Results of question {shown().index + 1}
            </h2>
            <div class="live-prompt">
              <Markdown text={shown().prompt} />
            </div>
          </>
        )}
      </Show>
      <Show
        when={results()}
        fallback={
          <>
            <Show when={!question()}>
              <h2 id="review-heading">Answers revealed</h2>
            </Show>
            <p class="notice">The results of this question were shown before this page reloaded.</p>
          </>
        }
      >
        {(shown) => (
          <div class="live-columns">
            <div class="card">
              <DistributionChart
                options={question()?.options ?? []}
                distribution={shown().distribution}
                noAnswer={shown().noAnswer}
                correct={shown().correct}
              />
              <Show when={shown().explanation}>
                <div class="muted live-explanation">
                  <Markdown text={shown().explanation} />
                </div>
              </Show>
            </div>
            <div class="card">
              <Leaderboard standings={shown().leaderboard} heading="Leaderboard: top 5" />
            </div>
          </div>
        )}
      </Show>
      <div class="live-controls" role="group" aria-label="Game controls">
        <button
          type="button"
          class="primary"
          disabled={!props.connected || props.view.paused}
          onClick={() => props.onCommand('next')}
        >
          {last() ? 'Finish and show the podium' : 'Next question'}
        </button>
        <Show when={props.view.paused}>
          <button type="button" disabled={!props.connected} onClick={() => props.onCommand('resume')}>
            Resume
          </button>
        </Show>
      </div>
    </section>
  );
}

export function HostEnd(props: { view: RoomView; downloading: boolean; onDownload: () => void }): JSX.Element {
  return (
    <section class="stack" aria-labelledby="end-heading">
      <h2 id="end-heading">Game over</h2>
      <Show
        when={props.view.gameOver}
        fallback={<p class="muted">The podium was shown when the game ended; every score is in the results file.</p>}
      >
        {(over) => (
          <div class="card">
            <Podium podium={over().podium} />
          </div>
        )}
      </Show>
      <div class="live-controls">
        <button type="button" class="primary" disabled={props.downloading} onClick={() => props.onDownload()}>
          {props.downloading ? 'Preparing the file…' : 'Download results (CSV)'}
        </button>
        <A class="button" href="/instructor/live">
          Back to live sessions
        </A>
      </div>
    </section>
  );
}
