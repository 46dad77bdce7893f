/**
 * Course details (title, language, concept titles) for the practice screens, fetched once
 * per course and shared: the review queue mixes courses, and an item only names its
 * course and concept by slug. A failed fetch is retried on the next read; until then
 * screens fall back to the slug in words.
 */
import { createSignal } from 'solid-js';
import { api, ok, type Schemas } from '../../../api/client';
import { humanize } from './format';

export type Course = Schemas['Course'];

export interface CourseDirectory {
  /** The course once loaded (reading it starts the load). */
  course: (slug: string) => Course | undefined;
  /** A concept's title, or its slug in words until the course has loaded. */
  conceptTitle: (course: string, concept: string) => string;
  /** The course's programming language ("jac", "javascript"), or "" until loaded. */
  language: (course: string) => string;
}

export function createCourseDirectory(): CourseDirectory {
  const [courses, setCourses] = createSignal<Record<string, Course>>({});
  const loading = new Set<string>();

  function load(slug: string) {
    if (loading.has(slug)) return;
    loading.add(slug);
    ok(api.GET('/api/courses/{course}', { params: { path: { course: slug } } }))
      .then((course) => setCourses((known) => ({ ...known, [slug]: course })))
      .catch(() => loading.delete(slug));
  }

  const course = (slug: string) => {
    const known = courses()[slug];
    if (!known) load(slug);
    return known;
  };
  return {
    course,
    conceptTitle: (slug, concept) =>
      course(slug)?.concepts.find((candidate) => candidate.slug === concept)?.title ?? humanize(concept),
    language: (slug) => course(slug)?.language ?? '',
  };
}
