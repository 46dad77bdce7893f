/**
 * Test fixtures for the live quiz (imported only by tests): three questions of the three
 * kinds a room is built from, and a runner that feeds events through the real reducer with
 * every input state deep-frozen, so any mutation of the previous state fails the test that
 * caused it instead of passing silently.
 */
import {
  initialState,
  reduce,
  type Effect,
  type EventOf,
  type LiveQuestion,
  type QuizEvent,
  type QuizState,
} from './quiz-state';

/** Epoch ms of the first event of every scenario. */
export const T0 = 1_760_000_000_000;

export const QUESTIONS: LiveQuestion[] = [
  {
    itemId: 'item-walkers',
    itemSlug: 'walker-keyword',
    prompt: 'Which archetype travels the graph?',
    options: [
      { id: 'a', text: 'node' },
      { id: 'b', text: 'walker' },
      { id: 'c', text: 'edge' },
      { id: 'd', text: 'obj' },
    ],
    correct: ['b'],
    multiple: false,
    explanation: 'A walker visits nodes; nodes and edges stay put.',
    timeLimitMs: 20_000,
  },
  {
    itemId: 'item-archetypes',
    itemSlug: 'spatial-archetypes',
    prompt: 'Which of these are spatial archetypes?',
    options: [
      { id: 'a', text: 'node' },
      { id: 'b', text: 'def' },
      { id: 'c', text: 'edge' },
      { id: 'd', text: 'import' },
    ],
    correct: ['a', 'c'],
    multiple: true,
    explanation: 'node and edge are archetypes; def and import are keywords.',
    timeLimitMs: 10_000,
  },
  {
    itemId: 'item-root',
    itemSlug: 'root-is-optional',
    prompt: 'Every Jac program must create its own root node.',
    options: [
      { id: 'true', text: 'True' },
      { id: 'false', text: 'False' },
    ],
    correct: ['false'],
    multiple: false,
    explanation: 'The root node always exists; programs connect to it.',
    timeLimitMs: 5_000,
  },
];

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** One reducer step on a frozen copy; the step must succeed. */
export function step(state: QuizState, event: QuizEvent): { state: QuizState; effects: Effect[] } {
  const before = structuredClone(state);
  const result = reduce(deepFreeze(state), event);
  if (!result.ok) throw new Error(`${event.type} refused: ${result.error.code} ${result.error.message}`);
  if (JSON.stringify(state) !== JSON.stringify(before)) throw new Error(`${event.type} changed its input state`);
  return result;
}

/** Runs events in order; returns the final state and every step's effects. */
export function run(state: QuizState, ...events: QuizEvent[]): { state: QuizState; effects: Effect[][] } {
  const effects: Effect[][] = [];
  let current = state;
  for (const event of events) {
    const next = step(current, event);
    effects.push(next.effects);
    current = next.state;
  }
  return { state: current, effects };
}

/** The error code a refused event gets (and fails the test if it was accepted). */
export function refusal(state: QuizState, event: QuizEvent): string {
  const result = reduce(deepFreeze(state), event);
  if (result.ok) throw new Error(`${event.type} was accepted`);
  return result.error.code;
}

export const joinEvent = (name: string, at = T0, userId: string | null = null): EventOf<'join'> => ({
  type: 'join',
  playerId: `p-${name.toLowerCase()}`,
  nickname: name,
  userId,
  tokenHash: `hash-${name.toLowerCase()}`,
  at,
});

export const answerEvent = (name: string, optionIds: string[], at: number): QuizEvent => ({
  type: 'answer',
  playerId: `p-${name.toLowerCase()}`,
  optionIds,
  at,
});

/** A room with these players joined in the lobby (streak bonus on unless said otherwise). */
export function lobbyWith(names: string[], options: { streakBonus?: boolean; questions?: LiveQuestion[] } = {}) {
  const state = initialState(options.questions ?? QUESTIONS, { streakBonus: options.streakBonus ?? true });
  return run(state, { type: 'host-connected', at: T0 }, ...names.map((name) => joinEvent(name))).state;
}

/** The same room with the first question open since T0. */
export function firstQuestionOpen(
  names: string[],
  options: { streakBonus?: boolean; questions?: LiveQuestion[] } = {},
) {
  return step(lobbyWith(names, options), { type: 'start', at: T0 }).state;
}

/** n questions like the first (20 s, answer 'b') for streak scenarios. */
export function sameQuestion(n: number): LiveQuestion[] {
  const [first] = QUESTIONS;
  if (!first) throw new Error('fixtures have no questions');
  return Array.from({ length: n }, (_, i) => ({ ...first, itemId: `item-${i}`, itemSlug: `item-${i}` }));
}
