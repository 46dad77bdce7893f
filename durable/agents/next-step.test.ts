import { describe, expect, it } from 'vitest';
import { attempts, buildSnapshot, conceptId, NOW } from './fixtures';
import { decideNextStep, nextStepReply } from './next-step';
import type { SnapshotSession } from './snapshot';

const minutesAgo = (m: number): string => new Date(Date.parse(NOW) - m * 60_000).toISOString();
const session = (startedMinutesAgo: number, answers = 6): SnapshotSession => ({
  id: 's-1',
  startedAt: minutesAgo(startedMinutesAgo),
  answers,
  correct: 3,
  xp: 30,
});
const marks = (slug: string, pattern: string) => attempts([...pattern].map((c) => [slug, c === '1'] as const));

describe('decideNextStep', () => {
  it('suggests a break after 45 minutes of session', () => {
    const step = decideNextStep(buildSnapshot({ session: session(50) }));
    expect(step).toMatchObject({ kind: 'break', minutes: 10 });
    expect(step.reason).toContain('50 minutes');
    expect(decideNextStep(buildSnapshot({ session: session(40) })).kind).not.toBe('break');
  });

  it('suggests a break after 25+ answers when accuracy is falling, not when it holds', () => {
    const falling = buildSnapshot({ session: session(30, 26), recentAttempts: marks('edges', '00101001101111111011') });
    const step = decideNextStep(falling);
    expect(step).toMatchObject({ kind: 'break', minutes: 5 });
    expect(step.reason).toBe(
      '26 answers in, and accuracy has dropped from 90% to 40%: a short break will help more than more questions.',
    );
    const holding = buildSnapshot({ session: session(30, 26), recentAttempts: marks('edges', '11011101111011101110') });
    expect(decideNextStep(holding).kind).not.toBe('break');
    const fewAnswers = buildSnapshot({
      session: session(30, 12),
      recentAttempts: marks('edges', '00101001101111111011'),
    });
    expect(decideNextStep(fewAnswers).kind).not.toBe('break');
  });

  it('after three misses in a row, sends the learner back to the lesson before easier questions', () => {
    const step = decideNextStep(buildSnapshot({ session: session(10), recentAttempts: marks('edges', '0001') }));
    expect(step).toEqual({
      kind: 'lesson',
      concept: { slug: 'edges', title: 'Edges' },
      lesson: { slug: 'connecting-nodes', title: 'Connecting nodes with edges' },
      reason: '3 misses in a row on Edges: read "Connecting nodes with edges", then easier questions.',
    });
    const read = buildSnapshot({
      completedLessons: ['nodes-and-root', 'node-data', 'connecting-nodes'],
      session: session(10),
      recentAttempts: marks('edges', '0000'),
    });
    expect(decideNextStep(read).reason).toBe(
      '4 misses in a row on Edges: re-read "Connecting nodes with edges", then easier questions.',
    );
  });

  it('with low accuracy but no run of misses, suggests easier practice', () => {
    const step = decideNextStep(buildSnapshot({ session: session(10), recentAttempts: marks('edges', '01010') }));
    expect(step).toMatchObject({ kind: 'practice', concept: { slug: 'edges' } });
    expect(step.reason).toBe('2 of 5 right on Edges so far: easier questions next, to rebuild from what you know.');
  });

  it('puts due reviews before new material, but after helping a struggling learner', () => {
    const reviews = { dueNow: 4, dueToday: 6 };
    expect(decideNextStep(buildSnapshot({ reviews }))).toMatchObject({ kind: 'review' });
    expect(decideNextStep(buildSnapshot({ reviews })).reason).toContain('4 reviews are due');
    const struggling = buildSnapshot({ reviews, session: session(10), recentAttempts: marks('edges', '000') });
    expect(decideNextStep(struggling).kind).toBe('lesson');
  });

  it('offers the lesson of a concept that unlocked in this session', () => {
    const snapshot = buildSnapshot({
      mastery: {
        nodes: { pKnown: 0.97, answers: 8 },
        edges: { pKnown: 0.6, answers: 5 },
        walkers: { pKnown: 0.86, answers: 4 },
      },
      session: session(20),
      recentAttempts: marks('walkers', '1111'),
      masteryHistory: [
        { conceptId: conceptId('walkers'), pKnown: 0.6, at: minutesAgo(2) },
        { conceptId: conceptId('walkers'), pKnown: 0.86, at: minutesAgo(1) },
      ],
    });
    expect(decideNextStep(snapshot)).toEqual({
      kind: 'lesson',
      concept: { slug: 'abilities', title: 'Abilities' },
      lesson: { slug: 'abilities-on-arrival', title: 'Abilities: code that runs on arrival' },
      reason: 'Abilities just unlocked: start with the lesson "Abilities: code that runs on arrival".',
    });
  });

  it('offers a challenge when a strong concept is going very well', () => {
    const step = decideNextStep(buildSnapshot({ session: session(15), recentAttempts: marks('nodes', '111111') }));
    expect(step).toEqual({
      kind: 'challenge',
      concept: { slug: 'nodes', title: 'Nodes' },
      reason: '6 of 6 right on Nodes (Mastered): time for harder questions.',
    });
    // Going well on a concept that is not Proficient yet is just practice.
    expect(
      decideNextStep(buildSnapshot({ session: session(15), recentAttempts: marks('edges', '111111') })).kind,
    ).not.toBe('challenge');
  });

  it("otherwise follows the curator: weakest concept in progress, or a new concept's lesson", () => {
    expect(decideNextStep(buildSnapshot())).toEqual({
      kind: 'practice',
      concept: { slug: 'edges', title: 'Edges' },
      reason: 'You are Familiar in Edges; practice moves you toward Mastered.',
    });
    expect(decideNextStep(buildSnapshot({ mastery: {}, completedLessons: [] }))).toMatchObject({
      kind: 'lesson',
      lesson: { slug: 'nodes-and-root' },
    });
  });

  it('when everything is mastered, challenges the weakest mastered concept', () => {
    const all = Object.fromEntries(
      ['nodes', 'edges', 'walkers', 'abilities', 'visit'].map((slug, i) => [
        slug,
        { pKnown: 0.99 - i * 0.01, answers: 9 },
      ]),
    );
    expect(decideNextStep(buildSnapshot({ mastery: all }))).toMatchObject({
      kind: 'challenge',
      concept: { slug: 'visit' },
    });
    expect(decideNextStep({ ...buildSnapshot(), concepts: [], lessons: [] }).kind).toBe('review');
  });
});

describe('nextStepReply', () => {
  const snapshot = buildSnapshot({ reviews: { dueNow: 2, dueToday: 2 } });

  it('turns each kind of step into a reply with the button that starts it', () => {
    const lesson = nextStepReply(snapshot, {
      kind: 'lesson',
      reason: 'Read it.',
      concept: { slug: 'walkers', title: 'Walkers' },
      lesson: { slug: 'first-walker', title: 'Your first walker' },
    });
    expect(lesson.action).toEqual({ kind: 'lesson', course: 'osp-with-jac', lesson: 'first-walker' });
    expect(lesson.links.map((l) => l.kind)).toEqual(['lesson', 'concept']);
    const practice = nextStepReply(snapshot, {
      kind: 'practice',
      reason: 'x',
      concept: { slug: 'walkers', title: 'Walkers' },
    });
    expect(practice.action).toEqual({
      kind: 'practice',
      course: 'osp-with-jac',
      concept: 'walkers',
      mode: 'diagnostic',
    });
    const challenge = nextStepReply(snapshot, {
      kind: 'challenge',
      reason: 'x',
      concept: { slug: 'nodes', title: 'Nodes' },
    });
    expect(challenge.action).toMatchObject({ concept: 'nodes', mode: 'practice' });
    expect(nextStepReply(snapshot, { kind: 'break', reason: 'rest', minutes: 10 }).action).toEqual({
      kind: 'break',
      minutes: 10,
    });
    const review = nextStepReply(snapshot, { kind: 'review', reason: '2 reviews are due.' });
    expect(review).toMatchObject({
      agent: 'orchestrator',
      text: '2 reviews are due.',
      action: { kind: 'review', course: 'osp-with-jac' },
    });
    expect(review.links).toEqual([{ kind: 'reviews', course: 'osp-with-jac', title: 'Reviews due' }]);
  });
});
