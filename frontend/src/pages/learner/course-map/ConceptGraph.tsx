/**
 * The concept graph as SVG: one node per concept showing its state (colour, icon and
 * words, so colour is never the only cue), arrows from each prerequisite. Nodes are
 * buttons in teaching order, so Tab walks the course as it is taught and Enter or Space
 * opens the concept's panel; each is named with its state ("Walkers — mastered, 92%").
 */
import { createMemo, For, Show, type JSX } from 'solid-js';
import { conceptLabel, plainTitle, stateLine, type ConceptState, type MapConcept } from './concepts';
import { edgePath, layoutGraph, wrapLabel } from './layout';

export interface ConceptGraphProps {
  courseTitle: string;
  concepts: MapConcept[];
  selected: string | null;
  /** The id of the panel a node opens, for aria-controls. */
  panelId: string;
  onOpen: (slug: string, from: 'keyboard' | 'pointer') => void;
}

/** About what fits beside the icon in a node at 14 px bold (the layout's node width). */
const TITLE_CHARS = 18;

/** A small glyph per state, drawn in a 16×16 box. */
function StateIcon(props: { state: ConceptState; x: number; y: number }): JSX.Element {
  return (
    <g class="state-icon" transform={`translate(${props.x} ${props.y})`} aria-hidden="true">
      {props.state === 'locked' && (
        <>
          <rect x="3" y="7" width="10" height="8" rx="1.5" />
          <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" class="icon-line" />
        </>
      )}
      {props.state === 'available' && <circle cx="8" cy="8" r="6" class="icon-line" />}
      {props.state === 'in-progress' && (
        <>
          <circle cx="8" cy="8" r="6" class="icon-line" />
          <path d="M8 2a6 6 0 0 1 0 12z" />
        </>
      )}
      {props.state === 'mastered' && (
        <>
          <circle cx="8" cy="8" r="7" />
          <path d="M4.5 8.2l2.3 2.3 4.7-4.9" class="icon-check" />
        </>
      )}
    </g>
  );
}

export function ConceptGraph(props: ConceptGraphProps): JSX.Element {
  // The drawing depends on the graph's shape only; states change colours, not positions.
  const shape = createMemo(() =>
    props.concepts.map((concept) => `${concept.slug}<${concept.prerequisites.join(',')}`).join(';'),
  );
  const layout = createMemo(() => {
    shape();
    return layoutGraph(props.concepts.map((concept) => ({ id: concept.slug, prerequisites: concept.prerequisites })));
  });
  const bySlug = createMemo(() => new Map(props.concepts.map((concept) => [concept.slug, concept])));

  function keyDown(event: KeyboardEvent, slug: string) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onOpen(slug, 'keyboard');
    }
  }

  return (
    <svg
      class="concept-graph"
      viewBox={`0 0 ${layout().width} ${layout().height}`}
      style={{ 'max-width': `${layout().width}px` }}
      role="group"
      aria-label={`Concept graph of ${props.courseTitle}: ${props.concepts.length} concepts, arrows from each prerequisite`}
    >
      <defs>
        <marker
          id="course-map-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="9"
          markerHeight="9"
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
        </marker>
      </defs>
      <g class="edges" aria-hidden="true">
        <For each={layout().edges}>
          {(edge) => (
            <path
              d={edgePath(edge.points)}
              class="edge"
              classList={{
                'edge-locked': bySlug().get(edge.to)?.state === 'locked',
                'edge-selected': props.selected === edge.to || props.selected === edge.from,
              }}
              marker-end="url(#course-map-arrow)"
            />
          )}
        </For>
      </g>
      <For each={layout().nodes}>
        {(placed) => {
          const concept = () => bySlug().get(placed.id);
          const lines = () => wrapLabel(plainTitle(concept()?.title ?? placed.id), TITLE_CHARS);
          return (
            <Show when={concept()}>
              {(c) => (
                <g
                  class={`node state-${c().state}`}
                  classList={{ selected: props.selected === placed.id }}
                  transform={`translate(${placed.x} ${placed.y})`}
                  role="button"
                  tabindex="0"
                  aria-label={conceptLabel(c())}
                  aria-expanded={props.selected === placed.id}
                  aria-controls={props.panelId}
                  data-concept={placed.id}
                  onClick={() => props.onOpen(placed.id, 'pointer')}
                  onKeyDown={(event) => keyDown(event, placed.id)}
                >
                  <rect class="focus-ring" x="-4" y="-4" width={placed.width + 8} height={placed.height + 8} rx="13" />
                  <rect class="node-box" width={placed.width} height={placed.height} rx="10" />
                  <StateIcon state={c().state} x={10} y={lines().length > 1 ? 10 : 14} />
                  <text class="node-title" x="32" y={lines().length > 1 ? 22 : 27} aria-hidden="true">
                    <For each={lines()}>
                      {(line, index) => (
                        <tspan x="32" dy={index() === 0 ? 0 : 16}>
                          {line}
                        </tspan>
                      )}
                    </For>
                  </text>
                  <text class="node-state" x="32" y={placed.height - 17} aria-hidden="true">
                    {stateLine(c())}
                  </text>
                  <Show when={c().probability !== null && c().state !== 'locked'}>
                    <rect
                      class="node-meter-track"
                      x="10"
                      y={placed.height - 9}
                      width={placed.width - 20}
                      height="4"
                      rx="2"
                    />
                    <rect
                      class="node-meter"
                      x="10"
                      y={placed.height - 9}
                      width={Math.max(2, (placed.width - 20) * (c().probability ?? 0))}
                      height="4"
                      rx="2"
                    />
                  </Show>
                </g>
              )}
            </Show>
          );
        }}
      </For>
    </svg>
  );
}
