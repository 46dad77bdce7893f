/**
 * Checks a course pack beyond its shape (the zod schema checks that): ids unique, every
 * reference known, the prerequisite graph acyclic, and each item answerable as written.
 * Every problem names where it is, so an author can go straight to it. Authoring rules
 * that only matter for a published course (enough items per concept, a lesson for each,
 * lessons of a readable length) are opt-in, for `npm run content:check`.
 */
import { orderConcepts } from './concept-graph';
import type { CoursePack, Item } from './pack-schema';
import { countWords } from './word-count';

export interface PackProblem {
  /** e.g. `concept walkers-visit`, `item visit-order-1`, `lesson intro` */
  where: string;
  message: string;
}

export interface PublishingRules {
  minItemsPerConcept: number;
  lessonPerConcept: boolean;
  /** Words in each lesson's Markdown body, code included (see word-count.ts). */
  lessonWords?: { min: number; max: number };
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

function itemProblems(item: Item): string[] {
  switch (item.type) {
    case 'multiple-choice': {
      const correct = item.options.filter((option) => option.correct).length;
      return correct === 1 ? [] : [`a multiple-choice item needs exactly one correct option, it has ${correct}`];
    }
    case 'multi-select':
      return item.options.some((option) => option.correct)
        ? []
        : ['a multi-select item needs at least one correct option'];
    case 'fill-blanks': {
      const marked = [...item.code.matchAll(/\{\{([a-z0-9-]+)\}\}/g)].map((match) => match[1]);
      const defined = item.blanks.map((blank) => blank.id);
      return [
        ...marked.filter((id) => id && !defined.includes(id)).map((id) => `{{${id}}} in the code has no blank`),
        ...defined.filter((id) => !marked.includes(id)).map((id) => `blank "${id}" does not appear in the code`),
      ];
    }
    case 'parsons':
      return duplicates(item.lines).length
        ? ['parsons lines must differ from each other, or their order is ambiguous']
        : [];
    default:
      return [];
  }
}

export function validatePack(pack: CoursePack, rules?: PublishingRules): PackProblem[] {
  const problems: PackProblem[] = [];
  const { course, lessons, items } = pack;
  const conceptIds = new Set(course.concepts.map((concept) => concept.id));

  for (const id of duplicates(course.concepts.map((c) => c.id)))
    problems.push({ where: `concept ${id}`, message: 'this id is used twice' });
  for (const id of duplicates(lessons.map((l) => l.id)))
    problems.push({ where: `lesson ${id}`, message: 'this id is used twice' });
  for (const id of duplicates(items.map((i) => i.id)))
    problems.push({ where: `item ${id}`, message: 'this id is used twice' });

  for (const concept of course.concepts) {
    for (const prerequisite of concept.prerequisites) {
      if (!conceptIds.has(prerequisite)) {
        problems.push({
          where: `concept ${concept.id}`,
          message: `prerequisite "${prerequisite}" is not a concept of this course`,
        });
      }
    }
  }
  const ordering = orderConcepts(course.concepts);
  if (!ordering.ok) {
    problems.push({
      where: `concept ${ordering.cycle[0]}`,
      message: `prerequisites form a cycle: ${ordering.cycle.join(' → ')}`,
    });
  }

  for (const lesson of lessons) {
    if (!conceptIds.has(lesson.concept))
      problems.push({ where: `lesson ${lesson.id}`, message: `concept "${lesson.concept}" is not in this course` });
  }
  for (const item of items) {
    if (!conceptIds.has(item.concept))
      problems.push({ where: `item ${item.id}`, message: `concept "${item.concept}" is not in this course` });
    for (const message of itemProblems(item)) problems.push({ where: `item ${item.id}`, message });
  }

  if (rules) {
    for (const concept of course.concepts) {
      const count = items.filter((item) => item.concept === concept.id).length;
      if (count < rules.minItemsPerConcept) {
        problems.push({
          where: `concept ${concept.id}`,
          message: `has ${count} items; a published concept needs at least ${rules.minItemsPerConcept}`,
        });
      }
      if (rules.lessonPerConcept && !lessons.some((lesson) => lesson.concept === concept.id)) {
        problems.push({ where: `concept ${concept.id}`, message: 'has no lesson' });
      }
    }
    if (rules.lessonWords) {
      const { min, max } = rules.lessonWords;
      for (const lesson of lessons) {
        const words = countWords(lesson.body);
        if (words >= min && words <= max) continue;
        problems.push({
          where: `lesson ${lesson.id}`,
          message: `is too ${words < min ? 'short' : 'long'}: ${words} words, code included; a published lesson has ${min}–${max}`,
        });
      }
    }
  }
  return problems;
}
