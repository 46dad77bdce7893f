/**
 * Who is signed in. The session itself is an HttpOnly cookie the browser sends on its own;
 * the app only keeps the account (from GET /api/me) to draw the right screens. A 401 from
 * any call forgets it, so an expired session lands on the sign-in page, not on errors.
 */
import { createContext, createEffect, createResource, useContext, type JSX, type Resource } from 'solid-js';
import { api, ok, onUnauthorized, type Schemas } from '../api/client';
import { ApiRequestError } from '../api/errors';
import { applyMotionPreference } from './theme';

export type Account = Schemas['Account'];
export type Role = Account['role'];

export interface Session {
  /** The account, `null` when signed out; `undefined` while the first check runs. */
  account: Resource<Account | null>;
  /** Replace the known account, e.g. after sign-in or a profile change. */
  setAccount(account: Account | null): void;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<Session>();

async function loadAccount(): Promise<Account | null> {
  try {
    return await ok(api.GET('/api/me'));
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider(props: { children: JSX.Element }): JSX.Element {
  const [account, { mutate, refetch }] = createResource(loadAccount);
  createEffect(() => applyMotionPreference(account.latest?.preferences.reducedMotion === true));
  onUnauthorized(() => mutate(null));
  const session: Session = {
    account,
    setAccount: (next) => mutate(next),
    refresh: async () => {
      await refetch();
    },
    signOut: async () => {
      await ok(api.POST('/api/auth/logout')).catch(() => undefined);
      mutate(null);
    },
    hasRole: (...roles) => {
      const current = account.latest;
      return current != null && roles.includes(current.role);
    },
  };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
