/** Where a lesson sits in its concept: its number, and the lessons before and after it. Pure. */

export interface LessonRef {
  slug: string;
  title: string;
  minutes: number;
}

export interface CourseOutline {
  concepts: readonly { slug: string; title: string; lessons: readonly LessonRef[] }[];
}

export interface LessonPlace {
  concept: { slug: string; title: string };
  /** 1-based. */
  number: number;
  total: number;
  previous: LessonRef | null;
  next: LessonRef | null;
}

export function lessonPlace(course: CourseOutline, concept: string, lesson: string): LessonPlace | null {
  const owner = course.concepts.find((candidate) => candidate.slug === concept);
  const index = owner?.lessons.findIndex((candidate) => candidate.slug === lesson) ?? -1;
  if (!owner || index < 0) return null;
  return {
    concept: { slug: owner.slug, title: owner.title },
    number: index + 1,
    total: owner.lessons.length,
    previous: owner.lessons[index - 1] ?? null,
    next: owner.lessons[index + 1] ?? null,
  };
}
