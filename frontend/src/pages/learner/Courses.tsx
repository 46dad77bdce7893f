/**
 * The catalogue: every published course, and a search across lessons and concepts
 * (debounced; the query is kept in `?q=` so Back returns to the results). Snippets come
 * as text plus highlight ranges and are drawn as <mark> elements, never parsed as HTML.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { InlineCode } from './InlineCode';
import { replaceQuery } from './address';
import { debounce, MIN_QUERY_LENGTH, snippetSegments } from './search';
import './learner.css';

const SEARCH_DELAY_MS = 300;
const LANGUAGES: Record<string, string> = { jac: 'Jac', javascript: 'JavaScript' };

interface Hit {
  kind: 'lesson' | 'concept';
  course: string;
  slug: string;
  snippet: { text: string; highlights: number[][] };
}

function hitHref(hit: Hit): string {
  return hit.kind === 'lesson'
    ? `/courses/${hit.course}/lessons/${hit.slug}`
    : `/courses/${hit.course}?concept=${encodeURIComponent(hit.slug)}`;
}

function Snippet(props: { snippet: Hit['snippet'] }): JSX.Element {
  return (
    <p class="snippet">
      <For each={snippetSegments(props.snippet.text, props.snippet.highlights)}>
        {(segment) => (segment.marked ? <mark>{segment.text}</mark> : segment.text)}
      </For>
    </p>
  );
}

export default function Courses(): JSX.Element {
  usePageTitle(() => 'Courses');
  const [params] = useSearchParams<{ q?: string }>();
  const [typed, setTyped] = createSignal(params.q ?? '');
  const [query, setQuery] = createSignal((params.q ?? '').trim());
  const settle = debounce((text: string) => {
    setQuery(text.trim());
    replaceQuery({ q: text.trim() });
  }, SEARCH_DELAY_MS);
  onCleanup(() => settle.cancel());

  const [catalogue, { refetch: refetchCatalogue }] = createResource(() =>
    ok(api.GET('/api/courses')).then((answer) => answer.courses),
  );
  const [results, { refetch: refetchResults }] = createResource(
    () => (query().length >= MIN_QUERY_LENGTH ? query() : false),
    (q) => ok(api.GET('/api/search', { params: { query: { q, limit: 20 } } })).then((answer) => answer.hits),
  );
  const courseTitle = (slug: string) => catalogue.latest?.find((course) => course.slug === slug)?.title ?? slug;
  const tooShort = () => typed().trim().length > 0 && typed().trim().length < MIN_QUERY_LENGTH;

  return (
    <div class="courses stack">
      <h1>Courses</h1>
      <form
        role="search"
        class="course-search"
        onSubmit={(event) => {
          event.preventDefault();
          settle.cancel();
          setQuery(typed().trim());
          replaceQuery({ q: typed().trim() });
        }}
      >
        <div class="field">
          <label for="course-search">Search lessons and concepts</label>
          <input
            id="course-search"
            type="search"
            value={typed()}
            autocomplete="off"
            aria-describedby="course-search-hint"
            onInput={(event) => {
              setTyped(event.currentTarget.value);
              settle(event.currentTarget.value);
            }}
          />
          <p class="hint" id="course-search-hint">
            Words, "an exact phrase", or -word to leave a word out.
          </p>
        </div>
      </form>

      <div aria-live="polite" class="search-status">
        <Show when={tooShort()}>
          <p class="hint">Type at least {MIN_QUERY_LENGTH} characters to search.</p>
        </Show>
      </div>
      <Show when={query().length >= MIN_QUERY_LENGTH}>
        <section aria-labelledby="results-heading" class="search-results">
          <h2 id="results-heading">Results for “{query()}”</h2>
          <Load
            data={results}
            retry={() => void refetchResults()}
            loading="Searching…"
            isEmpty={(hits) => hits.length === 0}
            empty={<p>Nothing matches “{query()}”. Try fewer or different words.</p>}
          >
            {(hits) => (
              <>
                <p class="visually-hidden" role="status">
                  {hits.length} {hits.length === 1 ? 'result' : 'results'}
                </p>
                <ol class="hit-list">
                  <For each={hits}>
                    {(hit) => (
                      <li class="card hit">
                        <p class="hit-kind muted">
                          <span class="badge">{hit.kind === 'lesson' ? 'Lesson' : 'Concept'}</span>{' '}
                          {courseTitle(hit.course)}
                        </p>
                        <h3>
                          <A href={hitHref(hit)}>
                            <InlineCode text={hit.title} />
                          </A>
                        </h3>
                        <Snippet snippet={hit.snippet} />
                      </li>
                    )}
                  </For>
                </ol>
              </>
            )}
          </Load>
        </section>
      </Show>

      <section aria-labelledby="catalogue-heading">
        <h2 id="catalogue-heading">All courses</h2>
        <Load
          data={catalogue}
          retry={() => void refetchCatalogue()}
          loading="Loading the courses…"
          isEmpty={(courses) => courses.length === 0}
          empty={<p>No course is published yet.</p>}
        >
          {(courses) => (
            <ul class="grid course-cards">
              <For each={courses}>
                {(course) => (
                  <li class="card course-card">
                    <span class="badge">{LANGUAGES[course.language] ?? course.language}</span>
                    <h3>
                      <A href={`/courses/${course.slug}`}>{course.title}</A>
                    </h3>
                    <p>{course.summary}</p>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Load>
      </section>
    </div>
  );
}
