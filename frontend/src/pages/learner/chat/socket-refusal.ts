/**
 * Why the server refused a learner's live socket (createLiveSocket's `whyRefused`): the
 * browser hides the upgrade's status, so the screen asks over HTTP. A 401 means the
 * session has ended; otherwise `check` says, null meaning "not refused, keep trying".
 */
import { ApiRequestError } from '../../../api/errors';

export const SESSION_ENDED = 'your session has ended; sign in again.';

export async function socketRefusal(check: () => Promise<string | null>): Promise<string | null> {
  try {
    return await check();
  } catch (error) {
    return error instanceof ApiRequestError && error.status === 401 ? SESSION_ENDED : null;
  }
}
