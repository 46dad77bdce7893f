import { describe, expect, it } from 'vitest';
import { buildSnapshot, conceptId } from './fixtures';
import type { AnswerFeedback } from './snapshot';
import { itemTitle, whyWrong } from './why-wrong';

const wrong: AnswerFeedback = {
  itemSlug: 'edges-direction',
  conceptId: conceptId('edges'),
  correct: false,
  points: ['You chose "both ways" for `a ++> b`.', 'Only `<++>` connects in both directions.'],
  explanation: '`a ++> b` makes an edge from a to b only; an edge has a direction.',
  at: '2026-03-11T14:58:00.000Z',
};

describe('whyWrong', () => {
  it("explains a wrong answer with the evaluator's points and the lesson that covers it", () => {
    const reply = whyWrong(buildSnapshot({ lastFeedback: wrong }));
    expect(reply.agent).toBe('evaluator');
    expect(reply.text).toContain('Here is what went wrong in your last answer on Edges:');
    expect(reply.text).toContain('- You chose "both ways" for `a ++> b`.\n- Only `<++>` connects in both directions.');
    expect(reply.text).toContain('an edge has a direction.');
    expect(reply.text).toContain('The lesson "Connecting nodes with edges" covers this:\n> Edges have a direction.');
    expect(reply.links).toEqual([
      { kind: 'item', course: 'osp-with-jac', slug: 'edges-direction', title: 'Edges direction' },
      { kind: 'concept', course: 'osp-with-jac', slug: 'edges', title: 'Edges' },
      { kind: 'lesson', course: 'osp-with-jac', slug: 'connecting-nodes', title: 'Connecting nodes with edges' },
    ]);
    expect(reply.action).toEqual({ kind: 'lesson', course: 'osp-with-jac', lesson: 'connecting-nodes' });
  });

  it('says so when the last answer was right', () => {
    const reply = whyWrong(
      buildSnapshot({
        lastFeedback: { ...wrong, correct: true, points: [], explanation: 'Yes: `++>` points one way.' },
      }),
    );
    expect(reply.text).toBe(
      'Your last answer on Edges was right, so nothing went wrong there. Yes: `++>` points one way.',
    );
    expect(reply.action).toBeUndefined();
  });

  it('says so when nothing has been graded yet, and offers practice', () => {
    const reply = whyWrong(buildSnapshot());
    expect(reply.text).toBe(
      'I have no graded answer of yours to look at yet. Answer a question on Edges, and if it goes wrong, ask me again.',
    );
    expect(reply.action).toEqual({ kind: 'practice', course: 'osp-with-jac', concept: 'edges', mode: 'practice' });
  });

  it('copes with feedback on a concept missing from the snapshot', () => {
    const reply = whyWrong(buildSnapshot({ lastFeedback: { ...wrong, conceptId: 'c-gone' } }));
    expect(reply.text).toMatch(/^Here is what went wrong in your last answer:/);
    expect(reply.links).toHaveLength(1);
  });

  it('itemTitle turns a slug into words', () => {
    expect(itemTitle('edges-direction-2')).toBe('Edges direction 2');
    expect(itemTitle('walkers_spawn')).toBe('Walkers spawn');
  });
});
