/**
 * Where the app goes when the account changes under it: in, once signed in or up (where
 * `?next=` asked), and out, once its sessions have ended (signed out everywhere, deleted),
 * with a notice that the next page reads out.
 */
import { useLocation, useNavigate, useSearchParams } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { useSession } from '../../app/session';
import { noticeFrom, safeNextPath, type NoticeState } from './navigation';

/** After signing in or up: the sign-in answer has the user; the app keeps the full account (settings included). */
export function useEnterApp(): () => Promise<void> {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async () => {
    session.setAccount(await ok(api.GET('/api/me')));
    navigate(safeNextPath(params.next), { replace: true });
  };
}

/** After the account's sessions have ended: forget it, and show `notice` on `path`. */
export function useLeaveApp(): (path: string, notice: string) => void {
  const session = useSession();
  const navigate = useNavigate();
  return (path, notice) => {
    // Forget the account first: the guard would otherwise send a signed-in page to sign-in without the notice.
    session.setAccount(null);
    navigate(path, { replace: true, state: { notice } satisfies NoticeState });
  };
}

/** The notice `useLeaveApp` handed to this page, if any, announced as a status. */
export function LeaveNotice(): JSX.Element {
  const location = useLocation();
  return (
    <Show when={noticeFrom(location.state)}>
      {(notice) => (
        <p class="success" role="status">
          {notice()}
        </p>
      )}
    </Show>
  );
}
