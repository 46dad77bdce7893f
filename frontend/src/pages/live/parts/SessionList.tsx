/**
 * The instructor's live games, newest first (GET /api/live/sessions): where each stands, its
 * PIN while players can join, how many joined, and links to the host screen and the results
 * CSV. Admins can switch to everyone's games. Pages with "Show older games".
 */
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, fetchText, ok } from '../../../api/client';
import { messageOf } from '../../../api/errors';
import { FormError } from '../../../ui/Form';
import { Load } from '../../../ui/Load';
import { fileSlug, saveTextFile } from '../../../ui/download';
import { loadHostToken } from './seats';
import { canHostHere, formatWhen, STATUS_LABEL, type LiveSession } from './session-form';

type Scope = 'mine' | 'all';

const fetchPage = async (scope: Scope, before?: string) =>
  ok(api.GET('/api/live/sessions', { params: { query: { scope, ...(before ? { before } : {}) } } }));

export function SessionList(props: { canSeeAll: boolean }): JSX.Element {
  const [scope, setScope] = createSignal<Scope>('mine');
  const [older, setOlder] = createSignal<LiveSession[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const [downloading, setDownloading] = createSignal<string>();
  const [first, { refetch }] = createResource(scope, async (chosen) => {
    const page = await fetchPage(chosen);
    setOlder([]);
    setCursor(page.nextBefore);
    return page.sessions;
  });

  async function more() {
    const before = cursor();
    if (!before) return;
    setLoadingMore(true);
    setProblem(undefined);
    try {
      const page = await fetchPage(scope(), before);
      setOlder([...older(), ...page.sessions]);
      setCursor(page.nextBefore);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setLoadingMore(false);
    }
  }

  async function download(session: LiveSession) {
    setDownloading(session.id);
    setProblem(undefined);
    try {
      saveTextFile(`${fileSlug(session.title, 'live-quiz')}-results.csv`, await fetchText(session.resultsCsv));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setDownloading(undefined);
    }
  }

  const hasKey = (roomId: string) => loadHostToken(roomId) !== null;

  return (
    <section class="card" aria-labelledby="sessions-heading">
      <div class="row spread">
        <h2 id="sessions-heading">{scope() === 'all' ? 'All live games' : 'Your live games'}</h2>
        <div class="row">
          <Show when={props.canSeeAll}>
            <label class="live-check">
              <input
                type="checkbox"
                checked={scope() === 'all'}
                onChange={(event) => setScope(event.currentTarget.checked ? 'all' : 'mine')}
              />
              Everyone’s games
            </label>
          </Show>
          <button type="button" onClick={() => void refetch()} disabled={first.loading}>
            Refresh
          </button>
        </div>
      </div>
      <FormError message={problem()} />
      <Load
        data={first}
        retry={() => void refetch()}
        loading="Loading your live games…"
        isEmpty={(list) => list.length === 0}
        empty={<p>No live games yet. Create one above; it will be listed here.</p>}
      >
        {(list) => (
          <>
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">Game</th>
                    <Show when={scope() === 'all'}>
                      <th scope="col">Host</th>
                    </Show>
                    <th scope="col">Status</th>
                    <th scope="col">PIN</th>
                    <th scope="col">Players</th>
                    <th scope="col">Questions</th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={[...list, ...older()]}>
                    {(session) => (
                      <tr>
                        <td>
                          <strong>{session.title}</strong>
                          <Show when={session.course && session.course.title !== session.title}>
                            <br />
                            <span class="muted">{session.course?.title}</span>
                          </Show>
                        </td>
                        <Show when={scope() === 'all'}>
                          <td>{session.host.displayName}</td>
                        </Show>
                        <td>
                          <span class="badge live-status" classList={{ up: session.status === 'running' }}>
                            {STATUS_LABEL[session.status]}
                          </span>
                        </td>
                        <td>{session.pin ?? '—'}</td>
                        <td>{session.players}</td>
                        <td>{session.questions}</td>
                        <td>
                          {formatWhen(session.createdAt)}
                          <Show when={session.endedAt}>
                            <br />
                            <span class="muted">ended {formatWhen(session.endedAt)}</span>
                          </Show>
                        </td>
                        <td>
                          <div class="live-actions">
                            <Show
                              when={canHostHere(session, hasKey)}
                              fallback={
                                <Show when={session.status !== 'ended'}>
                                  <span class="muted">Hosted in another tab</span>
                                </Show>
                              }
                            >
                              <A class="button primary" href={`/host/${session.id}`}>
                                Host view<span class="visually-hidden">: {session.title}</span>
                              </A>
                            </Show>
                            <Show when={session.status !== 'lobby'}>
                              <button
                                type="button"
                                disabled={downloading() === session.id}
                                onClick={() => void download(session)}
                              >
                                {downloading() === session.id ? 'Preparing…' : 'Results CSV'}
                                <span class="visually-hidden">: {session.title}</span>
                              </button>
                            </Show>
                          </div>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={cursor()}>
              <button type="button" onClick={() => void more()} disabled={loadingMore()}>
                {loadingMore() ? 'Loading…' : 'Show older games'}
              </button>
            </Show>
          </>
        )}
      </Load>
    </section>
  );
}
