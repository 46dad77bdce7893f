/**
 * The orchestrator: classifies a chat message and routes it to the agent that owns the
 * answer (content curator, quiz master, evaluator, progress tracker, motivator), answering
 * "what next?", greetings and help itself. Every reply is built from the snapshot: real
 * concept titles, numbers and lesson links. Pure; the LearnerAgent loads, calls and stores.
 */
import { explain, recommendations, resolveConcept } from './content-curator';
import { conceptById, conceptLink, isFrontier, listWords } from './facts';
import { classifyIntent, type Intent } from './intents';
import { motivationContext, pickMessage } from './motivator';
import { decideNextStep, nextStepReply } from './next-step';
import { howAmIDoing } from './progress-tracker';
import { nextHint, quizMe } from './quiz-master';
import type { AgentName, AgentReply, ChatTurn, LearnerSnapshot } from './snapshot';
import { whyWrong } from './why-wrong';

export { decideNextStep, nextStepReply, type NextStep, type NextStepKind } from './next-step';

export interface InFlightHints {
  hints: string[];
  hintsUsed: number;
}

export interface Response {
  reply: AgentReply;
  intent: Intent;
  handledBy: AgentName;
  /** The concept the exchange was about, kept in memory for "tell me more". */
  conceptId?: string;
}

/** How many earlier turns an "explain" follow-up looks back over to avoid repeating itself. */
const FOLLOW_UP_TURNS = 6;

export function respond(
  snapshot: LearnerSnapshot,
  message: string,
  memory: readonly ChatTurn[],
  inFlight: InFlightHints | null = null,
): Response {
  const classified = classifyIntent(message, memory);
  const remembered = conceptById(snapshot, classified.conceptId);
  const topic = classified.topic ?? remembered?.title;
  const withConcept = (response: Omit<Response, 'conceptId'>, conceptId?: string): Response =>
    conceptId ? { ...response, conceptId } : response;
  const slugToId = (slug: string | undefined) => snapshot.concepts.find((c) => c.slug === slug)?.id;

  switch (classified.intent) {
    case 'explain': {
      if (!topic) return { reply: whichTopic(snapshot), intent: 'explain', handledBy: 'content-curator' };
      const shown = memory
        .slice(-FOLLOW_UP_TURNS)
        .filter((turn) => turn.role === 'agent')
        .map((turn) => turn.text);
      const reply = explain(snapshot, topic, shown);
      const conceptId = remembered?.id ?? resolveConcept(snapshot, topic)?.id;
      return withConcept({ reply, intent: 'explain', handledBy: 'content-curator' }, conceptId);
    }
    case 'quiz': {
      const reply = quizMe(snapshot, topic);
      // The concept asked about (even if locked), else the one the quiz starts on.
      const asked = remembered ?? (topic ? resolveConcept(snapshot, topic) : null);
      const slug = reply.action?.kind === 'practice' ? reply.action.concept : undefined;
      return withConcept({ reply, intent: 'quiz', handledBy: 'quiz-master' }, asked?.id ?? slugToId(slug));
    }
    case 'why-wrong':
      return withConcept(
        { reply: whyWrong(snapshot), intent: 'why-wrong', handledBy: 'evaluator' },
        snapshot.lastFeedback?.conceptId,
      );
    case 'progress':
      return { reply: howAmIDoing(snapshot), intent: 'progress', handledBy: 'progress-tracker' };
    case 'next-step': {
      const step = decideNextStep(snapshot);
      return withConcept(
        { reply: nextStepReply(snapshot, step), intent: 'next-step', handledBy: 'orchestrator' },
        slugToId(step.concept?.slug),
      );
    }
    case 'hint':
      return { reply: hintReply(snapshot, inFlight), intent: 'hint', handledBy: 'quiz-master' };
    case 'motivation': {
      // The learner's own words outrank the data: "this is hard" is not a time to say "on a roll".
      const context = motivationContext(snapshot);
      const fitting = context === 'neutral' || context === 'on-a-roll' ? 'struggling' : context;
      const sent = memory.flatMap((turn) => (turn.messageId ? [turn.messageId] : []));
      return { reply: pickMessage(fitting, snapshot, sent), intent: 'motivation', handledBy: 'motivator' };
    }
    case 'greeting':
      return { reply: greeting(snapshot), intent: 'greeting', handledBy: 'orchestrator' };
    case 'help':
      return { reply: help(snapshot, ''), intent: 'help', handledBy: 'orchestrator' };
    case 'unknown': {
      // A bare topic ("walkers?") is a request for an explanation.
      const concept = resolveConcept(snapshot, message);
      if (concept) {
        return withConcept(
          { reply: explain(snapshot, message), intent: 'explain', handledBy: 'content-curator' },
          concept.id,
        );
      }
      return {
        reply: help(snapshot, 'I did not understand that. '),
        intent: 'unknown',
        handledBy: 'orchestrator',
      };
    }
  }
}

function hintReply(snapshot: LearnerSnapshot, inFlight: InFlightHints | null): AgentReply {
  if (inFlight) return { agent: 'quiz-master', text: nextHint(inFlight.hints, inFlight.hintsUsed).text, links: [] };
  const step = decideNextStep(snapshot);
  const next = nextStepReply(snapshot, step);
  return {
    ...next,
    agent: 'quiz-master',
    text: `No question is open right now, so there is nothing to hint at. ${step.reason}`,
  };
}

function whichTopic(snapshot: LearnerSnapshot): AgentReply {
  const open = snapshot.concepts.filter(isFrontier).slice(0, 3);
  return {
    agent: 'content-curator',
    text: open.length
      ? `Which topic should I explain? You are working on ${listWords(open.map((c) => c.title))}.`
      : `Which topic should I explain? Name a concept of ${snapshot.course.title}.`,
    links: open.map((c) => conceptLink(snapshot, c)),
  };
}

function greeting(snapshot: LearnerSnapshot): AgentReply {
  const step = decideNextStep(snapshot);
  const streak = snapshot.streak.current > 0 ? ` You are on a ${snapshot.streak.current}-day streak.` : '';
  const reply = nextStepReply(snapshot, step);
  return { ...reply, text: `Hi ${snapshot.displayName}!${streak} Suggested next: ${step.reason}` };
}

function help(snapshot: LearnerSnapshot, lead: string): AgentReply {
  const example = recommendations(snapshot, 5).find((rec) => rec.concept)?.concept ?? snapshot.concepts[0];
  const name = example?.title ?? 'a concept';
  const text = [
    `${lead}Here is what I can do in ${snapshot.course.title}:`,
    `- explain a concept from the lessons ("explain ${name}")`,
    `- quiz you ("quiz me on ${name}")`,
    '- tell you why an answer was wrong ("why was that wrong?")',
    '- show your progress ("how am I doing?")',
    '- suggest what to do next ("what should I do next?")',
    '- give a hint on the open question ("give me a hint")',
  ].join('\n');
  return { agent: 'orchestrator', text, links: example ? [conceptLink(snapshot, example)] : [] };
}
