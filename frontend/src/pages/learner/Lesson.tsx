/**
 * The lesson reader: the lesson's Markdown rendered safely (ui/markdown.ts: marked,
 * DOMPurify, our highlighter; the course's own links become app paths), its reading time, "Mark as read" (XP the first time),
 * "Practise this" for its concept, and the previous and next lessons of the concept.
 */
import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { messageOf } from '../../api/errors';
import { FormError } from '../../ui/Form';
import { ErrorState, Load } from '../../ui/Load';
import { loadMarkdown, type MarkdownRenderer } from '../../ui/markdown';
import { usePageTitle } from '../../ui/title';
import { InlineCode } from './InlineCode';
import { lessonPlace } from './lesson/neighbours';
import { appHref } from './lesson/links';
import '../../code/highlight.css';
import './learner.css';
import './lesson/lesson.css';

function completeLesson(course: string, lesson: string) {
  return ok(api.POST('/api/courses/{course}/lessons/{lesson}/complete', { params: { path: { course, lesson } } }));
}

type Completion = Awaited<ReturnType<typeof completeLesson>>;

function LessonBody(props: { markdown: string; course: string; render: MarkdownRenderer }): JSX.Element {
  const navigate = useNavigate();
  let container: HTMLDivElement | undefined;
  createEffect(() =>
    container?.replaceChildren(
      // The page's h1 is the lesson's title; the Markdown's own title heading would repeat it.
      props.render.block(props.markdown, { titleShown: true, link: (href) => appHref(href, props.course) }),
    ),
  );

  // Links inside the lesson to the app's own pages stay in the app (no full reload).
  function followInside(event: MouseEvent) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    const href = link?.getAttribute('href');
    if (!link || !href?.startsWith('/') || href.startsWith('//') || link.target) return;
    event.preventDefault();
    navigate(href);
  }

  return <div class="lesson-body" ref={(element) => (container = element)} onClick={followInside} />;
}

function MarkAsRead(props: { course: string; lesson: string }): JSX.Element {
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<Completion>();
  const [failure, setFailure] = createSignal<string>();

  async function complete() {
    setBusy(true);
    setFailure(undefined);
    try {
      setDone(await completeLesson(props.course, props.lesson));
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="mark-read">
      <Show
        when={done()}
        fallback={
          <button type="button" class="primary" disabled={busy()} onClick={() => void complete()}>
            {busy() ? 'Saving…' : 'Mark as read'}
          </button>
        }
      >
        {(result) => (
          <p class="success">
            {result().firstTime
              ? `Marked as read: +${result().xpGained} XP.`
              : 'Already marked as read: the XP for a lesson comes once.'}
          </p>
        )}
      </Show>
      <div role="status" aria-live="polite">
        <Show when={done()?.firstTime}>
          <span class="visually-hidden">Lesson marked as read.</span>
        </Show>
        <For each={done()?.achievements ?? []}>
          {(achievement) => (
            <p class="notice">
              Achievement unlocked: <strong>{achievement.title}</strong> — {achievement.description}
            </p>
          )}
        </For>
      </div>
      <FormError message={failure()} />
    </div>
  );
}

export default function Lesson(): JSX.Element {
  const params = useParams<{ course: string; lesson: string }>();
  const target = () => ({ course: params.course ?? '', lesson: params.lesson ?? '' });
  const [lesson, { refetch }] = createResource(target, ({ course, lesson }) =>
    ok(api.GET('/api/courses/{course}/lessons/{lesson}', { params: { path: { course, lesson } } })),
  );
  const [course] = createResource(
    () => params.course,
    (slug) => ok(api.GET('/api/courses/{course}', { params: { path: { course: slug } } })),
  );
  const [renderer, { refetch: reloadRenderer }] = createResource(loadMarkdown);
  const place = () => {
    const outline = course.latest;
    const current = lesson.latest;
    return outline && current ? lessonPlace(outline, current.concept, current.slug) : null;
  };
  usePageTitle(() => lesson.latest?.title ?? 'Lesson');

  return (
    <article class="lesson">
      <nav aria-label="Breadcrumb" class="breadcrumb muted">
        <A href="/courses">Courses</A> ›{' '}
        <A href={`/courses/${params.course}`}>{course.latest?.title ?? 'Course map'}</A>
        <Show when={place()}>
          {(where) => (
            <>
              {' '}
              ›{' '}
              <A href={`/courses/${params.course}?concept=${where().concept.slug}`}>
                <InlineCode text={where().concept.title} />
              </A>
            </>
          )}
        </Show>
      </nav>
      <h1>{lesson.latest?.title ?? 'Lesson'}</h1>
      <Load data={lesson} retry={() => void refetch()} loading="Loading the lesson…">
        {(loaded) => (
          <>
            <p class="lesson-meta muted">
              {loaded.minutes} min read
              <Show when={place()}>{(where) => ` · Lesson ${where().number} of ${where().total} in this concept`}</Show>
            </p>
            <Show
              when={renderer()}
              fallback={
                <Show
                  when={renderer.error}
                  fallback={
                    <p class="loading" role="status">
                      <span class="spinner" aria-hidden="true" /> Preparing the lesson…
                    </p>
                  }
                >
                  <ErrorState error={renderer.error} retry={() => void reloadRenderer()} />
                </Show>
              }
            >
              {(render) => <LessonBody markdown={loaded.body} course={loaded.course} render={render()} />}
            </Show>
            <div class="lesson-actions">
              <MarkAsRead course={loaded.course} lesson={loaded.slug} />
              <A
                href={`/courses/${loaded.course}/practice?concept=${encodeURIComponent(loaded.concept)}`}
                class="button"
              >
                Practise this
              </A>
            </div>
            <nav class="lesson-pager" aria-label="Lessons in this concept">
              <Show when={place()?.previous} fallback={<span />}>
                {(previous) => (
                  <A href={`/courses/${loaded.course}/lessons/${previous().slug}`} rel="prev" class="pager-link">
                    <span class="muted">Previous</span>
                    <span>{previous().title}</span>
                  </A>
                )}
              </Show>
              <Show
                when={place()?.next}
                fallback={
                  <A href={`/courses/${loaded.course}?concept=${loaded.concept}`} class="pager-link pager-next">
                    <span class="muted">Done with this concept</span>
                    <span>Back to the course map</span>
                  </A>
                }
              >
                {(next) => (
                  <A href={`/courses/${loaded.course}/lessons/${next().slug}`} rel="next" class="pager-link pager-next">
                    <span class="muted">Next</span>
                    <span>{next().title}</span>
                  </A>
                )}
              </Show>
            </nav>
          </>
        )}
      </Load>
    </article>
  );
}
