/** The course map's layered layout: rows by longest path, few crossings, no overlaps, edges that run downward. */
import { describe, expect, it } from 'vitest';
import {
  countCrossings,
  DEFAULT_LAYOUT,
  edgePath,
  layoutGraph,
  longestPathLayers,
  orderRows,
  placeRow,
  wrapLabel,
  type LayoutInput,
} from './layout';

const node = (id: string, ...prerequisites: string[]): LayoutInput => ({ id, prerequisites });

// The real "Object-Spatial Programming with Jac" graph, in teaching order.
const JAC_COURSE: LayoutInput[] = [
  node('first-programs'),
  node('control-flow', 'first-programs'),
  node('collections', 'first-programs'),
  node('functions', 'control-flow'),
  node('objects', 'functions', 'collections'),
  node('nodes-edges', 'objects'),
  node('building-graphs', 'nodes-edges'),
  node('edge-references', 'building-graphs'),
  node('walkers', 'nodes-edges'),
  node('visit-traversal', 'walkers', 'edge-references'),
  node('here-self-visitor', 'visit-traversal'),
  node('report-disengage', 'visit-traversal'),
  node('filtering', 'edge-references', 'walkers'),
  node('walkers-as-agents', 'here-self-visitor', 'report-disengage', 'filtering'),
  node('modules-imports', 'functions', 'objects'),
  node('by-llm', 'modules-imports', 'walkers-as-agents'),
];

describe('longestPathLayers', () => {
  it('puts each concept one row below its deepest prerequisite', () => {
    const layers = longestPathLayers(JAC_COURSE);
    expect(layers.get('first-programs')).toBe(0);
    expect(layers.get('control-flow')).toBe(1);
    expect(layers.get('collections')).toBe(1);
    // functions (2) is deeper than collections (1): objects goes under functions.
    expect(layers.get('objects')).toBe(3);
    expect(layers.get('walkers')).toBe(5);
    expect(layers.get('visit-traversal')).toBe(7);
    expect(layers.get('by-llm')).toBe(10);
    for (const concept of JAC_COURSE) {
      for (const prerequisite of concept.prerequisites) {
        expect(layers.get(concept.id)).toBeGreaterThan(layers.get(prerequisite) as number);
      }
    }
  });

  it('does not depend on the input order, and ignores unknown prerequisites', () => {
    const reversed = longestPathLayers([...JAC_COURSE].reverse());
    expect(Object.fromEntries(reversed)).toEqual(Object.fromEntries(longestPathLayers(JAC_COURSE)));
    expect(longestPathLayers([node('a', 'missing'), node('b', 'a')])).toEqual(
      new Map([
        ['a', 0],
        ['b', 1],
      ]),
    );
  });

  it('refuses a cycle instead of looping forever', () => {
    expect(() => longestPathLayers([node('a', 'c'), node('b', 'a'), node('c', 'b')])).toThrow(/cycle/);
  });
});

describe('crossings', () => {
  it('counts pairs of edges that swap sides between two rows', () => {
    const below = new Map([
      ['a', ['d']],
      ['b', ['c']],
    ]);
    expect(
      countCrossings(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        below,
      ),
    ).toBe(1);
    expect(
      countCrossings(
        [
          ['a', 'b'],
          ['d', 'c'],
        ],
        below,
      ),
    ).toBe(0);
  });

  it('untangles a crossing that the teaching order would draw', () => {
    const below = new Map([
      ['a', ['d']],
      ['b', ['c']],
    ]);
    const above = new Map([
      ['d', ['a']],
      ['c', ['b']],
    ]);
    const ordered = orderRows(
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      below,
      above,
    );
    expect(ordered.crossings).toBe(0);
    expect(ordered.rows[1]).toEqual(['d', 'c']);
  });

  // Each course has two concepts sharing the same two prerequisites (a K2,2), which no
  // drawing in rows can untangle: one crossing is the least possible, and the barycentre
  // ties there (equal weights) need the neighbour swaps to reach it.
  it('draws both real courses with the fewest crossings possible', () => {
    expect(layoutGraph(JAC_COURSE).crossings).toBe(1);
    const jsCourse = [
      node('adjacency-lists'),
      node('neighbours-degrees', 'adjacency-lists'),
      node('breadth-first', 'neighbours-degrees'),
      node('depth-first', 'neighbours-degrees'),
      node('typed-graphs', 'neighbours-degrees'),
      node('walkers', 'breadth-first', 'typed-graphs'),
      node('reporting-stopping', 'walkers', 'depth-first'),
      node('shortest-paths', 'breadth-first', 'typed-graphs'),
    ];
    expect(layoutGraph(jsCourse).crossings).toBe(1);
  });
});

describe('layoutGraph', () => {
  const layout = layoutGraph(JAC_COURSE);
  const placed = (id: string) => {
    const found = layout.nodes.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`${id} was not placed`);
    return found;
  };

  it('returns the nodes in teaching order with their rows', () => {
    expect(layout.nodes.map((box) => box.id)).toEqual(JAC_COURSE.map((concept) => concept.id));
    expect(layout.rows).toHaveLength(11);
    expect(layout.rows.flat().sort()).toEqual(JAC_COURSE.map((concept) => concept.id).sort());
  });

  it('keeps nodes apart within a row and inside the drawing', () => {
    for (const row of layout.rows) {
      const boxes = row.map(placed);
      boxes.slice(1).forEach((box, i) => {
        const left = boxes[i] as (typeof boxes)[number];
        expect(box.x).toBeGreaterThanOrEqual(left.x + DEFAULT_LAYOUT.nodeWidth + DEFAULT_LAYOUT.columnGap);
        expect(box.y).toBe(left.y);
      });
    }
    for (const box of layout.nodes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('routes every edge downward from the prerequisite to the concept, through each row it passes', () => {
    expect(layout.edges).toHaveLength(JAC_COURSE.reduce((sum, concept) => sum + concept.prerequisites.length, 0));
    for (const edge of layout.edges) {
      const from = placed(edge.from);
      const to = placed(edge.to);
      expect(edge.points[0]).toEqual({ x: from.x + from.width / 2, y: from.y + from.height });
      expect(edge.points.at(-1)).toEqual({ x: to.x + to.width / 2, y: to.y });
      // Two points (a vertical run) per row skipped.
      expect(edge.points).toHaveLength(2 + 2 * (to.layer - from.layer - 1));
      const heights = edge.points.map((point) => point.y);
      expect(heights).toEqual([...heights].sort((a, b) => a - b));
      expect(new Set(heights).size).toBe(heights.length);
    }
    const long = layout.edges.find((edge) => edge.from === 'functions' && edge.to === 'modules-imports');
    expect(long?.points.length).toBeGreaterThan(2);
  });

  it('lays out a lone concept and an empty course', () => {
    const single = layoutGraph([node('only')]);
    expect(single.nodes[0]).toMatchObject({ x: DEFAULT_LAYOUT.margin, y: DEFAULT_LAYOUT.margin });
    expect(single.width).toBe(DEFAULT_LAYOUT.nodeWidth + 2 * DEFAULT_LAYOUT.margin);
    expect(layoutGraph([])).toMatchObject({ nodes: [], edges: [], width: 2 * DEFAULT_LAYOUT.margin, height: 0 });
  });
});

describe('coordinates', () => {
  it('keeps a chain of concepts in one straight column', () => {
    const chain = layoutGraph([node('a'), node('b', 'a'), node('c', 'b')]);
    expect(new Set(chain.nodes.map((box) => box.x)).size).toBe(1);
  });

  it('centres a concept under the two it builds on', () => {
    const diamond = layoutGraph([
      node('top'),
      node('left', 'top'),
      node('right', 'top'),
      node('bottom', 'left', 'right'),
    ]);
    const at = (id: string) => diamond.nodes.find((box) => box.id === id)?.x ?? Number.NaN;
    expect(at('bottom')).toBeCloseTo((at('left') + at('right')) / 2);
    expect(at('top')).toBeCloseTo(at('bottom'));
  });

  it('places a row as near its wishes as order and spacing allow', () => {
    const gap = () => 10;
    expect(placeRow(['a', 'b'], [0, 50], gap)).toEqual([0, 50]);
    // Both want the same spot: they split the difference, 10 apart.
    expect(placeRow(['a', 'b'], [20, 20], gap)).toEqual([15, 25]);
    expect(placeRow(['a', 'b', 'c'], [5, 0, 40], gap)).toEqual([-2.5, 7.5, 40]);
  });
});

describe('edgePath', () => {
  it('curves between rows and runs straight down through a row', () => {
    expect(
      edgePath([
        { x: 10, y: 0 },
        { x: 50, y: 40 },
        { x: 50, y: 100 },
      ]),
    ).toBe('M10,0 C10,20 50,20 50,40 L50,100');
    expect(edgePath([])).toBe('');
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces into lines that fit', () => {
    expect(wrapLabel('Walkers and abilities', 12)).toEqual(['Walkers and', 'abilities']);
    expect(wrapLabel('Functions', 12)).toEqual(['Functions']);
  });

  it('ends what does not fit in an ellipsis and cuts words longer than a line', () => {
    expect(wrapLabel('One two three four five six', 9)).toEqual(['One two', 'three…']);
    expect(wrapLabel('Supercalifragilistic', 8)).toEqual(['Superca…']);
  });
});
