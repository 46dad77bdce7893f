import { describe, expect, it } from 'vitest';
import { classifyIntent, cleanTopic, lastConceptId, normalize, type Intent } from './intents';
import type { ChatTurn } from './snapshot';

const memory: ChatTurn[] = [
  { role: 'learner', text: 'explain walkers', at: '2026-03-11T14:00:00Z' },
  { role: 'agent', text: 'A walker is…', agent: 'content-curator', conceptId: 'c-walkers', at: '2026-03-11T14:00:01Z' },
  { role: 'learner', text: 'thanks', at: '2026-03-11T14:01:00Z' },
];

describe('classifyIntent', () => {
  const cases: [string, Intent, string | undefined][] = [
    ['explain walkers', 'explain', 'walkers'],
    ['Explain walkers, please.', 'explain', 'walkers'],
    ['what is an edge?', 'explain', 'edge'],
    ["What's a walker", 'explain', 'walker'],
    ['what are abilities', 'explain', 'abilities'],
    ['how do abilities work', 'explain', 'abilities'],
    ['How does visit work?', 'explain', 'visit'],
    ['what does spawn do', 'explain', 'spawn'],
    ['tell me about the root node', 'explain', 'root node'],
    ['can you explain ++> to me', 'explain', '++>'],
    ["I don't understand edges", 'explain', 'edges'],
    ['I don’t get walkers', 'explain', 'walkers'],
    ['help me understand abilities', 'explain', 'abilities'],
    ['tell me more about walkers', 'explain', 'walkers'],
    ['quiz me on edges', 'quiz', 'edges'],
    ['Quiz me about walkers!', 'quiz', 'walkers'],
    ['test me', 'quiz', undefined],
    ['test me on nodes', 'quiz', 'nodes'],
    ['practice nodes', 'quiz', 'nodes'],
    ['let me practise abilities', 'quiz', 'abilities'],
    ['give me some questions about visit', 'quiz', 'visit'],
    ['i want a quiz', 'quiz', undefined],
    ['why is my answer wrong?', 'why-wrong', undefined],
    ['why was that wrong', 'why-wrong', undefined],
    ['Why was it marked incorrect?', 'why-wrong', undefined],
    ["I don't get why", 'why-wrong', undefined],
    ['what did I do wrong', 'why-wrong', undefined],
    ['explain my mistake', 'why-wrong', undefined],
    ["why isn't my answer right", 'why-wrong', undefined],
    ['how am I doing?', 'progress', undefined],
    ['my progress', 'progress', undefined],
    ['stats', 'progress', undefined],
    ['show me my streak', 'progress', undefined],
    ['how much have I learned', 'progress', undefined],
    ['what should I do next?', 'next-step', undefined],
    ['what now', 'next-step', undefined],
    ["what's next", 'next-step', undefined],
    ['what should I study', 'next-step', undefined],
    ['where should I start', 'next-step', undefined],
    ['next', 'next-step', undefined],
    ['give me a hint', 'hint', undefined],
    ['hint please', 'hint', undefined],
    ["I'm stuck", 'hint', undefined],
    ['any clues?', 'hint', undefined],
    ['help me with this question', 'hint', undefined],
    ["I'm tired", 'motivation', undefined],
    ['this is hard', 'motivation', undefined],
    ['this is too difficult', 'motivation', undefined],
    ['I give up', 'motivation', undefined],
    ["I can't do this", 'motivation', undefined],
    ['why is this so hard', 'motivation', undefined],
    ['hi', 'greeting', undefined],
    ['Hello!', 'greeting', undefined],
    ['good morning', 'greeting', undefined],
    ['what can you do?', 'help', undefined],
    ['help', 'help', undefined],
    ['who are you', 'help', undefined],
    ['asdf qwerty', 'unknown', undefined],
    ['walkers', 'unknown', undefined],
  ];

  it.each(cases)('%j → %s (topic %j)', (text, intent, topic) => {
    const result = classifyIntent(text, []);
    expect(result.intent).toBe(intent);
    expect(result.topic).toBe(topic);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('is confident about anchored phrasings and not about the fallback', () => {
    expect(classifyIntent('explain walkers', []).confidence).toBeGreaterThanOrEqual(0.85);
    expect(classifyIntent('i like to practice sometimes', []).confidence).toBeLessThan(0.85);
    expect(classifyIntent('asdf', []).confidence).toBeLessThan(0.5);
  });

  describe('follow-ups resolve their concept from memory', () => {
    it.each([
      ['tell me more', 'explain'],
      ['more', 'explain'],
      ['go on', 'explain'],
      ['explain that', 'explain'],
      ['what is that?', 'explain'],
      ['how does that work', 'explain'],
      ['quiz me on that', 'quiz'],
      ['test me on it', 'quiz'],
      ['give me more questions', 'quiz'],
    ] as const)('%j → %s about the last concept', (text, intent) => {
      expect(classifyIntent(text, memory)).toEqual({ intent, conceptId: 'c-walkers', confidence: expect.any(Number) });
    });

    it('keeps the intent but lowers confidence when there is nothing to refer back to', () => {
      const result = classifyIntent('tell me more', []);
      expect(result.intent).toBe('explain');
      expect(result.conceptId).toBeUndefined();
      expect(result.confidence).toBeLessThanOrEqual(0.5);
    });

    it('prefers a topic named in the message over memory', () => {
      expect(classifyIntent('quiz me on edges', memory)).toMatchObject({ topic: 'edges' });
      expect(classifyIntent('quiz me on edges', memory).conceptId).toBeUndefined();
    });

    it('does not attach memory to a plain request', () => {
      expect(classifyIntent('test me', memory).conceptId).toBeUndefined();
    });
  });
});

describe('helpers', () => {
  it('normalize lowercases, removes apostrophes and trailing punctuation', () => {
    expect(normalize('  What’s   NEXT?! ')).toBe('whats next');
  });

  it('cleanTopic drops articles and filler', () => {
    expect(cleanTopic('an edge')).toBe('edge');
    expect(cleanTopic('abilities work')).toBe('abilities');
    expect(cleanTopic('the walkers in jac please')).toBe('walkers');
    expect(cleanTopic('about visit')).toBe('visit');
  });

  it('lastConceptId finds the newest turn with a concept', () => {
    expect(lastConceptId(memory)).toBe('c-walkers');
    expect(
      lastConceptId([...memory, { role: 'agent', text: 'x', conceptId: 'c-edges', at: '2026-03-11T14:02:00Z' }]),
    ).toBe('c-edges');
    expect(lastConceptId([])).toBeUndefined();
  });
});
