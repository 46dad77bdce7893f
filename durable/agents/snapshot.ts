/**
 * What the tutor agents know about a learner and a course, as plain data. The
 * LearnerAgent Durable Object loads it from Postgres (the system of record) and its own
 * storage; every agent is a pure function of it, so each decision can be tested on a
 * crafted learner without a database. Nothing here imports Worker-only modules.
 */
import type { ConceptStatus } from '../../worker/learning/concept-status';
import type { MasteryLevel } from '../../worker/learning/bkt';

export type AgentName =
  'orchestrator' | 'content-curator' | 'quiz-master' | 'evaluator' | 'progress-tracker' | 'motivator';

export const AGENT_NAMES: readonly AgentName[] = [
  'orchestrator',
  'content-curator',
  'quiz-master',
  'evaluator',
  'progress-tracker',
  'motivator',
];

export type Difficulty = 'easy' | 'medium' | 'hard';

export interface SnapshotConcept {
  id: string;
  slug: string;
  title: string;
  /** Teaching order: prerequisites come first. */
  position: number;
  /** Ids of the concepts that must be Proficient first. */
  prerequisites: string[];
  status: ConceptStatus;
  /** Null until the learner has answered one of its items. */
  level: MasteryLevel | null;
  pKnown: number | null;
  answers: number;
  correct: number;
  lastPracticedAt: string | null;
}

export interface SnapshotLesson {
  slug: string;
  title: string;
  conceptId: string;
  /** Position within its concept. */
  position: number;
  /** The lesson's Markdown, for retrieval ("explain walkers"). */
  body: string;
  completed: boolean;
}

/** One answered item, newest first in `recentAttempts`. */
export interface SnapshotAttempt {
  itemId: string;
  itemSlug: string;
  conceptId: string;
  type: string;
  difficulty: Difficulty;
  correct: boolean;
  elapsedMs: number;
  hintsUsed: number;
  /** The model's predicted P(correct) just before the answer. */
  predicted: number;
  at: string;
}

/** A point of the BKT history (progress_records), oldest first. */
export interface MasteryPoint {
  conceptId: string;
  pKnown: number;
  at: string;
}

export interface SnapshotSession {
  id: string;
  startedAt: string;
  answers: number;
  correct: number;
  xp: number;
}

export interface LearnerSnapshot {
  userId: string;
  displayName: string;
  timeZone: string;
  /** When the snapshot was taken (ISO 8601); agents never read the clock themselves. */
  now: string;
  course: { slug: string; title: string };
  concepts: SnapshotConcept[];
  lessons: SnapshotLesson[];
  recentAttempts: SnapshotAttempt[];
  masteryHistory: MasteryPoint[];
  reviews: { dueNow: number; dueToday: number };
  session: SnapshotSession | null;
  xp: { total: number; today: number; dailyGoal: number; tier: string };
  streak: { current: number; longest: number; atRisk: boolean; freezeAvailable: boolean };
  /** XP earned per local day, oldest first, the last 28 days (0 for a day without any). */
  dailyXp: { day: string; xp: number }[];
  /** When the learner was last active before this session (ISO 8601), null if never. */
  lastActiveAt: string | null;
  /** The evaluator's feedback on the learner's latest answer, for "why is my answer wrong?". */
  lastFeedback: AnswerFeedback | null;
}

/** The evaluator's account of one graded answer, kept by the LearnerAgent. */
export interface AnswerFeedback {
  itemSlug: string;
  conceptId: string;
  correct: boolean;
  /** Specific points, most important first: "You chose B: …", "Expected output … yours …". */
  points: string[];
  explanation: string;
  at: string;
}

/** A turn of the chat, kept in the LearnerAgent's storage (newest last). */
export interface ChatTurn {
  role: 'learner' | 'agent';
  text: string;
  agent?: AgentName;
  intent?: string;
  /** The concept the turn was about, to resolve "tell me more" and "quiz me on that". */
  conceptId?: string;
  /** Motivator message ids, so the same message is never sent twice in a row. */
  messageId?: string;
  /**
   * On an agent's turn, what the learner was shown: a model's rewording of `text` where
   * there was one, with the links and action. `text` stays the grounded answer the agents
   * reason from; this is what the transcript gives back.
   */
  shown?: AgentReply;
  at: string;
}

/** A link the chat shows: into a lesson, an item to practise, or a concept on the map. */
export type AgentLink =
  | { kind: 'lesson'; course: string; slug: string; title: string }
  | { kind: 'concept'; course: string; slug: string; title: string }
  | { kind: 'item'; course: string; slug: string; title: string }
  | { kind: 'reviews'; course: string; title: string };

/** What the client may do on the agent's suggestion (a button under the message). */
export type AgentAction =
  | { kind: 'practice'; course: string; concept: string; mode: 'practice' | 'diagnostic' }
  | { kind: 'lesson'; course: string; lesson: string }
  | { kind: 'review'; course: string }
  | { kind: 'break'; minutes: number };

/** What an agent says back: grounded facts, rendered as text, with links. */
export interface AgentReply {
  agent: AgentName;
  text: string;
  links: AgentLink[];
  action?: AgentAction;
  /** Set by the motivator, so the same message is never sent twice in a row. */
  messageId?: string;
}
