/**
 * A course as a map of concepts: the prerequisite graph with the learner's standing on
 * each concept (locked, available, in progress, mastered), a list view of the same, and
 * a panel per concept with its lessons and practice. The open concept is in the URL
 * (`?concept=slug`), so a lesson's concept link opens it and a reload keeps it open.
 */
import { A, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { mapConcepts, STATE_WORDS, stateCounts, type ConceptState } from './course-map/concepts';
import { CourseMapView } from './course-map/CourseMapView';
import { replaceQuery } from './address';
import './course-map/course-map.css';
import './learner.css';

async function loadMap(course: string) {
  const path = { path: { course } };
  const [graph, skills] = await Promise.all([
    ok(api.GET('/api/courses/{course}', { params: path })),
    ok(api.GET('/api/courses/{course}/skills', { params: path })),
  ]);
  return { course: graph, concepts: mapConcepts(graph, skills) };
}

const STATES: ConceptState[] = ['mastered', 'in-progress', 'available', 'locked'];

export default function CourseMap(): JSX.Element {
  const params = useParams<{ course: string }>();
  const [search] = useSearchParams<{ concept?: string }>();
  const [selected, setSelected] = createSignal<string | null>(search.concept ?? null);
  // Arriving again with another ?concept= (a lesson's link to a concept) opens that one.
  createEffect(
    on(
      () => search.concept,
      (concept) => setSelected(concept ?? null),
      { defer: true },
    ),
  );
  const [map, { refetch }] = createResource(() => params.course, loadMap);
  usePageTitle(() => map.latest?.course.title ?? 'Course map');

  function select(concept: string | null) {
    setSelected(concept);
    replaceQuery({ concept });
  }

  return (
    <div class="course-map">
      <nav aria-label="Breadcrumb" class="muted breadcrumb">
        <A href="/courses">Courses</A> ›
      </nav>
      <h1>{map.latest?.course.title ?? 'Course map'}</h1>
      <Load data={map} retry={() => void refetch()} loading="Loading the course map…">
        {(loaded) => {
          const counts = () => stateCounts(loaded.concepts);
          return (
            <>
              <p>{loaded.course.summary}</p>
              <ul class="course-map-summary" aria-label="Your standing">
                <For each={STATES}>
                  {(state) => (
                    <li class={`state-${state}`}>
                      <span class="swatch" aria-hidden="true" />
                      {counts()[state]} {STATE_WORDS[state]}
                    </li>
                  )}
                </For>
              </ul>
              <CourseMapView
                course={loaded.course}
                concepts={loaded.concepts}
                selected={selected()}
                onSelect={select}
              />
            </>
          );
        }}
      </Load>
    </div>
  );
}
