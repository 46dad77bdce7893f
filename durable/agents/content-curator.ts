/**
 * The content curator: which concepts and lessons to study, in what order, and answers to
 * "explain X" quoted from the course's own lessons. Orders by the prerequisite graph and
 * the learner's mastery (BKT), building on worker/learning/recommendations.ts; finds text
 * with BM25 retrieval. It never invents an explanation: no matching lesson, no quote.
 */
import type { ConceptStanding } from '../../worker/learning/concept-status';
import { recommend } from '../../worker/learning/recommendations';
import {
  byPosition,
  conceptById,
  conceptLink,
  firstUnreadLesson,
  isFrontier,
  lessonLink,
  lessonsOf,
  listWords,
  practiceMode,
  strength,
  unmetPrerequisites,
} from './facts';
import { type LessonHit, proseParagraphs, searchLessons, tokenize, trimAtWord } from './retrieval';
import type { AgentLink, AgentReply, LearnerSnapshot, SnapshotConcept, SnapshotLesson } from './snapshot';

/**
 * Concepts to study, in order. Without a target: the frontier (unlocked, not mastered) in
 * teaching order, then the locked rest. With one: its unmet prerequisites (transitively),
 * in an order that respects the graph and takes the weakest ready one first, then the target.
 */
export function learningPath(snapshot: LearnerSnapshot, targetConceptSlug?: string): SnapshotConcept[] {
  const target = snapshot.concepts.find((concept) => concept.slug === targetConceptSlug);
  if (!target) {
    const open = snapshot.concepts.filter((concept) => concept.status !== 'mastered');
    return [...open.filter(isFrontier).sort(byPosition), ...open.filter((c) => !isFrontier(c)).sort(byPosition)];
  }
  if (target.status === 'mastered') return [target];
  const needed = new Map<string, SnapshotConcept>([[target.id, target]]);
  const stack = [target];
  for (let concept = stack.pop(); concept; concept = stack.pop()) {
    for (const prereq of unmetPrerequisites(snapshot, concept)) {
      if (needed.has(prereq.id)) continue;
      needed.set(prereq.id, prereq);
      stack.push(prereq);
    }
  }
  // Kahn's algorithm over the needed sub-graph; ties go to the weakest, then teaching order.
  const path: SnapshotConcept[] = [];
  const placed = new Set<string>();
  while (path.length < needed.size) {
    const ready = [...needed.values()]
      .filter((c) => !placed.has(c.id) && c.prerequisites.every((id) => !needed.has(id) || placed.has(id)))
      .sort((a, b) => strength(a) - strength(b) || byPosition(a, b));
    const next = ready[0];
    if (!next) break; // a cycle in authored content: stop rather than loop forever
    path.push(next);
    placed.add(next.id);
  }
  return path;
}

export interface CuratedRecommendation {
  kind: 'review' | 'lesson' | 'practice';
  reason: string;
  /** 0..1: how much this step is expected to move the learner now. */
  match: number;
  concept: SnapshotConcept | null;
  lesson: SnapshotLesson | null;
  /** Due reviews, for kind 'review'. */
  count?: number;
}

const round2 = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;

/**
 * What to do next with a match score: due reviews score highest (forgetting does not wait),
 * practice scores more the weaker the concept (more to gain), a new concept scores by how
 * solid its prerequisites are (readiness).
 */
export function recommendations(snapshot: LearnerSnapshot, limit = 5): CuratedRecommendation[] {
  const standings = new Map<string, ConceptStanding>(snapshot.concepts.map((c) => [c.id, c]));
  const inputs = snapshot.concepts.map((concept) => ({
    ...concept,
    unreadLesson: firstUnreadLesson(snapshot, concept.id),
  }));
  const bySlug = new Map(snapshot.concepts.map((concept) => [concept.slug, concept]));
  return recommend(inputs, standings, snapshot.reviews.dueNow, limit).map((rec): CuratedRecommendation => {
    if (rec.kind === 'review') {
      return {
        kind: 'review',
        reason: rec.reason,
        match: round2(0.9 + 0.01 * Math.min(rec.count, 10)),
        concept: null,
        lesson: null,
        count: rec.count,
      };
    }
    const concept = bySlug.get(rec.concept) ?? null;
    const lesson = rec.kind === 'lesson' ? (snapshot.lessons.find((l) => l.slug === rec.lesson) ?? null) : null;
    if (!concept || concept.status === 'in-progress') {
      return {
        kind: rec.kind,
        reason: rec.reason,
        match: round2(0.5 + 0.4 * (1 - (concept ? strength(concept) : 0))),
        concept,
        lesson,
      };
    }
    const prereqs = concept.prerequisites.map((id) => conceptById(snapshot, id)).filter((c) => c !== undefined);
    const readiness = prereqs.length ? prereqs.reduce((sum, c) => sum + strength(c), 0) / prereqs.length : 1;
    const because = prereqs.length
      ? ` You are ready: ${listWords(prereqs.map((c) => c.title))} ${prereqs.length === 1 ? 'is' : 'are'} Proficient or better.`
      : '';
    return { kind: rec.kind, reason: rec.reason + because, match: round2(0.4 + 0.4 * readiness), concept, lesson };
  });
}

/** The first lesson not yet completed among the frontier concepts, in teaching order. */
export function nextLesson(snapshot: LearnerSnapshot): SnapshotLesson | null {
  for (const concept of snapshot.concepts.filter(isFrontier).sort(byPosition)) {
    const lesson = firstUnreadLesson(snapshot, concept.id);
    if (lesson) return lesson;
  }
  return null;
}

/**
 * The concept a free-text topic means: its slug or title, all of the topic's words in a
 * concept's name ("edge" → Edges), else the concept of the best-matching lesson ("by-value").
 */
export function resolveConcept(snapshot: LearnerSnapshot, topic: string): SnapshotConcept | null {
  const wanted = topic.trim().toLowerCase();
  if (!wanted) return null;
  const exact = snapshot.concepts.find((c) => c.slug === wanted || c.title.toLowerCase() === wanted);
  if (exact) return exact;
  const terms = [...new Set(tokenize(wanted))];
  if (terms.length === 0) return null;
  const named = snapshot.concepts
    .map((concept) => {
      const own = new Set(tokenize(`${concept.slug.replace(/-/g, ' ')} ${concept.title}`));
      return { concept, cover: terms.filter((t) => own.has(t)).length / terms.length, size: own.size };
    })
    .filter((m) => m.cover > 0)
    .sort((a, b) => b.cover - a.cover || a.size - b.size || byPosition(a.concept, b.concept));
  if (named[0]?.cover === 1) return named[0].concept;
  const [hit] = searchLessons(snapshot.lessons, wanted, 1);
  return conceptById(snapshot, hit?.lesson.conceptId) ?? named[0]?.concept ?? null;
}

/**
 * "Explain X": the best-matching paragraph of the course's lessons, quoted with links to the
 * lesson and concept. Paragraphs already quoted in `alreadyShown` (earlier replies) are
 * skipped, so "tell me more" moves on instead of repeating itself.
 */
export function explain(snapshot: LearnerSnapshot, topic: string, alreadyShown: readonly string[] = []): AgentReply {
  const course = snapshot.course.slug;
  const concept = resolveConcept(snapshot, topic);
  const hits = searchLessons(snapshot.lessons, topic, 8);
  const inConcept = concept ? hits.filter((hit) => hit.lesson.conceptId === concept.id) : hits;
  const candidates = inConcept.length ? inConcept : concept ? fallbackHits(snapshot, concept) : hits;
  const shown = (excerpt: string): boolean => alreadyShown.some((text) => text.includes(excerpt));
  // A lesson whose best paragraph was already quoted offers its next unquoted one.
  const fresh = candidates.flatMap((hit) => {
    if (!shown(hit.excerpt)) return [hit];
    const excerpt = proseParagraphs(hit.lesson.body)
      .map((p) => trimAtWord(p))
      .find((p) => !shown(p));
    return excerpt ? [{ ...hit, excerpt }] : [];
  });
  const [best, second] = fresh;
  if (!best) {
    if (concept && candidates.length) {
      return {
        agent: 'content-curator',
        text: `That is everything the lessons of ${concept.title} say about it so far. Practising it is the best next step.`,
        links: [conceptLink(snapshot, concept)],
        action: { kind: 'practice', course, concept: concept.slug, mode: practiceMode(concept) },
      };
    }
    return nothingFound(snapshot, topic);
  }
  const owner = conceptById(snapshot, best.lesson.conceptId);
  const links: AgentLink[] = [lessonLink(snapshot, best.lesson)];
  if (second) links.push(lessonLink(snapshot, second.lesson));
  if (owner) links.push(conceptLink(snapshot, owner));
  let text = `From the lesson "${best.lesson.title}"${owner ? ` (${owner.title})` : ''}:\n\n> ${best.excerpt}`;
  if (second) text += `\n\nThere is more in "${second.lesson.title}".`;
  const unmet = owner?.status === 'locked' ? unmetPrerequisites(snapshot, owner) : [];
  if (owner && unmet.length) {
    text += `\n\n${owner.title} is still locked: it opens once ${listWords(unmet.map((c) => c.title))} ${unmet.length === 1 ? 'is' : 'are'} Proficient.`;
  }
  return { agent: 'content-curator', text, links, action: { kind: 'lesson', course, lesson: best.lesson.slug } };
}

/** A concept found by name whose lessons do not use the topic's words: quote its opening. */
function fallbackHits(snapshot: LearnerSnapshot, concept: SnapshotConcept): LessonHit[] {
  return lessonsOf(snapshot, concept.id).map((lesson) => ({
    lesson,
    score: 0,
    excerpt: trimAtWord(proseParagraphs(lesson.body)[0] ?? lesson.title),
  }));
}

function nothingFound(snapshot: LearnerSnapshot, topic: string): AgentReply {
  const [next] = learningPath(snapshot).filter(isFrontier);
  const intro = `I could not find anything about "${topic}" in ${snapshot.course.title}.`;
  if (!next) return { agent: 'content-curator', text: intro, links: [] };
  const lesson = firstUnreadLesson(snapshot, next.id);
  const links: AgentLink[] = lesson
    ? [lessonLink(snapshot, lesson), conceptLink(snapshot, next)]
    : [conceptLink(snapshot, next)];
  const suggestion = lesson
    ? ` Your next concept is ${next.title}: the lesson "${lesson.title}" is a good place to continue.`
    : ` Your next concept is ${next.title}, which you can practise now.`;
  return {
    agent: 'content-curator',
    text: intro + suggestion,
    links,
    action: lesson
      ? { kind: 'lesson', course: snapshot.course.slug, lesson: lesson.slug }
      : { kind: 'practice', course: snapshot.course.slug, concept: next.slug, mode: practiceMode(next) },
  };
}
