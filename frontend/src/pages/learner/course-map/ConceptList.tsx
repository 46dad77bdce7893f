/**
 * The course map as a list in teaching order: the same concepts and states as the graph,
 * for phones (where a 360 px graph is too small to read) and for anyone who prefers a
 * list to a drawing. Each entry opens the same panel.
 */
import { For, Show, type JSX } from 'solid-js';
import { InlineCode } from '../InlineCode';
import { percentOf } from '../learner-format';
import { conceptLabel, plainTitle, stateLine, type MapConcept } from './concepts';

export interface ConceptListProps {
  concepts: MapConcept[];
  selected: string | null;
  panelId: string;
  onOpen: (slug: string, from: 'keyboard' | 'pointer') => void;
}

export function ConceptList(props: ConceptListProps): JSX.Element {
  const titleOf = (slug: string) => plainTitle(props.concepts.find((concept) => concept.slug === slug)?.title ?? slug);
  return (
    <ol class="concept-list">
      <For each={props.concepts}>
        {(concept) => (
          <li class={`concept-item state-${concept.state}`} classList={{ selected: props.selected === concept.slug }}>
            <button
              type="button"
              class="concept-open"
              aria-label={conceptLabel(concept)}
              aria-expanded={props.selected === concept.slug}
              aria-controls={props.panelId}
              data-concept={concept.slug}
              // detail is 0 when a click comes from the keyboard (Enter or Space on a button).
              onClick={(event) => props.onOpen(concept.slug, event.detail === 0 ? 'keyboard' : 'pointer')}
            >
              <span class="concept-title">
                <InlineCode text={concept.title} />
              </span>
              <span class={`badge state-badge state-${concept.state}`}>{stateLine(concept)}</span>
            </button>
            <Show when={concept.probability !== null && concept.state !== 'locked'}>
              <div class="progress-bar" aria-hidden="true">
                <span style={{ width: percentOf(concept.probability) }} />
              </div>
            </Show>
            <Show when={concept.prerequisites.length > 0}>
              <p class="hint">Builds on {concept.prerequisites.map(titleOf).join(', ')}</p>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
