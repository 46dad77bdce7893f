/**
 * A player's live quiz, phone first: the lobby, each question with big answer buttons and a
 * clock, the verdict after it, the podium at the end. The seat token from the join is in
 * this tab's sessionStorage, so a reload reconnects to the same seat, score and question.
 * Kicked players, and seats the room no longer knows, are told so plainly.
 */
import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, on, Show, Switch, type JSX } from 'solid-js';
import { usePageTitle } from '../../ui/title';
import { EndScreen, LobbyWait, QuestionScreen, ResultScreen } from './parts/PlayerViews';
import { RoomPage, RoomStatus } from './parts/RoomFrame';
import { forgetSeat, loadSeat, type PlayerSeat } from './parts/seats';
import { ordinal } from './parts/room-state';
import { useRoom } from './parts/use-room';
import './parts/live.css';

export default function Player(): JSX.Element {
  return (
    <RoomPage class="live-page is-narrow" keyFor={loadSeat} missing={<NoSeat />}>
      {(roomId, seat) => <PlayerRoom roomId={roomId} seat={seat} />}
    </RoomPage>
  );
}

function NoSeat(): JSX.Element {
  usePageTitle(() => 'Live quiz');
  return (
    <section class="card">
      <h1>No seat in this game</h1>
      <p>This tab has not joined this game (a seat belongs to the tab that joined). Join with the PIN instead.</p>
      <A class="button primary" href="/play">
        Join a game
      </A>
    </section>
  );
}

function PlayerRoom(props: { roomId: string; seat: PlayerSeat }): JSX.Element {
  const room = useRoom(props.roomId, props.seat.token);
  const view = room.view;
  usePageTitle(() => (view().title ? `${view().title} · live quiz` : 'Live quiz'));
  const [picked, setPicked] = createSignal<string[]>([]);
  const [sending, setSending] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const [said, setSaid] = createSignal('');

  // Memos, so the effects below run when these change, not on every message the room sends.
  const openQuestion = createMemo(() => (view().phase === 'question' ? view().question?.index : undefined));
  const answered = createMemo(() => view().you?.answered === true);
  const refusal = createMemo(() => view().error);
  const results = createMemo(() => view().results);
  const over = createMemo(() => view().phase === 'ended' || view().kicked || room.refused() !== null);

  // Each question starts with nothing picked; its prompt takes focus so it is read out.
  createEffect(
    on(openQuestion, (index) => {
      setPicked([]);
      setSending(false);
      setProblem(undefined);
      if (index !== undefined) queueMicrotask(() => document.getElementById('question-prompt')?.focus());
    }),
  );
  // An acknowledgement or a refusal ends the wait for the answer.
  createEffect(
    on([answered, refusal], ([isAnswered, error]) => {
      setSending(false);
      if (isAnswered && view().phase === 'question') setSaid('Your answer is locked in.');
      if (error) setProblem(error.message);
    }),
  );
  createEffect(
    on(results, (shown) => {
      const mine = shown?.you;
      if (!mine) return;
      const verdict = mine.correct === true ? 'Correct!' : mine.correct === false ? 'Incorrect.' : 'No answer.';
      setSaid(`${verdict} ${mine.points} points. You are ${ordinal(mine.rank)}.`);
    }),
  );
  createEffect(
    on(over, (isOver) => {
      if (view().kicked || room.refused()) forgetSeat(props.roomId);
      if (isOver && view().gameOver?.you)
        setSaid(`Game over. You finished ${ordinal(view().gameOver?.you?.rank ?? 0)}.`);
    }),
  );

  function answer(optionIds: string[]) {
    const question = view().question;
    if (!question) return;
    setProblem(undefined);
    if (!room.send({ type: 'answer', index: question.index, optionIds })) {
      setProblem('Not connected: your answer was not sent. Try again when the connection is back.');
      return;
    }
    setSending(true);
  }

  return (
    <>
      <div class="live-topline">
        <h1>{view().title || 'Live quiz'}</h1>
        <Show when={view().you}>
          {(you) => (
            <p class="muted">
              {you().nickname} · {you().score.toLocaleString()} points
            </p>
          )}
        </Show>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {said()}
      </p>
      <RoomStatus
        reconnecting={room.status() === 'reconnecting' && !view().kicked}
        problem={room.refused() ? undefined : problem()}
      />
      <Switch>
        <Match when={room.refused()}>
          <section class="card">
            <h2>You can’t rejoin this game</h2>
            <p>{room.refused()}</p>
            <A class="button primary" href="/play">
              Join a game
            </A>
          </section>
        </Match>
        <Match when={view().kicked}>
          <section class="card" role="alert">
            <h2>You were removed from this game</h2>
            <p>The host removed you from this game, so you can’t answer any more questions in it.</p>
            <A class="button" href="/play">
              Join another game
            </A>
          </section>
        </Match>
        <Match when={view().phase === null}>
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" /> Connecting to the game…
          </p>
        </Match>
        <Match when={view().phase === 'lobby'}>
          <LobbyWait view={view()} nickname={view().you?.nickname ?? props.seat.nickname} />
        </Match>
        <Match when={view().phase === 'question' && view().question}>
          {(question) => (
            <QuestionScreen
              view={view()}
              question={question()}
              offset={room.offset()}
              connected={room.status() === 'open'}
              picked={picked()}
              sending={sending()}
              onPick={setPicked}
              onAnswer={answer}
            />
          )}
        </Match>
        <Match when={view().phase === 'review'}>
          <ResultScreen view={view()} />
        </Match>
        <Match when={view().phase === 'ended'}>
          <EndScreen view={view()} playerId={props.seat.playerId} />
        </Match>
      </Switch>
    </>
  );
}
