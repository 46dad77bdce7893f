/**
 * The course map's interactive part: the graph or the list (a switch; phones start on the
 * list), and the open concept's panel beside it. Opening from the keyboard moves focus to
 * the panel's heading; closing puts it back on the concept that opened it.
 */
import { createEffect, createSignal, on, Show, type JSX } from 'solid-js';
import { ConceptGraph } from './ConceptGraph';
import { ConceptList } from './ConceptList';
import { ConceptPanel } from './ConceptPanel';
import type { MapConcept } from './concepts';

export type MapView = 'graph' | 'list';

export interface CourseMapViewProps {
  course: { slug: string; title: string };
  concepts: MapConcept[];
  /** The open concept's slug (the page keeps it in the URL). */
  selected: string | null;
  onSelect: (slug: string | null) => void;
  initialView?: MapView;
}

const PANEL_ID = 'concept-panel';

/** Phones get the list first: at 360 px the graph's labels would be too small to read. */
export function preferredView(): MapView {
  return typeof window !== 'undefined' && window.matchMedia?.('(max-width: 40rem)').matches ? 'list' : 'graph';
}

export function CourseMapView(props: CourseMapViewProps): JSX.Element {
  const [view, setView] = createSignal<MapView>(props.initialView ?? preferredView());
  let views: HTMLDivElement | undefined;
  let heading: HTMLHeadingElement | undefined;
  const selectedConcept = () => props.concepts.find((concept) => concept.slug === props.selected);

  // What to focus or reveal once the new selection (owned by the page) has rendered.
  let focusNext: { panel: string } | { reveal: string } | { node: string } | null = null;
  createEffect(
    on(
      () => props.selected,
      (slug) => {
        const target = focusNext;
        focusNext = null;
        if (target && 'panel' in target && target.panel === slug) heading?.focus();
        // On a phone the panel is below the list: bring it into view for a tap, too.
        if (target && 'reveal' in target && target.reveal === slug) {
          const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
          heading?.scrollIntoView?.({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
        }
        if (target && 'node' in target && slug === null) {
          const nodes = views?.querySelectorAll<HTMLElement | SVGElement>('[data-concept]') ?? [];
          [...nodes].find((node) => node.dataset.concept === target.node)?.focus();
        }
      },
    ),
  );

  function open(slug: string, from: 'keyboard' | 'pointer') {
    // A keyboard user lands on what they opened; a tap or click keeps focus where it was.
    focusNext = from === 'keyboard' ? { panel: slug } : { reveal: slug };
    if (props.selected === slug && from === 'keyboard') heading?.focus();
    props.onSelect(slug);
  }

  function close() {
    focusNext = props.selected ? { node: props.selected } : null;
    props.onSelect(null);
  }

  return (
    <div class="course-map-body">
      <div class="map-switch" role="group" aria-label="Show the course as">
        <button type="button" aria-pressed={view() === 'graph'} onClick={() => setView('graph')}>
          Graph
        </button>
        <button type="button" aria-pressed={view() === 'list'} onClick={() => setView('list')}>
          List
        </button>
      </div>
      <div class="course-map-columns" classList={{ 'has-panel': selectedConcept() !== undefined }}>
        <div class="course-map-view" ref={(element) => (views = element)}>
          <Show
            when={view() === 'graph'}
            fallback={
              <ConceptList concepts={props.concepts} selected={props.selected} panelId={PANEL_ID} onOpen={open} />
            }
          >
            <div class="graph-scroll">
              <ConceptGraph
                courseTitle={props.course.title}
                concepts={props.concepts}
                selected={props.selected}
                panelId={PANEL_ID}
                onOpen={open}
              />
            </div>
          </Show>
        </div>
        <Show when={selectedConcept()}>
          {(concept) => (
            <ConceptPanel
              id={PANEL_ID}
              course={props.course.slug}
              concept={concept()}
              concepts={props.concepts}
              onClose={close}
              headingRef={(element) => (heading = element)}
            />
          )}
        </Show>
      </div>
    </div>
  );
}
