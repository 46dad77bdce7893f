/**
 * Study groups: the ones I am in (each a persistent room), starting one (optionally for a
 * class; `?class=<id>` preselects it, as the class list links here), and joining one with
 * the code a member shared.
 */
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormError, SubmitButton } from '../../ui/Form';
import { createFormState } from '../../ui/form-state';
import { Load } from '../../ui/Load';
import { SelectField } from '../../ui/SelectField';
import { usePageTitle } from '../../ui/title';
import { groupNameProblem, MAX_GROUP_NAME } from './groups/codes';
import { CopyCode } from './groups/CopyCode';
import { JoinByCode } from './groups/JoinByCode';
import './groups/groups.css';

export default function Groups(): JSX.Element {
  usePageTitle(() => 'Study groups');
  const navigate = useNavigate();
  const [search] = useSearchParams<{ class?: string }>();
  const [groups, { refetch }] = createResource(() => ok(api.GET('/api/groups')));
  const [classes, { refetch: refetchClasses }] = createResource(() => ok(api.GET('/api/classes')));
  const classOptions = () => {
    const value = classes.latest;
    if (!value) return [];
    return [...value.enrolled, ...value.teaching].map((item) => ({ id: item.id, name: item.name }));
  };

  const creating = createFormState();
  const [name, setName] = createSignal('');
  const [classId, setClassId] = createSignal(search.class ?? '');

  async function create(event: SubmitEvent) {
    event.preventDefault();
    const problem = groupNameProblem(name());
    await creating.submit(
      async () => {
        const group = await ok(
          api.POST('/api/groups', { body: { name: name().trim(), ...(classId() ? { classId: classId() } : {}) } }),
        );
        navigate(`/groups/${encodeURIComponent(group.id)}`);
      },
      problem ? { name: problem } : {},
    );
  }

  async function join(code: string) {
    const group = await ok(api.POST('/api/groups/join', { body: { code } }));
    navigate(`/groups/${encodeURIComponent(group.id)}`);
  }

  return (
    <div class="stack">
      <header>
        <h1>Study groups</h1>
        <p class="muted">
          Chat with classmates, see who is around and work through a practice set together. Classes are on{' '}
          <A href="/classes">Classes</A>.
        </p>
      </header>

      <section aria-labelledby="my-groups-title" class="stack">
        <h2 id="my-groups-title">My groups</h2>
        <Load
          data={groups}
          retry={() => void refetch()}
          loading="Loading your groups…"
          isEmpty={(value) => value.groups.length === 0}
          empty={<p>You are not in a study group yet. Start one below, or join one with a code a member shared.</p>}
        >
          {(value) => (
            <ul class="grid plain-list" aria-label="Your study groups">
              <For each={value.groups}>
                {(group) => (
                  <li class="card group-card">
                    <h3>
                      <A href={`/groups/${encodeURIComponent(group.id)}`}>{group.name}</A>
                    </h3>
                    <p class="muted">
                      {group.members} member{group.members === 1 ? '' : 's'}
                      {group.owner ? ' · you started it' : ''}
                    </p>
                    <p>
                      Join code: <CopyCode code={group.joinCode} label={`join code of ${group.name}`} />
                    </p>
                    <A class="button" href={`/groups/${encodeURIComponent(group.id)}`}>
                      Open the room<span class="visually-hidden"> of {group.name}</span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Load>
      </section>

      <div class="grid group-forms">
        <section class="card" aria-labelledby="start-group-title">
          <h2 id="start-group-title">Start a group</h2>
          <form onSubmit={create} novalidate>
            <FormError message={creating.formError()} />
            <Field
              id="group-name"
              label="Group name"
              maxLength={MAX_GROUP_NAME + 20}
              value={name()}
              onInput={(event) => setName(event.currentTarget.value)}
              error={creating.error('name')}
            />
            <SelectField
              id="group-class"
              label="For a class (optional)"
              value={classId()}
              onChange={(event) => setClassId(event.currentTarget.value)}
              error={creating.error('classId')}
              note={
                <Show when={classes.error}>
                  <p class="hint">
                    Your classes could not be listed.{' '}
                    <button type="button" class="link" onClick={() => void refetchClasses()}>
                      Retry
                    </button>
                  </p>
                </Show>
              }
            >
              <option value="">No class</option>
              <For each={classOptions()}>
                {(option) => (
                  // `selected` too: the options arrive after the select has its value from `?class=`.
                  <option value={option.id} selected={option.id === classId()}>
                    {option.name}
                  </option>
                )}
              </For>
            </SelectField>
            <SubmitButton busy={creating.busy()} busyLabel="Starting…">
              Start the group
            </SubmitButton>
          </form>
        </section>

        <JoinByCode
          what="group"
          title="Join a group"
          label="Group code"
          hint="The code a member shared with you."
          submitLabel="Join the group"
          join={join}
        />
      </div>
    </div>
  );
}
