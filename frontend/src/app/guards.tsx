/**
 * Screens for signed-in people: while the session is checked, a loading line; signed out,
 * a redirect to sign-in that comes back here afterwards; the wrong role, a clear refusal.
 */
import { Navigate, useLocation } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import { ErrorState } from '../ui/Load';
import { useSession, type Role } from './session';

export function RequireUser(props: { roles?: Role[]; children: JSX.Element }): JSX.Element {
  const session = useSession();
  const location = useLocation();
  const next = () => encodeURIComponent(location.pathname + location.search);
  return (
    <Switch>
      <Match when={session.account.error}>
        <ErrorState error={session.account.error} retry={() => void session.refresh()} />
      </Match>
      <Match when={session.account.latest === undefined}>
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" /> Checking your session…
        </p>
      </Match>
      <Match when={session.account.latest === null}>
        <Navigate href={`/signin?next=${next()}`} />
      </Match>
      <Match when={props.roles && !session.hasRole(...props.roles)}>
        <section class="card">
          <h1>Not for this account</h1>
          <p>This page is for {props.roles?.join(' and ')} accounts.</p>
          <a href="/dashboard">Back to your dashboard</a>
        </section>
      </Match>
      <Match when={true}>{props.children}</Match>
    </Switch>
  );
}
