/**
 * Teach home: the classes this instructor teaches (learners, join code to copy, report),
 * a form to create one, and the way to live sessions and the content editor.
 */
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, ok, type Schemas } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormError, SubmitButton } from '../../ui/Form';
import { createFormState } from '../../ui/form-state';
import { Load } from '../../ui/Load';
import { SelectField } from '../../ui/SelectField';
import { usePageTitle } from '../../ui/title';
import { CopyButton } from './parts/CopyButton';
import './parts/instructor.css';

type Class = Schemas['Class'];
type CourseSummary = Schemas['CourseSummary'];

const loadClasses = () => ok(api.GET('/api/classes'));
const loadCourses = async () => (await ok(api.GET('/api/courses'))).courses;

export default function Teach(): JSX.Element {
  usePageTitle(() => 'Teach');
  const [classes, { refetch }] = createResource(loadClasses);
  const [courses, coursesControl] = createResource(loadCourses);
  const [created, setCreated] = createSignal<Class>();
  const courseTitle = (slug: string) => courses.latest?.find((course) => course.slug === slug)?.title ?? slug;

  return (
    <div class="stack instructor">
      <div class="row spread">
        <h1>Teach</h1>
        <nav aria-label="Teaching tools" class="row">
          <A href="/instructor/live" class="button">
            Live sessions
          </A>
          <A href="/instructor/content" class="button">
            Content editor
          </A>
        </nav>
      </div>

      <section aria-labelledby="classes-heading" class="stack">
        <h2 id="classes-heading">Your classes</h2>
        <Load
          data={classes}
          retry={refetch}
          loading="Loading your classes…"
          isEmpty={(value) => value.teaching.length === 0}
          empty={<p>You teach no class yet. Create one below and give its join code to your learners.</p>}
        >
          {(value) => (
            <ul class="class-list" role="list">
              <For each={value.teaching}>
                {(entry) => (
                  <li class="card class-card" classList={{ fresh: created()?.id === entry.id }}>
                    <h3>
                      <A href={`/instructor/classes/${entry.id}`}>{entry.name}</A>
                    </h3>
                    <p class="muted">{courseTitle(entry.course)}</p>
                    <p>
                      {entry.members} {entry.members === 1 ? 'learner' : 'learners'}
                    </p>
                    <div class="row join-code">
                      <span>
                        Join code <code class="code-chip">{entry.joinCode}</code>
                      </span>
                      <CopyButton text={entry.joinCode} label={`Copy the join code of ${entry.name}`} />
                    </div>
                    <A href={`/instructor/classes/${entry.id}`} class="button">
                      Report<span class="visually-hidden"> for {entry.name}</span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Load>
      </section>

      <section aria-labelledby="create-heading" class="card narrow-form">
        <h2 id="create-heading">Create a class</h2>
        <Load data={courses} retry={coursesControl.refetch} loading="Loading courses…">
          {(list) => (
            <CreateClassForm
              courses={list}
              onCreated={(entry) => {
                setCreated(entry);
                void refetch();
              }}
            />
          )}
        </Load>
        <Show when={created()}>
          {(entry) => (
            <p class="success" role="status">
              Created “{entry().name}”. Learners join with the code <code class="code-chip">{entry().joinCode}</code>.
            </p>
          )}
        </Show>
      </section>
    </div>
  );
}

function CreateClassForm(props: { courses: CourseSummary[]; onCreated: (entry: Class) => void }): JSX.Element {
  const form = createFormState();
  const [name, setName] = createSignal('');
  const [course, setCourse] = createSignal(props.courses[0]?.slug ?? '');

  function clientErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    const trimmed = name().trim();
    if (trimmed === '') errors.name = 'Give the class a name.';
    else if (trimmed.length > 100) errors.name = 'Keep the name to 100 characters.';
    if (course() === '') errors.course = 'Choose the course the class follows.';
    return errors;
  }

  async function create(event: SubmitEvent) {
    event.preventDefault();
    await form.submit(async () => {
      const entry = await ok(api.POST('/api/classes', { body: { name: name().trim(), course: course() } }));
      setName('');
      props.onCreated(entry);
    }, clientErrors());
  }

  return (
    <form onSubmit={(event) => void create(event)} novalidate>
      <FormError message={form.formError()} />
      <Field
        id="class-name"
        label="Class name"
        value={name()}
        onInput={(event) => setName(event.currentTarget.value)}
        error={form.error('name')}
        maxLength={100}
        autocomplete="off"
        hint="For example “Period 3 — Graphs”. Learners see it when they join."
      />
      <SelectField
        id="class-course"
        label="Course"
        value={course()}
        onChange={(event) => setCourse(event.currentTarget.value)}
        error={form.error('course')}
      >
        <For each={props.courses}>{(entry) => <option value={entry.slug}>{entry.title}</option>}</For>
      </SelectField>
      <SubmitButton busy={form.busy()} busyLabel="Creating…">
        Create class
      </SubmitButton>
    </form>
  );
}
