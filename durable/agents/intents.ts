/**
 * What the learner is asking for, from a chat message: a rule-based classifier. Rules are
 * an ordered table of anchored patterns (first match wins), because the phrasings a tutor
 * chat sees are few and their overlaps ("why is my answer wrong" is not "explain why…",
 * "how am I doing" is not "how do abilities work") must be settled on purpose, testably.
 * Follow-ups ("tell me more", "quiz me on that") take their concept from the chat memory.
 */
import type { ChatTurn } from './snapshot';

export type Intent =
  'explain' | 'quiz' | 'why-wrong' | 'progress' | 'next-step' | 'hint' | 'motivation' | 'greeting' | 'help' | 'unknown';

export interface Classification {
  intent: Intent;
  /** Free-text topic from the message ("walkers"), when it named one. */
  topic?: string;
  /** The concept of an earlier turn, for a follow-up that refers back ("that", "more"). */
  conceptId?: string;
  /** 0..1: how sure the rule is (anchored phrasings high, loose keywords lower). */
  confidence: number;
}

interface Rule {
  intent: Intent;
  confidence: number;
  pattern: RegExp;
  /** The intent refers back to the last concept when it names no topic of its own. */
  followUp?: boolean;
}

const T = '(?<topic>.+)';
const GO_ON = /^(go on|continue|keep going|elaborate|explain)$/;
const rules: Rule[] = [
  // Before "explain": these also start with "why", "explain" or "I don't get".
  { intent: 'why-wrong', confidence: 0.95, pattern: /\bwhy\b.*\b(wrong|incorrect|mistake|not right|marked|fail)/ },
  { intent: 'why-wrong', confidence: 0.9, pattern: /\b(what|where) (did i|have i) (do|get|go) wrong\b/ },
  {
    intent: 'why-wrong',
    confidence: 0.9,
    pattern: /\bwhat was wrong\b|\bexplain (my|the|that) (mistake|error|answer)\b/,
  },
  {
    intent: 'why-wrong',
    confidence: 0.85,
    pattern: /\bi (dont|do not|cant|can not|cannot) (get|understand|see) why\b/,
  },
  { intent: 'why-wrong', confidence: 0.8, pattern: /\bwhy (isnt|wasnt|is not|was not) (it|that|mine|my answer)\b/ },
  { intent: 'hint', confidence: 0.95, pattern: /\b(hint|clue)s?\b/ },
  {
    intent: 'hint',
    confidence: 0.85,
    pattern: /\b(im|i am|getting|got) stuck\b|\bhelp me (with |on )?(this|the) (one|question|item|exercise)\b/,
  },
  {
    intent: 'motivation',
    confidence: 0.85,
    pattern:
      /\b(im|i am|feeling|feel|so) (so |really |very )?(tired|exhausted|bored|frustrated|lost|overwhelmed|sad|burnt out|burned out)\b/,
  },
  {
    intent: 'motivation',
    confidence: 0.85,
    pattern: /\b(this|it)(s| is) (so |too |really )?(hard|difficult|impossible|boring|too much)\b/,
  },
  {
    intent: 'motivation',
    confidence: 0.85,
    pattern: /\b(so|too) (hard|difficult)\b|\bi (give up|quit|want to quit)\b/,
  },
  {
    intent: 'motivation',
    confidence: 0.8,
    pattern: /\bi (cant|cannot|can not) do (this|it)\b|\bnot (good|smart) enough\b|\bmotivat/,
  },
  // Before "explain": "how am I doing", "what is my progress", "what should I do next".
  {
    intent: 'progress',
    confidence: 0.95,
    pattern: /\bhow (am i|are we) doing\b|\bhow (am i|are we) (getting on|progressing)\b/,
  },
  {
    intent: 'progress',
    confidence: 0.9,
    pattern:
      /\b(my|show me|see) (progress|stats|statistics|streak|xp|score|level|mastery)\b|^(progress|stats|statistics)$/,
  },
  { intent: 'progress', confidence: 0.85, pattern: /\bhow (far|much) have i\b|\bhow many (xp|points|answers)\b/ },
  {
    intent: 'next-step',
    confidence: 0.95,
    pattern: /\bwhat (should|shall|do|can|could) i (do|learn|study|practi[cs]e|read|try|work on)( next| now)?\b/,
  },
  { intent: 'next-step', confidence: 0.9, pattern: /\bwhats next\b|^(what|and) now$|^next( step)?$|\bnext step\b/ },
  {
    intent: 'next-step',
    confidence: 0.85,
    pattern: /\bwhere (should|do|shall) i (start|begin|go)\b|\b(recommend|suggest)\b/,
  },
  {
    intent: 'help',
    confidence: 0.95,
    pattern: /\bwhat (can|do) you (do|help with)\b|\b(who|what) are you\b|^help( me)?$/,
  },
  {
    intent: 'quiz',
    confidence: 0.95,
    pattern: new RegExp(`^(can you |could you |please )?(quiz|test) me( again)?( (on|about|with))?( ${T})?$`),
    followUp: true,
  },
  {
    intent: 'quiz',
    confidence: 0.9,
    pattern: new RegExp(`^(lets |i want to |can i |let me )?(practi[cs]e|drill)( on| with)? ${T}$`),
  },
  {
    intent: 'quiz',
    confidence: 0.85,
    pattern: new RegExp(
      `\\b(give me|ask me|i want|more) (a |some )?(questions?|quiz(zes)?|exercises?)(( on| about) ${T})?$`,
    ),
    followUp: true,
  },
  { intent: 'quiz', confidence: 0.7, pattern: /\b(quiz|test me|practi[cs]e)\b/ },
  {
    intent: 'explain',
    confidence: 0.9,
    pattern: new RegExp(`^(tell me |say |explain |i want )?more( about| on)?( ${T})?$|${GO_ON.source}`),
    followUp: true,
  },
  {
    intent: 'explain',
    confidence: 0.9,
    pattern: new RegExp(
      `^(can you |could you |please )?(explain|describe|define|teach me( about)?|tell me about|talk about|remind me( about| of)?) ${T}$`,
    ),
    followUp: true,
  },
  {
    intent: 'explain',
    confidence: 0.85,
    pattern: new RegExp(`^(what|who)(s| is| are| does| do| was) ${T}$`),
    followUp: true,
  },
  {
    intent: 'explain',
    confidence: 0.85,
    pattern: new RegExp(`^how (do|does|can|should|would) (i |you )?(use )?${T}$`),
    followUp: true,
  },
  {
    intent: 'explain',
    confidence: 0.8,
    pattern: new RegExp(`^(i )?(dont|do not|cant|cannot) (understand|get) ${T}$`),
    followUp: true,
  },
  { intent: 'explain', confidence: 0.8, pattern: new RegExp(`^help( me)?( with| on| understand(ing)?) ${T}$`) },
  { intent: 'explain', confidence: 0.75, pattern: new RegExp(`\\b(meaning of|difference between|example of) ${T}$`) },
  {
    intent: 'greeting',
    confidence: 0.95,
    pattern: /^(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening))( there| tutor| jeseci)?$/,
  },
];

const PRONOUNS = /^(that|it|this|those|them|these|that one|this one|that concept|this concept|the last one|again)$/;

/** Lowercase, plain apostrophes removed, spaces collapsed, trailing punctuation dropped. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.,:;]+$/, '')
    .replace(/^[\s,]+/, '')
    .trim();
}

/** A captured topic without filler: "an edge" → "edge", "abilities work" → "abilities". */
export function cleanTopic(raw: string): string {
  return raw
    .replace(/(^|\s)(please|for me|to me|in jac|again|exactly|actually|really)(?=\s|,|$)/g, ' ')
    .replace(/\s+(work|works|mean|means|do|does|for)$/, '')
    .replace(/^(about|on|with|of|an?|the|some|more)\s+/, '')
    .replace(/^(an?|the)\s+/, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.!?]+|[\s,;:.!?]+$/g, '');
}

/** The concept the conversation was last about (newest turn first). */
export function lastConceptId(memory: readonly ChatTurn[]): string | undefined {
  for (let i = memory.length - 1; i >= 0; i--) {
    const conceptId = memory[i]?.conceptId;
    if (conceptId) return conceptId;
  }
  return undefined;
}

export function classifyIntent(text: string, memory: readonly ChatTurn[]): Classification {
  const message = normalize(text);
  for (const rule of rules) {
    const match = rule.pattern.exec(message);
    if (!match) continue;
    const topic = match.groups?.topic ? cleanTopic(match.groups.topic) : '';
    if (topic && !PRONOUNS.test(topic)) return { intent: rule.intent, topic, confidence: rule.confidence };
    const referred = topic !== '' || /\bmore\b/.test(message) || GO_ON.test(message);
    if (rule.followUp && referred) {
      const conceptId = lastConceptId(memory);
      // A follow-up with nothing to refer back to is still that intent, only less certain.
      if (conceptId) return { intent: rule.intent, conceptId, confidence: rule.confidence };
      return { intent: rule.intent, confidence: Math.min(rule.confidence, 0.5) };
    }
    return { intent: rule.intent, confidence: rule.confidence };
  }
  return { intent: 'unknown', confidence: 0.2 };
}
