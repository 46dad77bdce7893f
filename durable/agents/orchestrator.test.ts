import { describe, expect, it } from 'vitest';
import { attempts, buildSnapshot, conceptId, NOW } from './fixtures';
import { MESSAGES } from './motivator';
import { respond } from './orchestrator';
import type { AnswerFeedback, ChatTurn } from './snapshot';

const middle = buildSnapshot(); // Nodes mastered, Edges 0.6 (3 of 5), Walkers open, Abilities and Traversal locked
const turn = (text: string, extra: Partial<ChatTurn> = {}): ChatTurn => ({ role: 'agent', text, at: NOW, ...extra });

describe('respond routes each intent to the agent that owns it', () => {
  it('explain → content curator, quoting the lesson and remembering the concept', () => {
    const result = respond(middle, 'explain walkers', []);
    expect(result).toMatchObject({ intent: 'explain', handledBy: 'content-curator', conceptId: conceptId('walkers') });
    expect(result.reply.text).toContain('From the lesson "Your first walker" (Walkers)');
    expect(result.reply.action).toEqual({ kind: 'lesson', course: 'osp-with-jac', lesson: 'first-walker' });
  });

  it('"tell me more" continues on the remembered concept without repeating the last quote', () => {
    const first = respond(middle, 'explain walkers', []);
    const memory = [
      turn('explain walkers', { role: 'learner' }),
      turn(first.reply.text, { agent: 'content-curator', conceptId: first.conceptId }),
    ];
    const more = respond(middle, 'tell me more', memory);
    expect(more).toMatchObject({ intent: 'explain', handledBy: 'content-curator', conceptId: conceptId('walkers') });
    expect(more.reply.text).toContain('"Your first walker"');
    expect(more.reply.text).not.toEqual(first.reply.text);
  });

  it('explain without a topic asks which one, naming the concepts in progress', () => {
    const result = respond(middle, 'tell me more', []);
    expect(result.reply.text).toBe('Which topic should I explain? You are working on Edges and Walkers.');
    expect(result.conceptId).toBeUndefined();
  });

  it('quiz → quiz master, with the practice action; "quiz me on that" uses memory', () => {
    const edges = respond(middle, 'quiz me on edges', []);
    expect(edges).toMatchObject({ intent: 'quiz', handledBy: 'quiz-master', conceptId: conceptId('edges') });
    expect(edges.reply.action).toEqual({
      kind: 'practice',
      course: 'osp-with-jac',
      concept: 'edges',
      mode: 'practice',
    });
    const that = respond(middle, 'quiz me on that', [turn('…', { conceptId: conceptId('walkers') })]);
    expect(that.reply.action).toMatchObject({ concept: 'walkers', mode: 'diagnostic' });
    const locked = respond(middle, 'quiz me on abilities', []);
    expect(locked.conceptId).toBe(conceptId('abilities'));
    expect(locked.reply.text).toContain('Abilities is locked until Walkers is Proficient.');
  });

  it('why-wrong → evaluator text from the last feedback', () => {
    const feedback: AnswerFeedback = {
      itemSlug: 'edges-direction',
      conceptId: conceptId('edges'),
      correct: false,
      points: ['`a ++> b` only goes from a to b.'],
      explanation: 'An edge has a direction.',
      at: NOW,
    };
    const result = respond(buildSnapshot({ lastFeedback: feedback }), 'why is my answer wrong?', []);
    expect(result).toMatchObject({ intent: 'why-wrong', handledBy: 'evaluator', conceptId: conceptId('edges') });
    expect(result.reply.text).toContain('- `a ++> b` only goes from a to b.');
    expect(respond(middle, 'why was that wrong', []).reply.text).toContain('I have no graded answer of yours');
  });

  it('progress → progress tracker with real numbers', () => {
    const result = respond(middle, 'how am I doing?', []);
    expect(result).toMatchObject({ intent: 'progress', handledBy: 'progress-tracker' });
    expect(result.reply.text).toContain('1 of 5 concepts mastered, 1 in progress');
    expect(result.reply.text).toContain('Today: 10 of 50 XP, 40 to go to keep the streak.');
  });

  it('next-step → orchestrator, from the decision', () => {
    const result = respond(middle, 'what should I do next?', []);
    expect(result).toMatchObject({ intent: 'next-step', handledBy: 'orchestrator', conceptId: conceptId('edges') });
    expect(result.reply.text).toBe('You are Familiar in Edges; practice moves you toward Mastered.');
    expect(result.reply.action).toMatchObject({ kind: 'practice', concept: 'edges' });
  });

  it('hint → quiz master: the next hint of the item in flight, or says none is open', () => {
    const inFlight = { hints: ['Look at the arrow.', 'The keyword is `++>`.'], hintsUsed: 1 };
    const result = respond(middle, 'give me a hint', [], inFlight);
    expect(result).toMatchObject({ intent: 'hint', handledBy: 'quiz-master' });
    expect(result.reply.text).toBe('Hint 2 of 2: The keyword is `++>`. (that was the last one)');
    const none = respond(middle, "I'm stuck", [], null);
    expect(none.reply.text).toMatch(
      /^No question is open right now, so there is nothing to hint at\. You are Familiar in Edges/,
    );
    expect(none.reply.action).toMatchObject({ kind: 'practice', concept: 'edges' });
  });

  it('motivation → motivator, never repeating the last message it sent', () => {
    const result = respond(middle, "I'm tired", []);
    expect(result).toMatchObject({ intent: 'motivation', handledBy: 'motivator' });
    expect(result.reply.text).toBe('Your 4-day streak needs 40 more XP today.');
    const again = respond(middle, 'this is hard', [turn(result.reply.text, { messageId: result.reply.messageId })]);
    expect(again.reply.messageId).not.toBe(result.reply.messageId);
  });

  it('motivation answers "this is hard" with encouragement even when the data looks fine', () => {
    const calm = buildSnapshot({ streak: { current: 0, longest: 2, atRisk: false, freezeAvailable: true } });
    const result = respond(calm, 'this is hard', []);
    expect(MESSAGES.struggling.map((m) => m.id)).toContain(result.reply.messageId);
  });

  it('greeting and help → orchestrator, grounded in the learner and the course', () => {
    const hi = respond(middle, 'hi', []);
    expect(hi).toMatchObject({ intent: 'greeting', handledBy: 'orchestrator' });
    expect(hi.reply.text).toBe(
      'Hi Ana! You are on a 4-day streak. Suggested next: You are Familiar in Edges; practice moves you toward Mastered.',
    );
    const help = respond(middle, 'what can you do?', []);
    expect(help.reply.text).toContain('Here is what I can do in Object-Spatial Programming with Jac:');
    expect(help.reply.text).toContain('("quiz me on Edges")');
  });

  it('a bare topic is explained; anything else gets the help text', () => {
    expect(respond(middle, 'walkers', [])).toMatchObject({
      intent: 'explain',
      handledBy: 'content-curator',
      conceptId: conceptId('walkers'),
    });
    const unknown = respond(middle, 'asdf qwerty', []);
    expect(unknown).toMatchObject({ intent: 'unknown', handledBy: 'orchestrator' });
    expect(unknown.reply.text).toMatch(/^I did not understand that\. Here is what I can do/);
  });

  it('suggests a break mid-answer when the session has run long', () => {
    const long = buildSnapshot({
      session: { id: 's', startedAt: '2026-03-11T14:00:00.000Z', answers: 30, correct: 20, xp: 200 },
      recentAttempts: attempts([['edges', true]]),
    });
    const result = respond(long, 'what now', []);
    expect(result.reply.action).toEqual({ kind: 'break', minutes: 10 });
    expect(result.reply.text).toContain('60 minutes');
  });
});
