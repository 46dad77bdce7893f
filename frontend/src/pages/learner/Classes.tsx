/**
 * Classes: join one with the code an instructor gave out, see the classes you are in (and
 * those you teach), and start a study group for one of them.
 */
import { A } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { JoinByCode } from './groups/JoinByCode';
import './groups/groups.css';

export default function Classes(): JSX.Element {
  usePageTitle(() => 'Classes');
  const [classes, { refetch }] = createResource(() => ok(api.GET('/api/classes')));
  const [catalogue] = createResource(() => ok(api.GET('/api/courses')).catch(() => ({ courses: [] })));
  const courseTitle = (slug: string) => catalogue.latest?.courses.find((course) => course.slug === slug)?.title ?? slug;

  async function join(code: string) {
    const joined = await ok(api.POST('/api/classes/join', { body: { code } }));
    void refetch();
    return joined;
  }

  return (
    <div class="stack">
      <header>
        <h1>Classes</h1>
        <p class="muted">
          Join your instructor’s class with its code. Want to study with classmates? <A href="/groups">Study groups</A>
        </p>
      </header>

      <JoinByCode
        what="class"
        title="Join a class"
        label="Class code"
        hint="The code your instructor shared, e.g. K7MX-2QPA. Letter case and dashes do not matter."
        submitLabel="Join class"
        class="card narrow-form"
        join={join}
      >
        {(result) => (
          <div class="success" role="status">
            <p>
              You joined <strong>{result.name}</strong> ({courseTitle(result.course)}), taught by {result.instructor}.
            </p>
            <p class="row">
              <A href={`/courses/${encodeURIComponent(result.course)}`}>Open the course</A>
              <A href={`/groups?class=${encodeURIComponent(result.id)}`}>Start a study group for it</A>
            </p>
          </div>
        )}
      </JoinByCode>

      <section aria-labelledby="my-classes-title" class="stack">
        <h2 id="my-classes-title">My classes</h2>
        <Load
          data={classes}
          retry={() => void refetch()}
          loading="Loading your classes…"
          isEmpty={(value) => value.enrolled.length === 0 && value.teaching.length === 0}
          empty={<p>You are not in a class yet. Ask your instructor for the class code and enter it above.</p>}
        >
          {(value) => (
            <div class="stack">
              <Show when={value.enrolled.length > 0}>
                <ul class="grid plain-list" aria-label="Classes you are in">
                  <For each={value.enrolled}>
                    {(item) => (
                      <li class="card class-card">
                        <h3>{item.name}</h3>
                        <p class="muted">
                          {courseTitle(item.course)} · taught by {item.instructor}
                        </p>
                        <p class="row">
                          <A href={`/courses/${encodeURIComponent(item.course)}`}>Open the course</A>
                          <A href={`/groups?class=${encodeURIComponent(item.id)}`}>Start a study group</A>
                        </p>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={value.teaching.length > 0}>
                <h3>Classes you teach</h3>
                <ul class="grid plain-list" aria-label="Classes you teach">
                  <For each={value.teaching}>
                    {(item) => (
                      <li class="card class-card">
                        <h3>{item.name}</h3>
                        <p class="muted">
                          {courseTitle(item.course)} · {item.members} member{item.members === 1 ? '' : 's'}
                        </p>
                        <p>
                          Join code: <code class="join-code">{item.joinCode}</code>
                        </p>
                        <p class="row">
                          <A href={`/instructor/classes/${encodeURIComponent(item.id)}`}>Class report</A>
                          <A href={`/groups?class=${encodeURIComponent(item.id)}`}>Start a study group</A>
                        </p>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
          )}
        </Load>
      </section>
    </div>
  );
}
