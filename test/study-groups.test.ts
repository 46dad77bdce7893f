/**
 * Study groups through the real Worker and its StudyGroup object: joining by code, the
 * room open to members only, presence, chat history kept and cleaned of markup, typing
 * indicators, and shared practice whose progress every member sees as answers come in.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { getAs, sendAs, signUp, type TestAccount } from './support/accounts.ts';
import { freshClientIp, workerUrl } from './support/http.ts';
import { probe, type SocketProbe } from './support/socket.ts';

const COURSE = 'js-graphs';

async function room(account: TestAccount, groupId: string): Promise<SocketProbe & { status?: number }> {
  const url = new URL(workerUrl(`/api/groups/${groupId}/ws`));
  url.protocol = 'ws:';
  const ws = new WebSocket(url, {
    headers: { authorization: `Bearer ${account.token}`, 'cf-connecting-ip': freshClientIp() },
  });
  const status = await new Promise<number>((resolve) => {
    ws.once('open', () => resolve(101));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
  });
  if (status !== 101)
    return Object.assign(probe({ send: () => {}, close: () => {}, addEventListener: () => {} }), { status });
  return probe({
    send: (data) => ws.send(data),
    close: (code) => ws.close(code),
    addEventListener: (type, listener) => ws.on(type, (data: WebSocket.RawData) => listener({ data: data.toString() })),
  });
}

interface GroupState {
  online: { userId: string; name: string }[];
  history: { text: string; name: string }[];
  practice: unknown;
}

describe('study groups', () => {
  it('gives members a room with presence, cleaned chat history, typing and shared practice', async () => {
    const ada = await signUp({ displayName: 'Ada' });
    const bo = await signUp({ displayName: 'Bo' });
    const outsider = await signUp({ displayName: 'Eve' });
    const created = await sendAs(ada, 'POST', '/api/groups', { name: 'Graph club' });
    expect(created.status).toBe(201);
    const group = (await created.json()) as { id: string; joinCode: string };
    expect((await sendAs(bo, 'POST', '/api/groups/join', { code: group.joinCode.toLowerCase() })).status).toBe(200);
    expect((await sendAs(bo, 'POST', '/api/groups/join', { code: 'NOPE2345' })).status).toBe(404);
    const mine = (await (await getAs(bo, '/api/groups')).json()) as { groups: { id: string; members: number }[] };
    expect(mine.groups).toEqual([expect.objectContaining({ id: group.id, members: 2 })]);

    expect((await room(outsider, group.id)).status).toBe(404);
    const adaRoom = await room(ada, group.id);
    expect((await adaRoom.next<GroupState>('group-state')).online.map((member) => member.name)).toEqual(['Ada']);
    const boRoom = await room(bo, group.id);
    await boRoom.next('group-state');
    expect((await adaRoom.next<{ online: { name: string }[] }>('presence-update')).online.map((m) => m.name)).toEqual([
      'Ada',
      'Bo',
    ]);

    boRoom.send(JSON.stringify({ type: 'typing', active: true }));
    const typing = await adaRoom.next<{ member: { name: string }; until: number }>('typing');
    expect(typing.member.name).toBe('Bo');
    expect(typing.until).toBeGreaterThan(Date.now());
    expect(typing.until).toBeLessThanOrEqual(Date.now() + 10_000);
    // Stopping clears it at once for the others…
    boRoom.send(JSON.stringify({ type: 'typing', active: false }));
    expect(await adaRoom.next('typing')).toMatchObject({ member: { name: 'Bo' }, until: null });
    boRoom.send(JSON.stringify({ type: 'typing', active: true }));
    expect((await adaRoom.next<{ until: number | null }>('typing')).until).toBeGreaterThan(Date.now());
    boRoom.send(JSON.stringify({ type: 'chat', id: 'm1', text: 'hi <script>alert(1)</script>is a < b?' }));
    // …and so does sending the message.
    expect(await adaRoom.next('typing')).toMatchObject({ member: { name: 'Bo' }, until: null });
    const said = await adaRoom.next<{ message: { text: string; name: string } }>('group-message');
    expect(said.message).toMatchObject({ name: 'Bo', text: 'hi alert(1)is a < b?' });
    boRoom.send(JSON.stringify({ type: 'chat', id: 'm2', text: '<b></b>' }));
    expect(await boRoom.next('error')).toMatchObject({ code: 'invalid', id: 'm2' });

    // History is kept for whoever comes in later.
    boRoom.close();
    expect((await adaRoom.next<{ online: unknown[] }>('presence-update')).online).toHaveLength(1);
    const boAgain = await room(bo, group.id);
    const state = await boAgain.next<GroupState>('group-state');
    expect(state.history.map((message) => message.text)).toEqual(['hi alert(1)is a < b?']);

    // Shared practice: everyone sees the set, and each answer's progress.
    const started = await sendAs(ada, 'POST', `/api/groups/${group.id}/practice`, { course: COURSE, count: 3 });
    expect(started.status).toBe(201);
    const practice = (await started.json()) as { items: { id: string; type: string }[] };
    expect(practice.items).toHaveLength(3);
    const announced = await boAgain.next<{ practice: { items: { id: string }[] } }>('practice-set');
    expect(announced.practice.items.map((item) => item.id)).toEqual(practice.items.map((item) => item.id));
    const first = practice.items[0];
    if (!first) throw new Error('no practice items');
    const response =
      first.type === 'true-false' ? false : first.type === 'multi-select' || first.type === 'parsons' ? [] : 'x';
    const answered = await sendAs(bo, 'POST', '/api/attempts', {
      itemId: first.id,
      attemptId: randomUUID(),
      response,
      elapsedMs: 5000,
      groupId: group.id,
    });
    expect(answered.status).toBe(200);
    const progress = await adaRoom.next<{
      userId: string;
      itemId: string;
      progress: Record<string, { answered: number }>;
    }>('practice-progress', 5000);
    expect(progress).toMatchObject({ userId: bo.userId, itemId: first.id });
    expect(progress.progress[bo.userId]?.answered).toBe(1);

    // An answer for a group one is not in is refused before anything is stored.
    const refused = await sendAs(outsider, 'POST', '/api/attempts', {
      itemId: first.id,
      attemptId: randomUUID(),
      response,
      elapsedMs: 5000,
      groupId: group.id,
    });
    expect(refused.status).toBe(404);
    adaRoom.close();
    boAgain.close();
  });
});
