/**
 * Spaced review: the cards FSRS says are due (GET /api/reviews), answered one after the
 * other with the practice widgets, each as a review attempt. Progress shows "n of m";
 * when nothing is due the screen says when the next review is.
 */
import { A } from '@solidjs/router';
import { createResource, createSignal, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { useSession } from '../../app/session';
import { Load } from '../../ui/Load';
import { preloadMarkdown } from '../../ui/MarkdownView';
import { usePageTitle } from '../../ui/title';
import { createCourseDirectory } from './practice/course-info';
import { dueWhen } from './practice/format';
import { ItemRunner } from './practice/ItemRunner';
import './practice/practice.css';

const QUEUE_SIZE = 20;

function loadQueue() {
  return ok(api.GET('/api/reviews', { params: { query: { limit: QUEUE_SIZE } } }));
}

type Queue = Awaited<ReturnType<typeof loadQueue>>;

function NothingDue(props: { queue: Queue | undefined }): JSX.Element {
  const next = () => props.queue?.nextDue ?? null;
  return (
    <div class="stack">
      <p class="empty-title">
        <strong>
          Nothing due
          <Show when={next()} fallback=".">
            {(due) => ` — next review ${dueWhen(new Date(due()), new Date())}.`}
          </Show>
        </strong>
      </p>
      <Show
        when={next()}
        fallback={<p>Reviews appear here after you practise: each answer schedules its question to come back.</p>}
      >
        <p>Questions come back just before you would forget them. Practise something new in the meantime.</p>
      </Show>
      <Show when={(props.queue?.counts.reviewedToday ?? 0) > 0}>
        <p>Reviewed today: {props.queue?.counts.reviewedToday}</p>
      </Show>
      <p>
        <A href="/courses" class="button">
          Go to your courses
        </A>
      </p>
    </div>
  );
}

export default function Review(): JSX.Element {
  usePageTitle(() => 'Review');
  // Items are Markdown: the renderer loads while the first item is on its way.
  preloadMarkdown();
  const session = useSession();
  const courses = createCourseDirectory();
  const [queue, { refetch, mutate }] = createResource(loadQueue);
  const [index, setIndex] = createSignal(0);
  const [reviewed, setReviewed] = createSignal(0);
  const [finished, setFinished] = createSignal(0);

  function advance(total: number) {
    if (index() + 1 < total) {
      setIndex((i) => i + 1);
      return;
    }
    // End of this batch: fetch again (more may be due now; if not, the empty state says when).
    setFinished(reviewed());
    setIndex(0);
    mutate(undefined);
    void refetch();
  }

  return (
    <div class="review-page stack">
      <h1>Review</h1>
      <Show when={finished() > 0}>
        <p class="success" role="status">
          Well done: you reviewed {finished()} {finished() === 1 ? 'question' : 'questions'}.
        </p>
      </Show>
      <Load
        data={queue}
        retry={() => void refetch()}
        loading="Loading your reviews…"
        isEmpty={(value) => value.reviews.length === 0}
        empty={<NothingDue queue={queue.latest} />}
      >
        {(current) => (
          <Show when={current.reviews[index()]} keyed>
            {(entry) => (
              <div class="stack">
                <div class="review-progress">
                  <p class="row spread">
                    <span>
                      Review {index() + 1} of {current.reviews.length}
                    </span>
                    <Show when={current.counts.dueNow > current.reviews.length}>
                      <span class="muted">{current.counts.dueNow - current.reviews.length} more due after these</span>
                    </Show>
                  </p>
                  <div
                    class="progress-bar"
                    role="progressbar"
                    aria-label="Reviews done"
                    aria-valuemin={0}
                    aria-valuemax={current.reviews.length}
                    aria-valuenow={index()}
                  >
                    <span style={{ width: `${(index() / current.reviews.length) * 100}%` }} />
                  </div>
                </div>
                <ItemRunner
                  item={entry.item}
                  mode="review"
                  language={courses.language(entry.item.course)}
                  titleOf={(concept) => courses.conceptTitle(entry.item.course, concept)}
                  hintsEnabled={session.account.latest?.preferences.hintsEnabled ?? true}
                  nextLabel={index() + 1 < current.reviews.length ? 'Next review' : 'Finish'}
                  focusOnMount={index() > 0}
                  onNext={() => advance(current.reviews.length)}
                  onAnswered={() => setReviewed((n) => n + 1)}
                />
              </div>
            )}
          </Show>
        )}
      </Load>
    </div>
  );
}
