/**
 * Creating a live quiz: a course (and optionally one of its concepts) to draw questions
 * from, how many, the time for each, an optional title and the streak bonus. The API picks
 * the questions; the host token it answers with goes into this tab's sessionStorage and the
 * instructor is taken to the host screen.
 */
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../../api/client';
import { Field } from '../../../ui/Field';
import { SubmitButton } from '../../../ui/Form';
import { createFormState } from '../../../ui/form-state';
import { Load } from '../../../ui/Load';
import { saveHostToken } from './seats';
import { LIMITS, sessionFormErrors } from './session-form';

export function CreateSessionForm(): JSX.Element {
  const navigate = useNavigate();
  const [courses, { refetch }] = createResource(async () => (await ok(api.GET('/api/courses'))).courses);
  return (
    <section class="card" aria-labelledby="create-heading">
      <h2 id="create-heading">New live quiz</h2>
      <Load
        data={courses}
        retry={() => void refetch()}
        loading="Loading courses…"
        isEmpty={(list) => list.length === 0}
        empty={<p>There are no published courses to draw questions from yet.</p>}
      >
        {(list) => <Form courses={list} onCreated={(roomId) => navigate(`/host/${roomId}`)} />}
      </Load>
    </section>
  );
}

function Form(props: { courses: { slug: string; title: string }[]; onCreated: (roomId: string) => void }): JSX.Element {
  const form = createFormState();
  const [course, setCourse] = createSignal(props.courses[0]?.slug ?? '');
  const [concept, setConcept] = createSignal('');
  const [count, setCount] = createSignal('10');
  const [seconds, setSeconds] = createSignal('20');
  const [title, setTitle] = createSignal('');
  const [streakBonus, setStreakBonus] = createSignal(true);
  const [detail, { refetch }] = createResource(course, async (slug) =>
    ok(api.GET('/api/courses/{course}', { params: { path: { course: slug } } })),
  );

  async function create(event: SubmitEvent) {
    event.preventDefault();
    const errors = sessionFormErrors({ count: count(), seconds: seconds(), title: title() });
    const done = await form.submit(async () => {
      const room = await ok(
        api.POST('/api/live/sessions', {
          body: {
            course: course(),
            ...(concept() ? { concept: concept() } : {}),
            count: Number(count()),
            timeLimitSeconds: Number(seconds()),
            streakBonus: streakBonus(),
            ...(title().trim() ? { title: title().trim() } : {}),
          },
        }),
      );
      saveHostToken(room.roomId, room.hostToken);
      props.onCreated(room.roomId);
    }, errors);
    if (!done) document.querySelector<HTMLElement>('.live-sessions-form [aria-invalid="true"]')?.focus();
  }

  return (
    <form class="live-sessions-form" onSubmit={create} novalidate>
      <Show when={form.formError()}>
        <p class="form-error live-form-actions" role="alert">
          {form.formError()}
        </p>
      </Show>
      <div class="field">
        <label for="live-course">Course</label>
        <select
          id="live-course"
          value={course()}
          aria-invalid={form.error('course') ? 'true' : undefined}
          onChange={(event) => {
            setCourse(event.currentTarget.value);
            setConcept('');
          }}
        >
          <For each={props.courses}>{(option) => <option value={option.slug}>{option.title}</option>}</For>
        </select>
        <Show when={form.error('course')}>
          <p class="field-error">{form.error('course')}</p>
        </Show>
      </div>
      <div class="field">
        <label for="live-concept">Concept</label>
        <select
          id="live-concept"
          value={concept()}
          disabled={detail.loading}
          aria-describedby="live-concept-hint"
          onChange={(event) => setConcept(event.currentTarget.value)}
        >
          <option value="">All concepts</option>
          <For each={detail.latest?.concepts ?? []}>
            {(option) => <option value={option.slug}>{option.title}</option>}
          </For>
        </select>
        <Show
          when={detail.state !== 'errored'}
          fallback={
            <p class="field-error" id="live-concept-hint">
              The concepts did not load.{' '}
              <button type="button" class="link" onClick={() => void refetch()}>
                Retry
              </button>
            </p>
          }
        >
          <p class="hint" id="live-concept-hint">
            {detail.loading ? 'Loading concepts…' : 'Questions come from the whole course, or from one concept.'}
          </p>
        </Show>
      </div>
      <Field
        id="count"
        label="Questions"
        type="number"
        inputmode="numeric"
        min={LIMITS.count[0]}
        max={LIMITS.count[1]}
        value={count()}
        onInput={(event) => setCount(event.currentTarget.value)}
        error={form.error('count')}
      />
      <Field
        id="timeLimitSeconds"
        label="Seconds per question"
        type="number"
        inputmode="numeric"
        min={LIMITS.seconds[0]}
        max={LIMITS.seconds[1]}
        value={seconds()}
        onInput={(event) => setSeconds(event.currentTarget.value)}
        error={form.error('timeLimitSeconds')}
      />
      <Field
        id="title"
        label="Title (optional)"
        maxlength={LIMITS.title}
        placeholder={props.courses.find((option) => option.slug === course())?.title}
        value={title()}
        onInput={(event) => setTitle(event.currentTarget.value)}
        error={form.error('title')}
      />
      <div class="field">
        <span class="hint">Scoring</span>
        <label class="live-check">
          <input
            type="checkbox"
            checked={streakBonus()}
            onChange={(event) => setStreakBonus(event.currentTarget.checked)}
          />
          Streak bonus for correct answers in a row
        </label>
      </div>
      <div class="live-form-actions">
        <SubmitButton busy={form.busy()} busyLabel="Creating…">
          Create and host
        </SubmitButton>
      </div>
    </form>
  );
}
