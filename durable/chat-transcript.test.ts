import { describe, expect, it } from 'vitest';
import type { AgentReply, ChatTurn } from './agents/snapshot';
import { transcriptOf } from './chat-transcript';

const shown: AgentReply = {
  agent: 'content-curator',
  text: 'A walker visits nodes. (Reworded by the model.)',
  links: [{ kind: 'lesson', course: 'jac', slug: 'walkers', title: 'Walkers' }],
  action: { kind: 'lesson', course: 'jac', lesson: 'walkers' },
};

describe('transcriptOf', () => {
  it('gives the learner’s questions and the answers as shown, links and action included, oldest first', () => {
    const turns: ChatTurn[] = [
      {
        role: 'learner',
        text: 'explain walkers',
        intent: 'explain',
        conceptId: 'walkers',
        at: '2026-11-27T10:00:00.000Z',
      },
      {
        role: 'agent',
        text: 'A walker visits nodes.',
        agent: 'content-curator',
        intent: 'explain',
        conceptId: 'walkers',
        shown,
        at: '2026-11-27T10:00:00.000Z',
      },
    ];
    expect(transcriptOf(turns)).toEqual([
      { role: 'learner', text: 'explain walkers', at: '2026-11-27T10:00:00.000Z' },
      { role: 'agent', reply: shown, at: '2026-11-27T10:00:00.000Z' },
    ]);
  });

  it('keeps the agents’ bookkeeping (intent, concept) out, and reads older turns without what was shown', () => {
    const [nudge] = transcriptOf([
      {
        role: 'agent',
        text: 'Keep your streak going!',
        agent: 'motivator',
        messageId: 'm1',
        at: '2026-11-27T19:00:00.000Z',
      },
    ]);
    expect(nudge).toEqual({
      role: 'agent',
      reply: { agent: 'motivator', text: 'Keep your streak going!', links: [] },
      at: '2026-11-27T19:00:00.000Z',
    });
    const [learner] = transcriptOf([
      { role: 'learner', text: 'hi', intent: 'greeting', at: '2026-11-27T19:00:00.000Z' },
    ]);
    expect(learner).toEqual({ role: 'learner', text: 'hi', at: '2026-11-27T19:00:00.000Z' });
  });
});
