/**
 * The tutor team as the chat shows it: each agent's name and badge, where an agent's links
 * and suggested actions lead in this app, and what each push from the learner's live
 * channel says. Pure, so every route into the app an agent can name is tested here.
 */
import type { AgentAction, AgentLink, AgentName, AgentReply } from '../../../../../durable/agents/snapshot';
import type { PushEvent } from '../../../../../durable/protocol';

export type { AgentAction, AgentLink, AgentName, AgentReply, PushEvent };

export interface AgentLabel {
  name: string;
  /** Two letters for the badge. */
  initials: string;
  /** What the agent does, for the badge's title and the team list. */
  role: string;
}

export const AGENTS: Record<AgentName, AgentLabel> = {
  orchestrator: { name: 'Orchestrator', initials: 'Or', role: 'Routes your question and plans what comes next' },
  'content-curator': { name: 'Content curator', initials: 'Cc', role: 'Finds the lesson that explains it' },
  'quiz-master': { name: 'Quiz master', initials: 'Qm', role: 'Picks questions at the right difficulty' },
  evaluator: { name: 'Evaluator', initials: 'Ev', role: 'Explains what was right or wrong in an answer' },
  'progress-tracker': { name: 'Progress tracker', initials: 'Pt', role: 'Keeps count of how you are doing' },
  motivator: { name: 'Motivator', initials: 'Mo', role: 'Celebrates wins and nudges you back' },
};

export const AGENT_ORDER = Object.keys(AGENTS) as AgentName[];

export function agentLabel(agent: string): AgentLabel {
  return (AGENTS as Record<string, AgentLabel | undefined>)[agent] ?? { name: 'Tutor', initials: 'Tu', role: '' };
}

const enc = encodeURIComponent;

/** Where a link an agent gave leads: a lesson, a concept on the course map, practice, reviews. */
export function linkHref(link: Pick<AgentLink, 'kind' | 'course'> & { slug?: string }): string {
  const course = `/courses/${enc(link.course)}`;
  switch (link.kind) {
    case 'lesson':
      return link.slug ? `${course}/lessons/${enc(link.slug)}` : course;
    case 'concept':
      return link.slug ? `${course}?concept=${enc(link.slug)}` : course;
    case 'item':
      // Items are served by practice (there is no page per item); the course's practice picks it up.
      return `${course}/practice`;
    case 'reviews':
      return '/review';
  }
}

/** What a link is, for its visible label ("Lesson: …"). */
export function linkKind(kind: AgentLink['kind']): string {
  return { lesson: 'Lesson', concept: 'Concept', item: 'Question', reviews: 'Reviews' }[kind];
}

export type ActionView = { kind: 'link'; href: string; label: string } | { kind: 'note'; text: string };

/** The button under a message for what the agent suggests doing. */
export function actionView(action: AgentAction): ActionView {
  switch (action.kind) {
    case 'practice': {
      const href = `/courses/${enc(action.course)}/practice?concept=${enc(action.concept)}`;
      return { kind: 'link', href, label: action.mode === 'diagnostic' ? 'Take a quick check' : 'Practise now' };
    }
    case 'lesson':
      return {
        kind: 'link',
        href: `/courses/${enc(action.course)}/lessons/${enc(action.lesson)}`,
        label: 'Open the lesson',
      };
    case 'review':
      return { kind: 'link', href: '/review', label: 'Start reviewing' };
    case 'break':
      return { kind: 'note', text: `Suggested: a ${action.minutes}-minute break.` };
  }
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const str = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * An action as the API sends it (over HTTP it is typed as any record), checked field by
 * field: an action this client does not know is left out rather than drawn wrong.
 */
export function readAction(value: unknown): AgentAction | null {
  if (typeof value !== 'object' || value === null) return null;
  const action = value as Record<string, unknown>;
  const course = action.course;
  switch (action.kind) {
    case 'practice':
      return str(course) && SLUG.test(course) && str(action.concept) && SLUG.test(action.concept)
        ? {
            kind: 'practice',
            course,
            concept: action.concept,
            mode: action.mode === 'diagnostic' ? 'diagnostic' : 'practice',
          }
        : null;
    case 'lesson':
      return str(course) && str(action.lesson) ? { kind: 'lesson', course, lesson: action.lesson } : null;
    case 'review':
      return str(course) ? { kind: 'review', course } : null;
    case 'break':
      return typeof action.minutes === 'number' && action.minutes > 0
        ? { kind: 'break', minutes: Math.round(action.minutes) }
        : null;
    default:
      return null;
  }
}

const LINK_KINDS = new Set(['lesson', 'concept', 'item', 'reviews']);

/** A reply from either channel, with only the links and action this client can draw. */
export function readReply(value: {
  agent: string;
  text: string;
  links?: readonly { kind: string; course: string; slug?: string; title: string }[];
  action?: unknown;
  messageId?: string;
}): AgentReply {
  const links = (value.links ?? []).flatMap((link): AgentLink[] => {
    if (!LINK_KINDS.has(link.kind) || !str(link.course) || !str(link.title)) return [];
    if (link.kind === 'reviews') return [{ kind: 'reviews', course: link.course, title: link.title }];
    if (!str(link.slug)) return [];
    return [
      { kind: link.kind as 'lesson' | 'concept' | 'item', course: link.course, slug: link.slug, title: link.title },
    ];
  });
  const action = readAction(value.action);
  return {
    agent: (value.agent in AGENTS ? value.agent : 'orchestrator') as AgentName,
    text: value.text,
    links,
    ...(action ? { action } : {}),
    // Names a motivator's message, so one both remembered and pushed is shown once.
    ...(str(value.messageId) ? { messageId: value.messageId } : {}),
  };
}

export interface PushView {
  title: string;
  /** Said when the push came without an agent's words. */
  text: string;
  link?: { href: string; label: string };
  /** Worth a toast, not only a line in the conversation. */
  celebrate: boolean;
}

function words(slug: string): string {
  const spaced = slug.replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** What a push from the live channel says, in the conversation and as a toast. */
export function pushView(event: PushEvent): PushView {
  switch (event.kind) {
    case 'achievement-unlocked':
      return {
        title: `Achievement unlocked: ${event.title}`,
        text: event.description,
        link: { href: '/achievements', label: 'See your achievements' },
        celebrate: true,
      };
    case 'concept-mastered':
      return {
        title: `Concept mastered: ${words(event.concept)}`,
        text: 'You reached Mastered on this concept.',
        link: { href: linkHref({ kind: 'concept', course: event.course, slug: event.concept }), label: 'Course map' },
        celebrate: true,
      };
    case 'concept-unlocked':
      return {
        title: `Concept unlocked: ${words(event.concept)}`,
        text: 'Its prerequisites are in place: it is open to study now.',
        link: { href: linkHref({ kind: 'concept', course: event.course, slug: event.concept }), label: 'Course map' },
        celebrate: true,
      };
    case 'worked-example':
      return {
        title: 'A worked example',
        text: 'A few misses in a row: practice now steps down to easier questions.',
        link: {
          href: `/courses/${enc(event.course)}/practice?concept=${enc(event.concept)}`,
          label: 'Back to practice',
        },
        celebrate: false,
      };
    case 'review-due':
      return {
        title: `${event.count} review${event.count === 1 ? '' : 's'} due`,
        text: 'Answering them now keeps them from being forgotten.',
        link: { href: '/review', label: 'Start reviewing' },
        celebrate: false,
      };
    case 'streak-at-risk':
      return {
        title: `Your ${event.streak}-day streak is at risk`,
        text: `${event.xpToGoal} XP more today keeps it going.`,
        celebrate: false,
      };
    case 'nudge':
      return { title: 'From the tutors', text: '', celebrate: false };
    case 'session-ended': {
      const accuracy = event.accuracy === null ? '' : `, ${Math.round(event.accuracy * 100)}% right`;
      return {
        title: event.reason === 'idle' ? 'Your session ended after a quiet spell' : 'Session ended',
        text: `${event.answers} answer${event.answers === 1 ? '' : 's'}${accuracy}, +${event.xp} XP.`,
        link: { href: '/progress', label: 'See your progress' },
        celebrate: false,
      };
    }
  }
}

/**
 * The longest question the team takes, as in durable/protocol.ts (whose values cannot be
 * imported here: it brings zod along; a unit test keeps the two equal).
 */
export const MAX_CHAT_CHARS = 2000;

/** The questions under the composer, one click to ask. */
export const QUICK_PROMPTS = ['What should I do next?', 'Explain walkers', 'How am I doing?'] as const;
