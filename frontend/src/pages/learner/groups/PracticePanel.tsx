/**
 * The group's shared practice: each member's progress through the set, live as answers come
 * in; starting a set (or a new one) from a course; and answering it here in the room.
 */
import { createResource, createSignal, For, lazy, Show, Suspense, type JSX } from 'solid-js';
import { api, ok } from '../../../api/client';
import { Field } from '../../../ui/Field';
import { FormError, SubmitButton } from '../../../ui/Form';
import { createFormState } from '../../../ui/form-state';
import { SelectField } from '../../../ui/SelectField';
import { Time } from '../chat/ChatEntry';
import { progressRows, type GroupPractice, type RoomState } from './room-state';

const GroupPracticeRunner = lazy(() => import('./GroupPracticeRunner'));

const MAX_SET = 20;

export function PracticePanel(props: {
  groupId: string;
  room: RoomState;
  self: string | undefined;
  onStarted: (practice: GroupPractice) => void;
}): JSX.Element {
  const [answering, setAnswering] = createSignal(false);
  const rows = () => progressRows(props.room);
  const mine = () => (props.self ? (props.room.practice?.progress[props.self]?.items ?? {}) : {});

  return (
    <section class="card stack" aria-labelledby="practice-title">
      <h2 id="practice-title">Shared practice</h2>
      <Show
        when={props.room.practice}
        fallback={
          <>
            <p class="muted">No practice set yet. Start one and everyone here works through the same questions.</p>
            <StartPractice groupId={props.groupId} onStarted={props.onStarted} label="Start a practice set" />
          </>
        }
      >
        {(practice) => (
          <>
            <p class="muted">
              {practice().items.length} question{practice().items.length === 1 ? '' : 's'}, started by{' '}
              {practice().startedBy.name} at <Time at={practice().startedAt} />.
            </p>
            <div class="table-wrap">
              <table class="table progress-table" aria-live="polite">
                <caption class="visually-hidden">Each member’s progress through the set</caption>
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    <th scope="col">Answered</th>
                    <th scope="col">Right</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows()}>
                    {(row) => (
                      <tr data-member={row.userId}>
                        <th scope="row">
                          {row.name}
                          {row.userId === props.self ? ' (you)' : ''}
                        </th>
                        <td>
                          <span class="progress-cell">
                            <span
                              class="progress-bar"
                              role="progressbar"
                              aria-label={`${row.name}: answered`}
                              aria-valuemin={0}
                              aria-valuemax={row.total}
                              aria-valuenow={row.answered}
                            >
                              <span style={{ width: `${row.total ? (100 * row.answered) / row.total : 0}%` }} />
                            </span>
                            {row.answered} of {row.total}
                          </span>
                        </td>
                        <td>{row.correct}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show
              when={answering()}
              fallback={
                <button type="button" class="primary" onClick={() => setAnswering(true)}>
                  Answer the questions
                </button>
              }
            >
              <Suspense
                fallback={
                  <p class="loading" role="status">
                    <span class="spinner" aria-hidden="true" /> Loading the questions…
                  </p>
                }
              >
                <GroupPracticeRunner groupId={props.groupId} mine={mine()} onClose={() => setAnswering(false)} />
              </Suspense>
            </Show>
            <details>
              <summary>Start a new set</summary>
              <p class="hint">A new set replaces this one for everyone, and progress starts over.</p>
              <StartPractice groupId={props.groupId} onStarted={props.onStarted} label="Start the new set" />
            </details>
          </>
        )}
      </Show>
    </section>
  );
}

function StartPractice(props: {
  groupId: string;
  label: string;
  onStarted: (practice: GroupPractice) => void;
}): JSX.Element {
  const [courses, { refetch }] = createResource(() => ok(api.GET('/api/courses')));
  const form = createFormState();
  const [course, setCourse] = createSignal('');
  const [count, setCount] = createSignal('5');
  const prefix = `start-${props.label.length}`;

  async function start(event: SubmitEvent) {
    event.preventDefault();
    const size = Number(count());
    const chosen = course() || courses.latest?.courses[0]?.slug || '';
    const errors: Record<string, string> = {};
    if (!chosen) errors.course = 'Choose a course.';
    if (!Number.isInteger(size) || size < 1 || size > MAX_SET) errors.count = `Choose 1 to ${MAX_SET} questions.`;
    await form.submit(async () => {
      const practice = await ok(
        api.POST('/api/groups/{id}/practice', {
          params: { path: { id: props.groupId } },
          body: { course: chosen, count: size },
        }),
      );
      // The room announces it to everyone too; this shows it even if the socket is down.
      props.onStarted(practice as unknown as GroupPractice);
    }, errors);
  }

  return (
    <form onSubmit={start} novalidate class="start-practice">
      <FormError message={form.formError()} />
      <SelectField
        id={`${prefix}-course`}
        label="Course"
        value={course()}
        onChange={(event) => setCourse(event.currentTarget.value)}
        error={form.error('course')}
        note={
          <>
            <Show when={courses.loading}>
              <p class="hint">Loading courses…</p>
            </Show>
            <Show when={courses.error}>
              <p class="hint">
                Courses could not be listed.{' '}
                <button type="button" class="link" onClick={() => void refetch()}>
                  Retry
                </button>
              </p>
            </Show>
          </>
        }
      >
        <For each={courses.latest?.courses ?? []}>
          {(item) => (
            <option value={item.slug} selected={item.slug === course()}>
              {item.title}
            </option>
          )}
        </For>
      </SelectField>
      <Field
        id={`${prefix}-count`}
        label="Questions"
        type="number"
        min={1}
        max={MAX_SET}
        inputMode="numeric"
        value={count()}
        onInput={(event) => setCount(event.currentTarget.value)}
        error={form.error('count')}
      />
      <SubmitButton busy={form.busy()} busyLabel="Starting…" disabled={!courses.latest}>
        {props.label}
      </SubmitButton>
    </form>
  );
}
