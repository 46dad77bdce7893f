/**
 * Hosting a live quiz: the lobby with the PIN and join address, then each question with its
 * clock and live answer count, the controls (reveal, next, skip, pause/resume, end, streak
 * bonus, remove a player), the distribution and leaderboard after each question, and the
 * podium and results download at the end. The host token from creating the game is in this
 * tab's sessionStorage (parts/seats.ts), so a reload of this tab takes the host's seat back;
 * from any other tab or device the game's instructor can take the hosting over.
 */
import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, on, Show, Switch, type JSX } from 'solid-js';
import { api, fetchText, ok } from '../../api/client';
import { messageOf } from '../../api/errors';
import { usePageTitle } from '../../ui/title';
import { fileSlug, saveTextFile } from '../../ui/download';
import { HostEnd, HostLobby, HostQuestion, HostReview, PlayersPanel, type HostAction } from './parts/HostViews';
import { RoomPage, RoomStatus } from './parts/RoomFrame';
import { isRoomId, loadHostToken, saveHostToken } from './parts/seats';
import { FormError } from '../../ui/Form';
import { useRoom } from './parts/use-room';
import './parts/live.css';

export default function Host(): JSX.Element {
  // A takeover in this tab brings a new key; the page then opens the room with it.
  const [taken, setTaken] = createSignal<string | null>(null);
  return (
    <RoomPage
      class="live-page"
      keyFor={(roomId) => taken() ?? loadHostToken(roomId)}
      missing={<NoHostKey onTaken={setTaken} />}
    >
      {(roomId, token) => <HostRoom roomId={roomId} token={token} onTaken={setTaken} />}
    </RoomPage>
  );
}

/**
 * Hosting the game from this tab: the room's own instructor gets a new host key, and the
 * screen that was hosting (a tab since lost, another device) is told and lets go.
 */
function TakeOverHosting(props: { roomId: string; onTaken: (token: string) => void }): JSX.Element {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  async function takeOver() {
    setBusy(true);
    setProblem(undefined);
    try {
      const { hostToken } = await ok(
        api.POST('/api/live/sessions/{id}/host', { params: { path: { id: props.roomId } } }),
      );
      saveHostToken(props.roomId, hostToken);
      props.onTaken(hostToken);
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(false);
    }
  }
  return (
    <>
      <FormError message={problem()} />
      <button type="button" class="primary" disabled={busy()} onClick={() => void takeOver()}>
        {busy() ? 'Taking over…' : 'Host from this tab'}
      </button>
    </>
  );
}

function NoHostKey(props: { onTaken: (token: string) => void }): JSX.Element {
  usePageTitle(() => 'Host a live quiz');
  const params = useParams();
  return (
    <section class="card stack">
      <h1>This tab can’t host this game</h1>
      <p>
        The key to host a game stays in the browser tab that created it, so a reload there brings the game back. If that
        tab is gone, or you want to run the game from here, host it from this tab: the other one stops hosting.
      </p>
      <div class="row">
        <Show when={isRoomId(params.room ?? '')}>
          <TakeOverHosting roomId={params.room ?? ''} onTaken={props.onTaken} />
        </Show>
        <A class="button" href="/instructor/live">
          Live sessions
        </A>
      </div>
    </section>
  );
}

function HostRoom(props: { roomId: string; token: string; onTaken: (token: string) => void }): JSX.Element {
  const room = useRoom(props.roomId, props.token);
  const view = room.view;
  usePageTitle(() => (view().title ? `Hosting ${view().title}` : 'Host a live quiz'));
  const connected = () => room.status() === 'open';
  const [problem, setProblem] = createSignal<string>();
  const [endAsked, setEndAsked] = createSignal(false);
  const [downloading, setDownloading] = createSignal(false);
  // The room does not echo the streak-bonus switch; the host's own choice is shown until a reconnect.
  const [streakChoice, setStreakChoice] = createSignal<boolean>();
  const streakBonus = () => streakChoice() ?? view().streakBonus;

  // Memos, so the effects below run when these change, not on every message the room sends.
  const refusal = createMemo(() => view().error);
  const screen = createMemo(() => `${view().phase}:${view().question?.index ?? ''}`);
  createEffect(on(refusal, (error) => setProblem(error?.message)));
  // The next screen's heading takes focus, so a keyboard user is where the new content is.
  createEffect(
    on(
      screen,
      () => {
        setEndAsked(false);
        queueMicrotask(() =>
          (document.getElementById('question-prompt') ?? document.getElementById('review-heading'))?.focus(),
        );
      },
      { defer: true },
    ),
  );

  function command(action: HostAction) {
    setProblem(undefined);
    if (!room.send({ type: 'host', action })) setProblem('Not connected to the game: try again in a moment.');
  }

  async function download() {
    setDownloading(true);
    setProblem(undefined);
    try {
      const csv = await fetchText(`/api/live/sessions/${props.roomId}/results.csv`);
      saveTextFile(`${fileSlug(view().title, 'live-quiz')}-results.csv`, csv);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setDownloading(false);
    }
  }

  const kick = (player: { playerId: string }) => {
    setProblem(undefined);
    if (!room.send({ type: 'kick', playerId: player.playerId })) setProblem('Not connected to the game.');
  };

  return (
    <>
      <div class="live-topline">
        <h1>{view().title || 'Live quiz'}</h1>
        <Show when={view().phase !== null && view().phase !== 'ended'}>
          <div class="live-controls">
            <label class="live-check">
              <input
                type="checkbox"
                checked={streakBonus()}
                disabled={!connected()}
                onChange={(event) => {
                  const enabled = event.currentTarget.checked;
                  if (room.send({ type: 'streak-bonus', enabled })) setStreakChoice(enabled);
                  else event.currentTarget.checked = !enabled;
                }}
              />
              Streak bonus
            </label>
            <Show
              when={endAsked()}
              fallback={
                <button type="button" disabled={!connected()} onClick={() => setEndAsked(true)}>
                  End game
                </button>
              }
            >
              <span class="live-actions" role="group" aria-label="Confirm ending the game">
                <button type="button" class="danger" onClick={() => command('end')}>
                  End now
                </button>
                <button type="button" onClick={() => setEndAsked(false)}>
                  Keep playing
                </button>
              </span>
            </Show>
          </div>
        </Show>
      </div>
      <Show when={endAsked()}>
        <p class="notice">End the game now? A question still open is not scored; the podium is shown to everyone.</p>
      </Show>
      <RoomStatus reconnecting={room.status() === 'reconnecting'} problem={room.refused() ? undefined : problem()} />
      <Switch>
        <Match when={room.refused()}>
          <section class="card" role="alert">
            <h2>This game can’t be hosted</h2>
            <p>{room.refused()}</p>
            <div class="row">
              <TakeOverHosting roomId={props.roomId} onTaken={props.onTaken} />
              <A class="button" href="/instructor/live">
                Live sessions
              </A>
            </div>
          </section>
        </Match>
        <Match when={view().phase === null}>
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" /> Connecting to the game…
          </p>
        </Match>
        <Match when={view().phase === 'lobby'}>
          <HostLobby
            view={view()}
            origin={location.origin}
            connected={connected()}
            onStart={() => command('start')}
            onKick={kick}
          />
        </Match>
        <Match when={view().phase === 'question' && view().question}>
          {(question) => (
            <HostQuestion
              view={view()}
              question={question()}
              offset={room.offset()}
              connected={connected()}
              onCommand={command}
            />
          )}
        </Match>
        <Match when={view().phase === 'review'}>
          <HostReview view={view()} connected={connected()} onCommand={command} />
        </Match>
        <Match when={view().phase === 'ended'}>
          <HostEnd view={view()} downloading={downloading()} onDownload={() => void download()} />
        </Match>
      </Switch>
      <Show when={view().phase === 'question' || view().phase === 'review'}>
        <details class="live-players-panel">
          <summary>Players ({view().players.length})</summary>
          <PlayersPanel players={view().players} connected={connected()} onKick={kick} />
        </details>
      </Show>
    </>
  );
}
