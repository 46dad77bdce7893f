/**
 * Practice in a course (optionally one concept, `?concept=slug`): continues the learner's
 * learning session or starts one, serves the next item (the one in flight comes back
 * after a refresh), grades each answer with immediate feedback, and ends the session with
 * its summary.
 */
import { A, useParams, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { ApiRequestError } from '../../api/errors';
import { useSession } from '../../app/session';
import { ErrorState, Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { createCourseDirectory } from './practice/course-info';
import { ItemRunner } from './practice/ItemRunner';
import { Markdown, preloadMarkdown } from '../../ui/MarkdownView';
import { SessionSummary, type LearningSession } from './practice/SessionSummary';
import './practice/practice.css';

/** The active session if it is this course's; otherwise the other one is ended and a new one started. */
async function continueSession(course: string, concept: string | undefined): Promise<LearningSession> {
  const { session: current } = await ok(api.GET('/api/learning-sessions/current'));
  if (current?.course === course) return current;
  // One session at a time: practising another course closes the old session (its summary stays stored).
  if (current) await ok(api.POST('/api/learning-sessions/current/end'));
  try {
    return await ok(api.POST('/api/learning-sessions', { body: { course, concept } }));
  } catch (error) {
    // Another tab started one between our look and our start: continue that one.
    if (error instanceof ApiRequestError && error.status === 409) {
      const { session } = await ok(api.GET('/api/learning-sessions/current'));
      if (session) return session;
    }
    throw error;
  }
}

function fetchNextItem(target: { course: string; concept: string | undefined }) {
  return ok(
    api.GET('/api/courses/{course}/next-item', {
      params: { path: { course: target.course }, query: target.concept ? { concept: target.concept } : {} },
    }),
  );
}

export default function Practice(): JSX.Element {
  const params = useParams<{ course: string }>();
  const [search] = useSearchParams<{ concept?: string }>();
  const session = useSession();
  const courses = createCourseDirectory();
  const target = () => ({ course: params.course ?? '', concept: search.concept || undefined });
  const course = () => courses.course(target().course);
  const titleOf = (concept: string) => courses.conceptTitle(target().course, concept);

  usePageTitle(() => `Practice${course() ? ` · ${course()?.title}` : ''}`);
  // Items are Markdown: the renderer loads while the first item is on its way.
  preloadMarkdown();

  const [learning, { mutate: setLearning, refetch: restartSession }] = createResource(target, ({ course, concept }) =>
    continueSession(course, concept),
  );
  const [next, { mutate: setNext, refetch: refetchNext }] = createResource(target, fetchNextItem);
  const [ended, setEnded] = createSignal<LearningSession | null>(null);
  const [ending, setEnding] = createSignal<unknown>(null);
  const [endBusy, setEndBusy] = createSignal(false);
  const [drawn, setDrawn] = createSignal(0);

  function nextItem() {
    setDrawn((n) => n + 1);
    setNext(undefined);
    void refetchNext();
  }

  async function refreshTally() {
    try {
      const { session } = await ok(api.GET('/api/learning-sessions/current'));
      if (session) setLearning(session);
    } catch {
      // The tally is a courtesy; the answer itself is recorded.
    }
  }

  async function endSession() {
    setEndBusy(true);
    setEnding(null);
    try {
      setEnded(await ok(api.POST('/api/learning-sessions/current/end')));
    } catch (error) {
      // Already ended (went idle, or ended in another tab): show what we last knew of it.
      const known = learning.latest;
      if (error instanceof ApiRequestError && error.status === 404 && known) setEnded(known);
      else setEnding(error);
    } finally {
      setEndBusy(false);
    }
    queueMicrotask(() => document.getElementById('session-summary-title')?.focus());
  }

  function practiseAgain() {
    setEnded(null);
    void restartSession();
    nextItem();
  }

  const conceptLabel = () => (target().concept ? titleOf(target().concept ?? '') : null);

  return (
    <div class="practice-page stack">
      <header class="practice-header">
        <h1>
          Practice<span class="visually-hidden">: </span>
          <Show when={course()}>
            <span class="practice-course">{course()?.title}</span>
          </Show>
        </h1>
        <p class="row muted">
          <Show when={conceptLabel()}>
            <span>Concept: {conceptLabel()}</span>
          </Show>
          <A href={`/courses/${target().course}`}>Back to the course map</A>
        </p>
      </header>

      <Show
        when={ended()}
        fallback={
          <>
            <Load data={learning} retry={() => void restartSession()} loading="Starting your session…">
              {(current) => (
                <div class="session-bar row spread">
                  <p class="session-tally">
                    This session: {current.summary.answers} answered · {current.summary.correct} correct · +
                    {current.summary.xp} XP
                  </p>
                  <button type="button" onClick={() => void endSession()} disabled={endBusy()}>
                    {endBusy() ? 'Ending…' : 'End session'}
                  </button>
                </div>
              )}
            </Load>
            <Show when={ending()}>{(error) => <ErrorState error={error()} retry={() => void endSession()} />}</Show>

            <Load data={next} retry={() => void refetchNext()} loading="Choosing your next question…">
              {(served) => (
                <Show when={served} keyed>
                  {(current) => (
                    <div class="stack">
                      <Show when={current.resumed}>
                        <p class="notice">Picked up the question you were on.</p>
                      </Show>
                      <Show when={current.adapted}>
                        {(adapted) => (
                          <aside class="card worked-example" aria-label="Worked example">
                            <h2>Let’s slow down</h2>
                            <p class="muted">{adapted().reason}</p>
                            <Show when={typeof adapted().workedExample.text === 'string'}>
                              <Markdown
                                text={String(adapted().workedExample.text)}
                                language={courses.language(current.item.course)}
                              />
                            </Show>
                          </aside>
                        )}
                      </Show>
                      <ItemRunner
                        item={current.item}
                        mode="practice"
                        language={courses.language(current.item.course)}
                        titleOf={titleOf}
                        hintsEnabled={session.account.latest?.preferences.hintsEnabled ?? true}
                        nextLabel="Next item"
                        focusOnMount={drawn() > 0}
                        onNext={nextItem}
                        onAnswered={() => void refreshTally()}
                      />
                    </div>
                  )}
                </Show>
              )}
            </Load>
          </>
        }
      >
        {(summary) => (
          <SessionSummary session={summary()} titleOf={titleOf}>
            <div class="row">
              <button type="button" class="primary" onClick={practiseAgain}>
                Practise again
              </button>
              <A href={`/courses/${target().course}`} class="button">
                Back to the course map
              </A>
              <A href="/review" class="button">
                Review
              </A>
            </div>
          </SessionSummary>
        )}
      </Show>
    </div>
  );
}
