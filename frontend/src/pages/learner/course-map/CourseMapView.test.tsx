/** The course map's graph: nodes named with their state in teaching order, opened from the keyboard into the panel. */
import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { MapConcept } from './concepts';
import { CourseMapView, type MapView } from './CourseMapView';

function concept(partial: Partial<MapConcept> & Pick<MapConcept, 'slug' | 'title' | 'state'>): MapConcept {
  return {
    summary: `About ${partial.title}.`,
    prerequisites: [],
    lessons: [],
    level: null,
    probability: null,
    answers: 0,
    accuracy: null,
    nextReviewAt: null,
    ...partial,
  };
}

const CONCEPTS: MapConcept[] = [
  concept({
    slug: 'nodes',
    title: 'Nodes and edges',
    state: 'mastered',
    level: 'mastered',
    probability: 0.97,
    answers: 12,
    accuracy: 0.917,
  }),
  concept({
    slug: 'walkers',
    title: 'Walkers',
    state: 'in-progress',
    prerequisites: ['nodes'],
    level: 'familiar',
    probability: 0.62,
    answers: 5,
    accuracy: 0.6,
    lessons: [
      { slug: 'first-walker', title: 'Your first walker', minutes: 8 },
      { slug: 'spawning', title: 'Spawning walkers', minutes: 6 },
    ],
  }),
  concept({ slug: 'edges', title: 'Reading the graph', state: 'available', prerequisites: ['nodes'] }),
  concept({ slug: 'visit', title: 'Traversal with `visit`', state: 'locked', prerequisites: ['walkers', 'edges'] }),
];

afterEach(cleanup);

function renderMap(initialView: MapView = 'graph') {
  const [selected, setSelected] = createSignal<string | null>(null);
  const history = createMemoryHistory();
  history.set({ value: '/courses/osp', scroll: false, replace: true });
  const Page = () => (
    <CourseMapView
      course={{ slug: 'osp', title: 'Object-Spatial Programming' }}
      concepts={CONCEPTS}
      selected={selected()}
      onSelect={setSelected}
      initialView={initialView}
    />
  );
  // The panel's links need a router; the page's own route is all this one has.
  render(() => (
    <MemoryRouter history={history}>
      <Route path="*" component={Page} />
    </MemoryRouter>
  ));
  return { selected };
}

describe('<CourseMapView> graph', () => {
  it('draws every concept as a button named with its state, in teaching order', async () => {
    renderMap();
    const graph = await screen.findByRole('group', { name: /Concept graph of Object-Spatial Programming/ });
    const nodes = within(graph).getAllByRole('button');
    expect(nodes.map((node) => node.getAttribute('aria-label'))).toEqual([
      'Nodes and edges — mastered, 97%',
      'Walkers — in progress, 62%',
      'Reading the graph — available',
      'Traversal with visit — locked',
    ]);
    // Focusable in that order (document order, no positive tabindex).
    expect(nodes.every((node) => node.getAttribute('tabindex') === '0')).toBe(true);
    expect(nodes.map((node) => node.getAttribute('class'))).toEqual([
      'node state-mastered',
      'node state-in-progress',
      'node state-available',
      'node state-locked',
    ]);
    // One arrow per prerequisite.
    expect(graph.querySelectorAll('path.edge')).toHaveLength(4);
  });

  it('opens the concept’s panel with Enter and moves focus to it; Escape closes it and returns focus', async () => {
    const { selected } = renderMap();
    const walkers = await screen.findByRole('button', { name: 'Walkers — in progress, 62%' });
    expect(walkers.getAttribute('aria-expanded')).toBe('false');
    walkers.focus();
    fireEvent.keyDown(walkers, { key: 'Enter' });

    const panel = await screen.findByRole('region', { name: 'Walkers' });
    expect(selected()).toBe('walkers');
    expect(walkers.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Walkers' }));
    expect(within(panel).getByText('In progress · 62%')).toBeTruthy();
    expect(within(panel).getByRole('progressbar', { name: 'Mastery' }).getAttribute('aria-valuenow')).toBe('62');
    expect(within(panel).getByRole('link', { name: 'Your first walker' }).getAttribute('href')).toBe(
      '/courses/osp/lessons/first-walker',
    );
    expect(within(panel).getByRole('link', { name: 'Practise this concept' }).getAttribute('href')).toBe(
      '/courses/osp/practice?concept=walkers',
    );

    fireEvent.keyDown(panel, { key: 'Escape' });
    await screen.findByRole('button', { name: 'Walkers — in progress, 62%' });
    expect(screen.queryByRole('region', { name: 'Walkers' })).toBeNull();
    expect(selected()).toBeNull();
    expect(document.activeElement).toBe(walkers);
  });

  it('opens with Space and with a click; a locked concept offers its lessons but not practice', async () => {
    renderMap();
    const locked = await screen.findByRole('button', { name: 'Traversal with visit — locked' });
    fireEvent.keyDown(locked, { key: ' ' });
    const panel = await screen.findByRole('region', { name: 'Traversal with visit' });
    expect(within(panel).queryByRole('link', { name: 'Practise this concept' })).toBeNull();
    expect(within(panel).getByText(/Unlocks when you reach Proficient/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Nodes and edges — mastered, 97%' }));
    expect(await screen.findByRole('region', { name: 'Nodes and edges' })).toBeTruthy();
  });
});

describe('<CourseMapView> list', () => {
  it('shows the same concepts as a list and switches views', async () => {
    renderMap('list');
    const list = await screen.findByRole('list');
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual([
      'Nodes and edges — mastered, 97%',
      'Walkers — in progress, 62%',
      'Reading the graph — available',
      'Traversal with visit — locked',
    ]);
    fireEvent.click(within(list).getByRole('button', { name: 'Reading the graph — available' }));
    expect(await screen.findByRole('region', { name: 'Reading the graph' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Graph' }));
    expect(await screen.findByRole('group', { name: /Concept graph/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Graph' }).getAttribute('aria-pressed')).toBe('true');
  });
});
