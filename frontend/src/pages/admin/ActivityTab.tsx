/**
 * The activity log (GET /api/admin/activity), newest first: a filter by kind, and older
 * events a page at a time with "Load more" (the API's `before` cursor).
 */
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useSession } from '../../app/session';
import { FormError } from '../../ui/Form';
import { Load } from '../../ui/Load';
import { ACTIVITY_KINDS, describeActivity, formatDateTime } from './format';

const PAGE = 50;

const loadPage = (kind: string, before?: number) =>
  ok(
    api.GET('/api/admin/activity', {
      params: { query: { limit: PAGE, ...(kind ? { kind } : {}), ...(before ? { before } : {}) } },
    }),
  );
type Page = Awaited<ReturnType<typeof loadPage>>;
type ActivityEvent = Page['events'][number];

const kindLabel = (kind: string) => ACTIVITY_KINDS.find((entry) => entry.kind === kind)?.label ?? kind;

export function ActivityTab(): JSX.Element {
  const session = useSession();
  const [kind, setKind] = createSignal('');
  // Older pages loaded after the first, and the cursor for the next one.
  const [older, setOlder] = createSignal<ActivityEvent[]>([]);
  const [cursor, setCursor] = createSignal<number | null>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<string>();

  const [first, { refetch }] = createResource(kind, async (selected) => {
    const page = await loadPage(selected);
    setOlder([]);
    setCursor(page.nextBefore);
    setMoreError(undefined);
    return page;
  });

  async function loadMore() {
    const before = cursor();
    if (!before) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await loadPage(kind(), before);
      setOlder((events) => [...events, ...page.events]);
      setCursor(page.nextBefore);
    } catch (error) {
      setMoreError(messageOf(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section class="stack" aria-labelledby="activity-heading">
      <div class="row spread">
        <h2 id="activity-heading">Activity log</h2>
        <div class="field inline">
          <label for="activity-kind">Show</label>
          <select id="activity-kind" value={kind()} onChange={(event) => setKind(event.currentTarget.value)}>
            <option value="">Everything</option>
            <For each={ACTIVITY_KINDS}>{(entry) => <option value={entry.kind}>{entry.label}</option>}</For>
          </select>
        </div>
      </div>
      <Load
        data={first}
        retry={() => void refetch()}
        loading="Loading the activity…"
        isEmpty={(page) => page.events.length === 0}
        empty={<p>{kind() ? `No “${kindLabel(kind())}” events yet.` : 'Nothing has happened yet.'}</p>}
      >
        {(page) => (
          <>
            <ol class="activity-list" aria-busy={first.loading}>
              <For each={[...page.events, ...older()]}>
                {(event) => (
                  <li>
                    <span class="badge">{kindLabel(event.kind)}</span>
                    <span class="activity-text">{describeActivity(event, session.account.latest?.id)}</span>
                    <time class="muted" datetime={event.createdAt}>
                      {formatDateTime(event.createdAt)}
                    </time>
                  </li>
                )}
              </For>
            </ol>
            <FormError message={moreError()} />
            <Show
              when={cursor()}
              fallback={<p class="muted">That is the whole log{kind() ? ' for this kind' : ''}.</p>}
            >
              <button type="button" onClick={() => void loadMore()} disabled={loadingMore()}>
                {loadingMore() ? 'Loading…' : moreError() ? 'Try again' : 'Load more'}
              </button>
            </Show>
          </>
        )}
      </Load>
    </section>
  );
}
