/**
 * The admin page (`/admin/*tab`, admins only): one heading, a row of section links, and the
 * section the URL names — statistics, the activity log, users, the tutor agents, and the
 * system's health. Each section loads its own data when it is opened.
 */
import { A, useParams } from '@solidjs/router';
import { For, Match, Switch, type JSX } from 'solid-js';
import { usePageTitle } from '../../ui/title';
import { ActivityTab } from './ActivityTab';
import { AgentsTab } from './AgentsTab';
import { StatsTab } from './StatsTab';
import { SystemTab } from './SystemTab';
import { ADMIN_TABS, tabFor } from './tabs';
import { UsersTab } from './UsersTab';
import './admin.css';

export default function Admin(): JSX.Element {
  const params = useParams<{ tab?: string }>();
  const tab = () => tabFor(params.tab);
  usePageTitle(() => (tab() ? `Admin · ${tab()?.label}` : 'Admin'));

  return (
    <div class="admin-page stack">
      <h1>Admin</h1>
      <nav class="tabs" aria-label="Admin sections">
        <For each={ADMIN_TABS}>
          {(entry) => (
            <A href={entry.href} end>
              {entry.label}
            </A>
          )}
        </For>
      </nav>
      <Switch
        fallback={
          <section class="card">
            <h2>No such section</h2>
            <p>There is no admin section at this address. Pick one of the sections above.</p>
          </section>
        }
      >
        <Match when={tab()?.slug === ''}>
          <StatsTab />
        </Match>
        <Match when={tab()?.slug === 'activity'}>
          <ActivityTab />
        </Match>
        <Match when={tab()?.slug === 'users'}>
          <UsersTab />
        </Match>
        <Match when={tab()?.slug === 'agents'}>
          <AgentsTab />
        </Match>
        <Match when={tab()?.slug === 'system'}>
          <SystemTab />
        </Match>
      </Switch>
    </div>
  );
}
