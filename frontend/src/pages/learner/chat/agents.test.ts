import { describe, expect, it } from 'vitest';
import { MAX_CHAT_CHARS as PROTOCOL_MAX_CHAT_CHARS } from '../../../../../durable/protocol';
import {
  actionView,
  agentLabel,
  AGENT_ORDER,
  linkHref,
  MAX_CHAT_CHARS,
  pushView,
  readAction,
  readReply,
} from './agents';

describe('agent labels', () => {
  it('names all six agents and falls back for an unknown one', () => {
    expect(AGENT_ORDER).toEqual([
      'orchestrator',
      'content-curator',
      'quiz-master',
      'evaluator',
      'progress-tracker',
      'motivator',
    ]);
    expect(agentLabel('quiz-master').name).toBe('Quiz master');
    expect(agentLabel('somebody-new').name).toBe('Tutor');
  });

  it('allows questions as long as the server does', () => {
    expect(MAX_CHAT_CHARS).toBe(PROTOCOL_MAX_CHAT_CHARS);
  });
});

describe('linkHref', () => {
  it('routes each kind of link into the app, with slugs encoded', () => {
    expect(linkHref({ kind: 'lesson', course: 'osp-with-jac', slug: 'walkers-intro' })).toBe(
      '/courses/osp-with-jac/lessons/walkers-intro',
    );
    expect(linkHref({ kind: 'concept', course: 'js-graphs', slug: 'bfs' })).toBe('/courses/js-graphs?concept=bfs');
    expect(linkHref({ kind: 'item', course: 'js-graphs', slug: 'bfs-order' })).toBe('/courses/js-graphs/practice');
    expect(linkHref({ kind: 'reviews', course: 'js-graphs' })).toBe('/review');
    expect(linkHref({ kind: 'lesson', course: 'a b', slug: 'x/y' })).toBe('/courses/a%20b/lessons/x%2Fy');
  });
});

describe('actions', () => {
  it('turns suggestions into buttons, and a break into a note', () => {
    expect(actionView({ kind: 'practice', course: 'js-graphs', concept: 'bfs', mode: 'practice' })).toEqual({
      kind: 'link',
      href: '/courses/js-graphs/practice?concept=bfs',
      label: 'Practise now',
    });
    expect(actionView({ kind: 'practice', course: 'js-graphs', concept: 'bfs', mode: 'diagnostic' })).toMatchObject({
      label: 'Take a quick check',
    });
    expect(actionView({ kind: 'lesson', course: 'c', lesson: 'l' })).toMatchObject({ href: '/courses/c/lessons/l' });
    expect(actionView({ kind: 'review', course: 'c' })).toMatchObject({ href: '/review' });
    expect(actionView({ kind: 'break', minutes: 10 })).toEqual({ kind: 'note', text: 'Suggested: a 10-minute break.' });
  });

  it('reads only well-formed actions from the API', () => {
    expect(readAction({ kind: 'practice', course: 'js-graphs', concept: 'bfs', mode: 'diagnostic' })).toEqual({
      kind: 'practice',
      course: 'js-graphs',
      concept: 'bfs',
      mode: 'diagnostic',
    });
    expect(readAction({ kind: 'practice', course: '../admin', concept: 'bfs' })).toBeNull();
    expect(readAction({ kind: 'teleport' })).toBeNull();
    expect(readAction({ kind: 'break', minutes: -1 })).toBeNull();
    expect(readAction(null)).toBeNull();
  });

  it('keeps a reply’s drawable links and drops malformed ones', () => {
    const reply = readReply({
      agent: 'content-curator',
      text: 'Read this.',
      links: [
        { kind: 'lesson', course: 'c', slug: 'l', title: 'Walkers' },
        { kind: 'lesson', course: 'c', title: 'No slug' },
        { kind: 'reviews', course: 'c', title: 'Reviews due' },
        { kind: 'video', course: 'c', slug: 'v', title: 'Unknown kind' },
      ],
      action: { kind: 'review', course: 'c' },
    });
    expect(reply.links.map((link) => link.title)).toEqual(['Walkers', 'Reviews due']);
    expect(reply.action).toEqual({ kind: 'review', course: 'c' });
    expect(readReply({ agent: 'mystery', text: 'x' }).agent).toBe('orchestrator');
  });
});

describe('pushView', () => {
  it('says what each push means, with somewhere to go', () => {
    expect(
      pushView({ kind: 'achievement-unlocked', id: 'first-steps', title: 'First steps', description: 'First answer.' }),
    ).toMatchObject({ title: 'Achievement unlocked: First steps', text: 'First answer.', celebrate: true });
    expect(pushView({ kind: 'concept-mastered', course: 'js-graphs', concept: 'adjacency-lists' })).toMatchObject({
      title: 'Concept mastered: Adjacency lists',
      link: { href: '/courses/js-graphs?concept=adjacency-lists' },
      celebrate: true,
    });
    expect(pushView({ kind: 'review-due', course: 'c', count: 1 }).title).toBe('1 review due');
    expect(pushView({ kind: 'review-due', course: 'c', count: 3 }).title).toBe('3 reviews due');
    expect(pushView({ kind: 'streak-at-risk', streak: 4, xpToGoal: 20 }).text).toBe('20 XP more today keeps it going.');
    expect(
      pushView({ kind: 'session-ended', sessionId: 's', reason: 'idle', answers: 5, accuracy: 0.8, xp: 40 }).text,
    ).toBe('5 answers, 80% right, +40 XP.');
    expect(
      pushView({ kind: 'session-ended', sessionId: 's', reason: 'learner', answers: 1, accuracy: null, xp: 0 }).text,
    ).toBe('1 answer, +0 XP.');
  });
});
