/**
 * The chat as the learner saw it, from the turns the LearnerAgent remembers: their own
 * questions, and each agent's answer as it was shown (a model's rewording included, with
 * its links and action). A new tab or device opens the conversation where it left off.
 * Pure, so the shape the client renders is tested without an object.
 */
import type { AgentReply, ChatTurn } from './agents/snapshot';

export type TranscriptTurn =
  { role: 'learner'; text: string; at: string } | { role: 'agent'; reply: AgentReply; at: string };

export function transcriptOf(turns: ChatTurn[]): TranscriptTurn[] {
  return turns.map((turn): TranscriptTurn => {
    if (turn.role === 'learner') return { role: 'learner', text: turn.text, at: turn.at };
    // Turns kept before what was shown was recorded: the grounded text, without links.
    const reply = turn.shown ?? { agent: turn.agent ?? 'orchestrator', text: turn.text, links: [] };
    return { role: 'agent', reply, at: turn.at };
  });
}
