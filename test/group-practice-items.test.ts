/**
 * GET /api/groups/{id}/practice: the shared practice set's items as a learner answers them
 * (what the group room's "Answer the questions" shows), members only, never the answers.
 */
import { describe, expect, it } from 'vitest';
import { getAs, sendAs, signUp } from './support/accounts.ts';

const COURSE = 'js-graphs';

describe('a study group’s practice items', () => {
  it('gives members the set’s items in order, without answers, and nothing to anyone else', async () => {
    const ada = await signUp({ displayName: 'Ada' });
    const outsider = await signUp({ displayName: 'Eve' });
    const group = (await (await sendAs(ada, 'POST', '/api/groups', { name: 'Item club' })).json()) as { id: string };

    const none = await getAs(ada, `/api/groups/${group.id}/practice`);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { message: string } }).error.message).toBe(
      'The group has no shared practice yet.',
    );

    const started = await sendAs(ada, 'POST', `/api/groups/${group.id}/practice`, { course: COURSE, count: 4 });
    expect(started.status).toBe(201);
    const set = (await started.json()) as { items: { id: string }[]; startedAt: number };

    const read = await getAs(ada, `/api/groups/${group.id}/practice`);
    expect(read.status).toBe(200);
    const body = (await read.json()) as {
      startedAt: number;
      items: { id: string; course: string; prompt: string; content: Record<string, unknown> }[];
    };
    expect(body.startedAt).toBe(set.startedAt);
    expect(body.items.map((item) => item.id)).toEqual(set.items.map((item) => item.id));
    for (const item of body.items) {
      expect(item).toMatchObject({ course: COURSE, prompt: expect.any(String), content: expect.any(Object) });
      expect(JSON.stringify(item)).not.toMatch(/"(answer|correct|accepted|solution|explanation)"/);
    }

    expect((await getAs(outsider, `/api/groups/${group.id}/practice`)).status).toBe(404);
    expect((await getAs(ada, '/api/groups/not-a-uuid/practice')).status).toBe(400);
  });
});
