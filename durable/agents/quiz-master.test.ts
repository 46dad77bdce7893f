import { describe, expect, it } from 'vitest';
import { attempts, buildSnapshot, conceptId } from './fixtures';
import { adaptAfterAnswers, nextHint, planQuiz, quizMe, workedExample } from './quiz-master';

describe('nextHint', () => {
  const hints = ['Which archetype travels?', 'It is declared like `node`.', 'The keyword is `walker`.'];

  it('gives the hints in order, gentlest first, counting what is left', () => {
    expect(nextHint(hints, 0)).toEqual({
      hint: 'Which archetype travels?',
      used: 1,
      remaining: 2,
      text: 'Hint 1 of 3: Which archetype travels? (2 more if you need them)',
    });
    expect(nextHint(hints, 1).text).toBe('Hint 2 of 3: It is declared like `node`. (1 more if you need it)');
    expect(nextHint(hints, 2)).toMatchObject({ hint: 'The keyword is `walker`.', used: 3, remaining: 0 });
    expect(nextHint(hints, 2).text).toContain('(that was the last one)');
  });

  it('says when none are left, or when the question has none', () => {
    expect(nextHint(hints, 3)).toMatchObject({ hint: null, used: 3, remaining: 0 });
    expect(nextHint(hints, 5).text).toContain('You have seen all 3 hints');
    expect(nextHint([], 0)).toMatchObject({ hint: null, used: 0 });
    expect(nextHint([], 0).text).toContain('This question has no hints.');
  });
});

describe('adaptAfterAnswers', () => {
  it('keeps the 75% target while answers are on track or after only two misses', () => {
    expect(adaptAfterAnswers(attempts([['edges', true]]))).toMatchObject({
      easier: false,
      target: 0.75,
      workedExample: false,
    });
    const twoMisses = adaptAfterAnswers(
      attempts([
        ['edges', false],
        ['edges', false],
        ['edges', true],
      ]),
    );
    expect(twoMisses).toMatchObject({ easier: false, target: 0.75, targetDifficulty: null, missesInARow: 2 });
    expect(adaptAfterAnswers([])).toMatchObject({ easier: false, missesInARow: 0 });
  });

  it('steps one difficulty down with a worked example after three misses in a row', () => {
    const result = adaptAfterAnswers(
      attempts([
        ['edges', false, 'hard'],
        ['edges', false, 'medium'],
        ['edges', false, 'medium'],
        ['edges', true, 'medium'],
      ]),
    );
    expect(result).toMatchObject({
      easier: true,
      targetDifficulty: 'medium',
      workedExample: true,
      missesInARow: 3,
      target: 0.85,
    });
    expect(result.reason).toContain('3 misses in a row');
    const fromMedium = adaptAfterAnswers(
      attempts([
        ['edges', false],
        ['edges', false],
        ['edges', false],
        ['edges', false],
      ]),
    );
    expect(fromMedium).toMatchObject({ targetDifficulty: 'easy', missesInARow: 4 });
    const fromEasy = adaptAfterAnswers(
      attempts([
        ['edges', false, 'easy'],
        ['edges', false],
        ['edges', false],
      ]),
    );
    expect(fromEasy.targetDifficulty).toBe('easy');
  });

  it("counts only the newest attempt's concept", () => {
    const mixed = attempts([
      ['edges', false],
      ['walkers', false],
      ['edges', false],
      ['edges', true],
    ]);
    expect(adaptAfterAnswers(mixed)).toMatchObject({ easier: false, missesInARow: 2 });
  });
});

describe('workedExample', () => {
  const lessons = buildSnapshot().lessons.filter((lesson) => lesson.conceptId === conceptId('edges'));

  it("shows the missed item's explanation with the lesson passage closest to it", () => {
    const shown = workedExample({
      conceptTitle: 'Edges',
      lessons,
      missed: {
        itemSlug: 'edges-direction',
        explanation: '`a ++> b` makes an edge from a to b only; use `<++>` for both ways.',
      },
    });
    expect(shown.explanation).toContain('`<++>` for both ways');
    expect(shown.lesson?.slug).toBe('connecting-nodes');
    expect(shown.excerpt).toMatch(/^Edges have a direction\./);
    expect(shown.text).toContain('In the question you just missed: `a ++> b`');
    expect(shown.text).toContain('From the lesson "Connecting nodes with edges"');
  });

  it('falls back to the opening of the first lesson when the miss is unknown', () => {
    const shown = workedExample({ conceptTitle: 'Quantum', lessons, missed: null });
    expect(shown.explanation).toBeNull();
    expect(shown.excerpt).toMatch(/^An edge is a connection/);
    expect(workedExample({ conceptTitle: 'Edges', lessons: [], missed: null })).toMatchObject({
      lesson: null,
      excerpt: null,
    });
  });
});

describe('quizMe', () => {
  const middle = buildSnapshot(); // Nodes mastered, Edges 0.6, Walkers open, Abilities locked

  it('starts practice on a concept in progress, with its real standing', () => {
    const reply = quizMe(middle, 'edges');
    expect(reply.action).toEqual({ kind: 'practice', course: 'osp-with-jac', concept: 'edges', mode: 'practice' });
    expect(reply.text).toContain('Edges: Familiar, 3 of 5 answers right');
    expect(reply.links[0]).toEqual({ kind: 'concept', course: 'osp-with-jac', slug: 'edges', title: 'Edges' });
  });

  it('starts a diagnostic quiz on a concept never practised', () => {
    const reply = quizMe(middle, 'walkers');
    expect(reply.action).toMatchObject({ concept: 'walkers', mode: 'diagnostic' });
    expect(reply.text).toContain('placement quiz');
    expect(reply.links).toContainEqual({
      kind: 'lesson',
      course: 'osp-with-jac',
      slug: 'first-walker',
      title: 'Your first walker',
    });
  });

  it('refuses a locked concept politely, naming the prerequisite to do first', () => {
    const reply = quizMe(middle, 'visit');
    expect(reply.text).toContain('Traversal with visit is locked until Edges and Abilities are Proficient.');
    expect(reply.text).toContain('Start with Walkers (not practised yet)');
    expect(reply.action).toEqual({ kind: 'practice', course: 'osp-with-jac', concept: 'walkers', mode: 'diagnostic' });
  });

  it('offers review questions on a mastered concept', () => {
    const reply = quizMe(middle, 'nodes');
    expect(reply.text).toContain('You have mastered Nodes');
    expect(reply.action).toMatchObject({ concept: 'nodes', mode: 'practice' });
  });

  it('without a topic, quizzes the weakest concept in progress', () => {
    expect(quizMe(middle).action).toMatchObject({ concept: 'edges' });
    const fresh = buildSnapshot({ mastery: {}, completedLessons: [] });
    expect(quizMe(fresh).action).toMatchObject({ concept: 'nodes', mode: 'diagnostic' });
  });

  it('says when the topic is not in the course and falls back to the suggestion', () => {
    const reply = quizMe(middle, 'quantum chromodynamics');
    expect(reply.text).toMatch(
      /^I could not find "quantum chromodynamics" in Object-Spatial Programming with Jac\. Edges:/,
    );
    expect(reply.action).toMatchObject({ concept: 'edges' });
  });

  it('re-exports the quiz planner', () => {
    expect(planQuiz('formative', [{ id: 'a', conceptId: 'c', difficulty: 'easy', predicted: 0.7 }], 1, [])).toEqual([
      'a',
    ]);
  });
});
