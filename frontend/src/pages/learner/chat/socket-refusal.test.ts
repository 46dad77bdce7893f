/** A refused socket: an ended session is said plainly, the screen's own check decides otherwise, other failures keep trying. */
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../api/errors';
import { SESSION_ENDED, socketRefusal } from './socket-refusal';

describe('socketRefusal', () => {
  it('says the session has ended when the check is answered 401', async () => {
    await expect(socketRefusal(() => Promise.reject(new ApiRequestError(401, undefined)))).resolves.toBe(SESSION_ENDED);
  });

  it('gives the check’s own answer, and null (keep trying) for any other failure', async () => {
    await expect(socketRefusal(async () => 'you are not a member of this group.')).resolves.toBe(
      'you are not a member of this group.',
    );
    await expect(socketRefusal(async () => null)).resolves.toBeNull();
    await expect(socketRefusal(() => Promise.reject(new ApiRequestError(503, undefined)))).resolves.toBeNull();
    await expect(socketRefusal(() => Promise.reject(new TypeError('Failed to fetch')))).resolves.toBeNull();
  });
});
