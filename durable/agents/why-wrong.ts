/**
 * "Why is my answer wrong?": the evaluator's account of the learner's latest graded answer
 * (snapshot.lastFeedback), put into a chat reply with the lesson passage that covers the
 * point. Grading itself belongs to the evaluator; this only reports what it already found,
 * and says so plainly when there is nothing graded yet or the answer was right.
 */
import { recommendations } from './content-curator';
import { conceptById, conceptLink, lessonLink, lessonsOf, practiceMode } from './facts';
import { searchLessons } from './retrieval';
import type { AgentLink, AgentReply, LearnerSnapshot } from './snapshot';

/** "edges-direction-2" → "Edges direction 2": item titles are not in the snapshot. */
export function itemTitle(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function whyWrong(snapshot: LearnerSnapshot): AgentReply {
  const course = snapshot.course.slug;
  const feedback = snapshot.lastFeedback;
  if (!feedback) {
    const next = recommendations(snapshot, 10).find((rec) => rec.concept)?.concept;
    return {
      agent: 'evaluator',
      text: `I have no graded answer of yours to look at yet. Answer a question${next ? ` on ${next.title}` : ''}, and if it goes wrong, ask me again.`,
      links: next ? [conceptLink(snapshot, next)] : [],
      ...(next ? { action: { kind: 'practice' as const, course, concept: next.slug, mode: practiceMode(next) } } : {}),
    };
  }
  const concept = conceptById(snapshot, feedback.conceptId);
  const links: AgentLink[] = [{ kind: 'item', course, slug: feedback.itemSlug, title: itemTitle(feedback.itemSlug) }];
  if (concept) links.push(conceptLink(snapshot, concept));
  const about = concept ? ` on ${concept.title}` : '';
  if (feedback.correct) {
    return {
      agent: 'evaluator',
      text: `Your last answer${about} was right, so nothing went wrong there. ${feedback.explanation}`.trim(),
      links,
    };
  }
  const [hit] = concept ? searchLessons(lessonsOf(snapshot, concept.id), feedback.explanation, 1) : [];
  const parts = [`Here is what went wrong in your last answer${about}:`];
  if (feedback.points.length) parts.push(feedback.points.map((point) => `- ${point}`).join('\n'));
  if (feedback.explanation) parts.push(feedback.explanation);
  if (hit) {
    parts.push(`The lesson "${hit.lesson.title}" covers this:\n> ${hit.excerpt}`);
    links.push(lessonLink(snapshot, hit.lesson));
  }
  return {
    agent: 'evaluator',
    text: parts.join('\n\n'),
    links,
    ...(hit ? { action: { kind: 'lesson' as const, course, lesson: hit.lesson.slug } } : {}),
  };
}
