import { describe, expect, it } from 'vitest';
import {
  describeActivity,
  disableConfirmation,
  formatMs,
  formatPercent,
  roleChangeConfirmation,
  type ActivityEvent,
} from './format';

const event = (kind: string, detail: Record<string, unknown> = {}, extra: Partial<ActivityEvent> = {}) => ({
  kind,
  userId: 'u1',
  displayName: 'Ada',
  actorId: null,
  detail,
  ...extra,
});

describe('numbers', () => {
  it('shows shares as percentages, whole at the ends, and a dash when there is nothing to divide', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
  });

  it('shows latencies in ms below a second and in seconds above', () => {
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(2500)).toBe('2.5 s');
    expect(formatMs(null)).toBe('—');
  });
});

describe('describeActivity', () => {
  it('says what happened, with the course and the thing concerned', () => {
    expect(describeActivity(event('registered'))).toBe('Ada signed up');
    expect(describeActivity(event('lesson-completed', { course: 'osp-with-jac', lesson: 'walkers' }))).toBe(
      'Ada completed the lesson walkers in osp-with-jac',
    );
    expect(describeActivity(event('concept-mastered', { course: 'js-graphs', concept: 'bfs' }))).toBe(
      'Ada mastered bfs in js-graphs',
    );
    expect(describeActivity(event('class-created', { name: 'Period 3' }))).toBe('Ada created the class “Period 3”');
    expect(describeActivity(event('content-edited', { course: 'c', item: 'q1', change: 'created' }))).toBe(
      'Ada created the item q1 in c',
    );
  });

  it('names who changed an account: you, or another admin', () => {
    const change = event('role-changed', { from: 'learner', to: 'instructor' }, { actorId: 'me' });
    expect(describeActivity(change, 'me')).toBe('Ada was made an instructor (was learner) by you');
    expect(describeActivity(change, 'someone-else')).toBe('Ada was made an instructor (was learner) by an admin');
    expect(describeActivity(event('account-disabled', {}, { actorId: 'x' }))).toBe(
      'Ada’s account was disabled by an admin',
    );
  });

  it('copes with deleted accounts, missing details and kinds it does not know', () => {
    expect(describeActivity(event('signed-in', {}, { displayName: null, userId: null }))).toBe(
      'A deleted account signed in',
    );
    expect(describeActivity(event('lesson-completed'))).toBe('Ada completed a lesson');
    expect(describeActivity(event('role-changed'))).toBe('Ada’s role changed');
    expect(describeActivity(event('teleported'))).toBe('Ada: teleported');
  });
});

describe('confirmations', () => {
  it('asks before a role change, naming both roles, and flags changes that touch admin powers', () => {
    const ada = { displayName: 'Ada', role: 'learner' as const };
    expect(roleChangeConfirmation(ada, 'instructor')).toMatchObject({
      title: 'Make Ada an instructor?',
      confirm: 'Make an instructor',
      danger: false,
    });
    expect(roleChangeConfirmation(ada, 'instructor').body).toMatch(/^Ada is a learner now\./);
    expect(roleChangeConfirmation(ada, 'admin').danger).toBe(true);
    expect(roleChangeConfirmation({ displayName: 'Bo', role: 'admin' }, 'learner').danger).toBe(true);
  });

  it('warns that disabling signs the person out everywhere; re-enabling is not dangerous', () => {
    const bo = { displayName: 'Bo', role: 'learner' as const };
    expect(disableConfirmation(bo, true)).toMatchObject({ title: 'Disable Bo’s account?', danger: true });
    expect(disableConfirmation(bo, true).body).toMatch(/signed out everywhere/);
    expect(disableConfirmation(bo, false)).toMatchObject({ confirm: 'Re-enable account', danger: false });
  });
});
