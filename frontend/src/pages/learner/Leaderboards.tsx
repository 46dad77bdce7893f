/**
 * XP leaderboards, this week's (from Monday 00:00 UTC), last week's final standings and
 * all-time, as tabs: arrow keys, Home and End move between them. The top of the board, with the learner's own row
 * highlighted, and their rank below it when they are not in the top.
 */
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { shortDate } from './learner-format';
import { tabAfterKey } from './tab-keys';
import './learner.css';

type Board = 'weekly' | 'last-week' | 'all-time';

interface BoardTab {
  id: Board;
  label: string;
  /** Said when no one is on the board. */
  empty: string;
  /** Said when the learner is not. */
  absent: string;
}

const EARN_TO_RANK = 'You are not on this board yet: earn some XP to get a rank.';

const BOARDS: BoardTab[] = [
  {
    id: 'weekly',
    label: 'This week',
    empty: 'No one has earned XP this week yet. Answer a question to take first place.',
    absent: EARN_TO_RANK,
  },
  {
    id: 'last-week',
    label: 'Last week',
    empty: 'No one earned XP last week.',
    absent: 'You are not on last week’s board: it ranks the week’s top 100.',
  },
  {
    id: 'all-time',
    label: 'All time',
    empty: 'No one has earned XP yet. Answer a question to take first place.',
    absent: EARN_TO_RANK,
  },
];

const TOP = 20;

function loadBoard(board: Board) {
  return ok(api.GET('/api/leaderboards/{board}', { params: { path: { board }, query: { limit: TOP } } }));
}

type Answer = Awaited<ReturnType<typeof loadBoard>>;
type Entry = Answer['entries'][number];

function Row(props: { entry: Entry; you: boolean }): JSX.Element {
  return (
    <tr classList={{ you: props.you }} aria-current={props.you ? 'true' : undefined}>
      <td class="rank">{props.entry.rank}</td>
      <td>
        {props.entry.displayName}
        <Show when={props.you}>
          <strong> (you)</strong>
        </Show>
      </td>
      <td class="number">{props.entry.xp.toLocaleString('en')}</td>
    </tr>
  );
}

function BoardTable(props: { answer: Answer; tab: BoardTab }): JSX.Element {
  const you = () => props.answer.you;
  const youListed = () => props.answer.entries.some((entry) => entry.userId === you()?.userId);
  return (
    <div class="stack">
      <Show when={props.answer.week}>{(week) => <p class="muted">Week starting {shortDate(week())} (UTC).</p>}</Show>
      <Show when={props.answer.entries.length > 0} fallback={<p class="empty">{props.tab.empty}</p>}>
        <div class="table-wrap">
          <table class="table leaderboard">
            <caption class="visually-hidden">Top {props.answer.entries.length} by XP</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Learner</th>
                <th scope="col" class="number">
                  XP
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.answer.entries}>
                {(entry) => <Row entry={entry} you={entry.userId === you()?.userId} />}
              </For>
              <Show when={!youListed() ? you() : null}>
                {(own) => (
                  <>
                    <tr class="gap" aria-hidden="true">
                      <td colSpan={3}>…</td>
                    </tr>
                    <Row entry={own()} you />
                  </>
                )}
              </Show>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={!you()}>
        <p class="muted">{props.tab.absent}</p>
      </Show>
    </div>
  );
}

export default function Leaderboards(): JSX.Element {
  usePageTitle(() => 'Leaderboards');
  const [board, setBoard] = createSignal<Board>('weekly');
  const [opened, setOpened] = createSignal<ReadonlySet<Board>>(new Set(['weekly']));
  // One resource per board, loaded when its tab is first opened and kept: switching back is
  // instant, and a tab never shows another board's rows.
  const boards = new Map(
    BOARDS.map(
      (tab) =>
        [
          tab.id,
          createResource(
            () => opened().has(tab.id),
            () => loadBoard(tab.id),
          ),
        ] as const,
    ),
  );
  const choose = (id: Board) => {
    setOpened((seen) => (seen.has(id) ? seen : new Set([...seen, id])));
    setBoard(id);
  };
  const current = () => boards.get(board()) ?? boards.get('weekly');
  const answer = () => current()?.[0];
  const retry = () => void current()?.[1].refetch();
  const openTab = () => BOARDS.find((candidate) => candidate.id === board()) ?? (BOARDS[0] as BoardTab);
  const tabs: HTMLButtonElement[] = [];

  function keyDown(event: KeyboardEvent, index: number) {
    const next = tabAfterKey(event.key, index, BOARDS.length);
    if (next === null) return;
    event.preventDefault();
    choose((BOARDS[next] as (typeof BOARDS)[number]).id);
    tabs[next]?.focus();
  }

  return (
    <div class="leaderboards stack">
      <h1>Leaderboards</h1>
      <div class="tabs" role="tablist" aria-label="Leaderboard">
        <For each={BOARDS}>
          {(tab, index) => (
            <button
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-controls="leaderboard-panel"
              aria-selected={board() === tab.id}
              tabindex={board() === tab.id ? 0 : -1}
              ref={(element) => (tabs[index()] = element)}
              onClick={() => choose(tab.id)}
              onKeyDown={(event) => keyDown(event, index())}
            >
              {tab.label}
            </button>
          )}
        </For>
      </div>
      <div id="leaderboard-panel" role="tabpanel" aria-labelledby={`tab-${board()}`} tabindex="0">
        <Show when={answer()} keyed>
          {(data) => (
            <Load data={data} retry={retry} loading="Loading the leaderboard…">
              {(loaded) => <BoardTable answer={loaded} tab={openTab()} />}
            </Load>
          )}
        </Show>
      </div>
    </div>
  );
}
