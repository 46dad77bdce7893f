/**
 * One concept, opened from the graph or the list: the learner's mastery, what it needs,
 * its lessons (links to the reader) and "Practise this concept", which goes to the
 * practice screen with `?concept=slug`. Escape closes it.
 */
import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { dueWords, percentOf, plural } from '../learner-format';
import { InlineCode } from '../InlineCode';
import { LEVEL_WORDS, stateLine, STATE_WORDS, type MapConcept } from './concepts';

export interface ConceptPanelProps {
  id: string;
  course: string;
  concept: MapConcept;
  /** Every concept of the course, for the prerequisites' names and states. */
  concepts: MapConcept[];
  onClose: () => void;
  headingRef?: (element: HTMLHeadingElement) => void;
}

export function ConceptPanel(props: ConceptPanelProps): JSX.Element {
  const headingId = () => `${props.id}-heading`;
  const prerequisites = () =>
    props.concept.prerequisites.flatMap((slug) => props.concepts.find((concept) => concept.slug === slug) ?? []);
  const locked = () => props.concept.state === 'locked';
  const mastery = () => props.concept.probability;

  return (
    <section
      id={props.id}
      class="card concept-panel stack"
      aria-labelledby={headingId()}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <div class="row spread concept-panel-head">
        <h2 id={headingId()} tabindex="-1" ref={(element) => props.headingRef?.(element)}>
          <InlineCode text={props.concept.title} />
        </h2>
        <button type="button" class="link" onClick={() => props.onClose()}>
          Close<span class="visually-hidden"> {props.concept.title.replaceAll('`', '')}</span>
        </button>
      </div>
      <p>
        <span class={`badge state-badge state-${props.concept.state}`}>{stateLine(props.concept)}</span>
        <Show when={props.concept.level}>{(level) => <span class="muted"> · Level: {LEVEL_WORDS[level()]}</span>}</Show>
      </p>
      <Show when={mastery() !== null}>
        <div
          class="progress-bar mastery-bar"
          role="progressbar"
          aria-label="Mastery"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow={Math.round((mastery() ?? 0) * 100)}
        >
          <span style={{ width: percentOf(mastery()) }} />
        </div>
      </Show>
      <p>
        <InlineCode text={props.concept.summary} />
      </p>
      <Show when={props.concept.answers > 0}>
        <p class="muted">
          {plural(props.concept.answers, 'answer')}, {percentOf(props.concept.accuracy)} right
          <Show when={props.concept.nextReviewAt}>{(due) => <> · next review {dueWords(due(), new Date())}</>}</Show>
        </p>
      </Show>

      <Show when={prerequisites().length > 0}>
        <div>
          <h3>Builds on</h3>
          <ul class="prerequisite-list">
            <For each={prerequisites()}>
              {(prerequisite) => (
                <li>
                  <InlineCode text={prerequisite.title} />{' '}
                  <span class="muted">({STATE_WORDS[prerequisite.state]})</span>
                </li>
              )}
            </For>
          </ul>
          <Show when={locked()}>
            <p class="hint">Unlocks when you reach Proficient (80%) in each of these.</p>
          </Show>
        </div>
      </Show>

      <div>
        <h3>Lessons</h3>
        <Show when={props.concept.lessons.length > 0} fallback={<p class="muted">This concept has no lesson yet.</p>}>
          <ol class="lesson-list">
            <For each={props.concept.lessons}>
              {(lesson) => (
                <li>
                  <A href={`/courses/${props.course}/lessons/${lesson.slug}`}>
                    <InlineCode text={lesson.title} />
                  </A>{' '}
                  <span class="muted">· {lesson.minutes} min</span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </div>

      <Show
        when={!locked()}
        fallback={<p class="muted">Practice opens once this concept unlocks; its lessons can be read now.</p>}
      >
        <p>
          <A
            href={`/courses/${props.course}/practice?concept=${encodeURIComponent(props.concept.slug)}`}
            class="button primary"
          >
            Practise this concept
          </A>
        </p>
      </Show>
    </section>
  );
}
