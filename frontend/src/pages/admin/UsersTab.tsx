/**
 * Accounts (GET /api/admin/users): search by name or email, filter by role, page through;
 * change a role or disable an account (PATCH /api/admin/users/{id}) after a confirmation.
 * The API is the judge of what is allowed: when it refuses (an admin changing their own
 * account), its sentence is shown as it is.
 */
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useSession } from '../../app/session';
import { FormError } from '../../ui/Form';
import { Load } from '../../ui/Load';
import { ConfirmDialog } from './ConfirmDialog';
import {
  describeRole,
  disableConfirmation,
  formatCount,
  formatDateTime,
  roleChangeConfirmation,
  roleName,
  ROLES,
  type Confirmation,
  type Role,
} from './format';

const PAGE = 25;

interface Query {
  q: string;
  role: Role | '';
  offset: number;
}

const loadUsers = (query: Query) =>
  ok(
    api.GET('/api/admin/users', {
      params: {
        query: {
          limit: PAGE,
          offset: query.offset,
          ...(query.q ? { q: query.q } : {}),
          ...(query.role ? { role: query.role } : {}),
        },
      },
    }),
  );
type ManagedUser = Awaited<ReturnType<typeof loadUsers>>['users'][number];
type Change = { role: Role } | { disabled: boolean };

interface Pending {
  user: ManagedUser;
  change: Change;
  question: Confirmation;
}

function outcome(user: ManagedUser, change: Change): string {
  if ('role' in change) return `${user.displayName} is now ${describeRole(change.role)}.`;
  return change.disabled
    ? `${user.displayName}’s account is disabled and every session of it has ended.`
    : `${user.displayName}’s account is enabled again.`;
}

export function UsersTab(): JSX.Element {
  const session = useSession();
  const [draft, setDraft] = createSignal('');
  const [query, setQuery] = createSignal<Query>({ q: '', role: '', offset: 0 });
  const [users, { refetch, mutate }] = createResource(query, loadUsers);
  const [pending, setPending] = createSignal<Pending>();
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  const [refusal, setRefusal] = createSignal<string>();

  function ask(user: ManagedUser, change: Change) {
    setNotice(undefined);
    setRefusal(undefined);
    const question =
      'role' in change ? roleChangeConfirmation(user, change.role) : disableConfirmation(user, change.disabled);
    setPending({ user, change, question });
  }

  async function confirm() {
    const current = pending();
    if (!current) return;
    setBusy(true);
    try {
      const changed = await ok(
        api.PATCH('/api/admin/users/{id}', { params: { path: { id: current.user.id } }, body: current.change }),
      );
      mutate((page) => page && { ...page, users: page.users.map((user) => (user.id === changed.id ? changed : user)) });
      setNotice(outcome(current.user, current.change));
    } catch (error) {
      setRefusal(`${current.user.displayName} was not changed: ${messageOf(error)}`);
    } finally {
      setBusy(false);
      setPending(undefined);
    }
  }

  const search = (event: SubmitEvent) => {
    event.preventDefault();
    setQuery((current) => ({ ...current, q: draft().trim(), offset: 0 }));
  };
  const page = (offset: number) => setQuery((current) => ({ ...current, offset }));

  return (
    <section class="stack" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <form class="row users-search" role="search" onSubmit={search}>
        <div class="field">
          <label for="user-search">Name or email</label>
          <input
            id="user-search"
            type="search"
            maxLength={100}
            value={draft()}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="user-role">Role</label>
          <select
            id="user-role"
            value={query().role}
            onChange={(event) =>
              setQuery((current) => ({ ...current, role: event.currentTarget.value as Role | '', offset: 0 }))
            }
          >
            <option value="">Any role</option>
            <For each={ROLES}>{(role) => <option value={role}>{roleName(role)}s</option>}</For>
          </select>
        </div>
        <button type="submit" class="primary">
          Search
        </button>
      </form>

      <div aria-live="polite">
        <Show when={notice()}>
          <p class="success">{notice()}</p>
        </Show>
      </div>
      <FormError message={refusal()} />

      <Load
        data={users}
        retry={() => void refetch()}
        loading="Loading accounts…"
        isEmpty={(value) => value.total === 0}
        empty={<p>{query().q || query().role ? 'No account matches that search.' : 'There are no accounts yet.'}</p>}
      >
        {(value) => (
          <>
            <p class="muted" role="status">
              {formatCount(value.total)} {value.total === 1 ? 'account' : 'accounts'}
              {value.total > PAGE
                ? `, showing ${formatCount(query().offset + 1)}–${formatCount(Math.min(query().offset + PAGE, value.total))}`
                : ''}
            </p>
            <div class="table-wrap">
              <table class="table users-table" aria-busy={users.loading}>
                <caption class="visually-hidden">Accounts</caption>
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Joined</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={value.users}>
                    {(user) => {
                      const isMe = () => user.id === session.account.latest?.id;
                      return (
                        <tr>
                          <th scope="row">
                            <span class="user-name">
                              {user.displayName}
                              <Show when={isMe()}>
                                <span class="badge">you</span>
                              </Show>
                            </span>
                            <span class="muted user-email">{user.email}</span>
                          </th>
                          <td>
                            <select
                              aria-label={`Role of ${user.displayName}`}
                              value={user.role}
                              disabled={busy()}
                              onChange={(event) => {
                                const to = event.currentTarget.value as Role;
                                // The row keeps showing the real role until the change is confirmed.
                                event.currentTarget.value = user.role;
                                if (to !== user.role) ask(user, { role: to });
                              }}
                            >
                              <For each={ROLES}>
                                {(role) => (
                                  <option value={role} selected={role === user.role}>
                                    {roleName(role)}
                                  </option>
                                )}
                              </For>
                            </select>
                          </td>
                          <td>
                            <Show when={user.disabled} fallback={<span class="badge up">Active</span>}>
                              <span class="badge down">Disabled</span>
                            </Show>
                          </td>
                          <td>
                            <time datetime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
                          </td>
                          <td>
                            <button
                              type="button"
                              class={user.disabled ? '' : 'danger-outline'}
                              disabled={busy()}
                              onClick={() => ask(user, { disabled: !user.disabled })}
                            >
                              {user.disabled ? 'Re-enable' : 'Disable'}
                              <span class="visually-hidden"> {user.displayName}</span>
                            </button>
                          </td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={value.total > PAGE}>
              <nav class="row pager" aria-label="Pages of accounts">
                <button
                  type="button"
                  disabled={query().offset === 0}
                  onClick={() => page(Math.max(0, query().offset - PAGE))}
                >
                  Previous
                </button>
                <button
                  type="button"
                  disabled={query().offset + PAGE >= value.total}
                  onClick={() => page(query().offset + PAGE)}
                >
                  Next
                </button>
              </nav>
            </Show>
          </>
        )}
      </Load>
      <ConfirmDialog
        question={pending()?.question}
        busy={busy()}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(undefined)}
      />
    </section>
  );
}
