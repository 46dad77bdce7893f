/**
 * Where the course map draws each concept: a layered drawing of the prerequisite graph
 * (after Sugiyama et al.). Layers by longest path (a concept sits one row below its
 * deepest prerequisite), long edges broken into virtual points one per row they cross,
 * the order within rows chosen by barycentre sweeps that keep the arrangement with the
 * fewest crossings, then coordinates with each row centred. Pure: ids in, numbers out.
 */

export interface LayoutInput {
  id: string;
  /** Ids of the concepts this one builds on; unknown ids are ignored. */
  prerequisites: readonly string[];
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between neighbours in a row. */
  columnGap: number;
  /** Vertical space between rows (where edges run). */
  rowGap: number;
  /** Width reserved in a row for an edge passing through it. */
  passWidth: number;
  margin: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  nodeWidth: 196,
  nodeHeight: 72,
  columnGap: 28,
  rowGap: 44,
  passWidth: 16,
  margin: 12,
};

export interface Point {
  x: number;
  y: number;
}

export interface NodePlacement {
  id: string;
  layer: number;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EdgeRoute {
  /** The prerequisite. */
  from: string;
  /** The concept that builds on it. */
  to: string;
  /** From the bottom of `from`, through each row it passes, to the top of `to`. */
  points: Point[];
}

export interface GraphLayout {
  /** In input order (teaching order), so drawing them in this order keeps Tab order. */
  nodes: NodePlacement[];
  edges: EdgeRoute[];
  /** Real ids per row, left to right. */
  rows: string[][];
  crossings: number;
  width: number;
  height: number;
}

/** Row of each node: 0 without prerequisites, else one below its deepest prerequisite. */
export function longestPathLayers(nodes: readonly LayoutInput[]): Map<string, number> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new Error(`The prerequisites form a cycle through "${id}".`);
    visiting.add(id);
    let depth = 0;
    for (const prerequisite of byId.get(id)?.prerequisites ?? []) {
      if (byId.has(prerequisite) && prerequisite !== id) depth = Math.max(depth, visit(prerequisite) + 1);
    }
    visiting.delete(id);
    layer.set(id, depth);
    return depth;
  };
  nodes.forEach((node) => visit(node.id));
  return layer;
}

/** The graph with virtual points: every edge joins adjacent rows. */
interface Layered {
  rows: string[][];
  below: Map<string, string[]>;
  above: Map<string, string[]>;
  virtual: Set<string>;
  /** Each real edge as the chain of ids it runs through, prerequisite first. */
  chains: { from: string; to: string; path: string[] }[];
}

function layered(nodes: readonly LayoutInput[], layers: Map<string, number>): Layered {
  const ids = new Set(nodes.map((node) => node.id));
  const depth = Math.max(-1, ...layers.values()) + 1;
  const rows: string[][] = Array.from({ length: depth }, () => []);
  const below = new Map<string, string[]>();
  const above = new Map<string, string[]>();
  const virtual = new Set<string>();
  const chains: Layered['chains'] = [];
  const link = (upper: string, lower: string) => {
    below.set(upper, [...(below.get(upper) ?? []), lower]);
    above.set(lower, [...(above.get(lower) ?? []), upper]);
  };
  for (const node of nodes) rows[layers.get(node.id) ?? 0]?.push(node.id);
  for (const node of nodes) {
    const to = layers.get(node.id) ?? 0;
    for (const prerequisite of new Set(node.prerequisites)) {
      if (!ids.has(prerequisite) || prerequisite === node.id) continue;
      const from = layers.get(prerequisite) ?? 0;
      const path = [prerequisite];
      for (let row = from + 1; row < to; row++) {
        const point = `${prerequisite}\u0000${node.id}\u0000${row}`;
        virtual.add(point);
        rows[row]?.push(point);
        path.push(point);
      }
      path.push(node.id);
      for (let i = 1; i < path.length; i++) link(path[i - 1] as string, path[i] as string);
      chains.push({ from: prerequisite, to: node.id, path });
    }
  }
  return { rows, below, above, virtual, chains };
}

/** Crossings between two adjacent rows: edges (a→b), (c→d) cross when a is left of c and b right of d. */
function pairCrossings(
  upper: readonly string[],
  lower: readonly string[],
  below: ReadonlyMap<string, readonly string[]>,
) {
  const lowerIndex = new Map(lower.map((id, index) => [id, index]));
  const edges: [number, number][] = [];
  upper.forEach((id, from) => {
    for (const target of below.get(id) ?? []) {
      const to = lowerIndex.get(target);
      if (to !== undefined) edges.push([from, to]);
    }
  });
  let crossings = 0;
  edges.forEach(([a, b], i) => {
    for (const [c, d] of edges.slice(i + 1)) if ((a - c) * (b - d) < 0) crossings++;
  });
  return crossings;
}

/** Crossings between every pair of adjacent rows. */
export function countCrossings(rows: readonly (readonly string[])[], below: ReadonlyMap<string, readonly string[]>) {
  let crossings = 0;
  for (let r = 0; r + 1 < rows.length; r++) crossings += pairCrossings(rows[r] ?? [], rows[r + 1] ?? [], below);
  return crossings;
}

/** Crossings on the two sides of row `r`. */
function crossingsAround(
  rows: readonly (readonly string[])[],
  r: number,
  below: ReadonlyMap<string, readonly string[]>,
) {
  const above = r > 0 ? pairCrossings(rows[r - 1] ?? [], rows[r] ?? [], below) : 0;
  return above + (r + 1 < rows.length ? pairCrossings(rows[r] ?? [], rows[r + 1] ?? [], below) : 0);
}

/**
 * Swaps neighbours in a row while that removes crossings: barycentres tie when two ids
 * share their neighbours, and only a look at the actual crossings can break the tie well.
 */
function transpose(rows: string[][], below: ReadonlyMap<string, readonly string[]>): void {
  for (let improved = true, rounds = 0; improved && rounds < 20; rounds++) {
    improved = false;
    rows.forEach((row, r) => {
      for (let i = 0; i + 1 < row.length; i++) {
        const before = crossingsAround(rows, r, below);
        [row[i], row[i + 1]] = [row[i + 1] as string, row[i] as string];
        if (crossingsAround(rows, r, below) < before) improved = true;
        else [row[i], row[i + 1]] = [row[i + 1] as string, row[i] as string];
      }
    });
  }
}

/**
 * Reorders `row` by the mean position of each id's neighbours in the reference row; an id
 * without neighbours there keeps its place, and ties keep the current order (stable).
 */
function byBarycentre(row: readonly string[], reference: readonly string[], neighbours: Map<string, string[]>) {
  const position = new Map(reference.map((id, index) => [id, index]));
  const weight = row.map((id, index) => {
    const places = (neighbours.get(id) ?? []).flatMap((n) => {
      const p = position.get(n);
      return p === undefined ? [] : [p];
    });
    // Scaled to the reference row's width so nodes without neighbours stay roughly in place.
    const scale = reference.length / Math.max(1, row.length);
    return places.length ? places.reduce((sum, p) => sum + p, 0) / places.length : index * scale;
  });
  return row
    .map((id, index) => ({ id, index, weight: weight[index] as number }))
    .sort((a, b) => a.weight - b.weight || a.index - b.index)
    .map((entry) => entry.id);
}

const SWEEPS = 6;

/**
 * Orders each row to reduce crossings: alternating upward and downward barycentre sweeps,
 * each followed by neighbour swaps, keeping the best arrangement seen.
 */
export function orderRows(
  initial: readonly (readonly string[])[],
  below: Map<string, string[]>,
  above: Map<string, string[]>,
): { rows: string[][]; crossings: number } {
  const rows = initial.map((row) => [...row]);
  // The first downward pass places virtual points under their sources before anything is counted.
  for (let r = 1; r < rows.length; r++) rows[r] = byBarycentre(rows[r] as string[], rows[r - 1] as string[], above);
  transpose(rows, below);
  let best = { rows: rows.map((row) => [...row]), crossings: countCrossings(rows, below) };
  for (let sweep = 0; sweep < SWEEPS && best.crossings > 0; sweep++) {
    if (sweep % 2 === 0) {
      for (let r = rows.length - 2; r >= 0; r--) {
        rows[r] = byBarycentre(rows[r] as string[], rows[r + 1] as string[], below);
      }
    } else {
      for (let r = 1; r < rows.length; r++) rows[r] = byBarycentre(rows[r] as string[], rows[r - 1] as string[], above);
    }
    transpose(rows, below);
    const crossings = countCrossings(rows, below);
    if (crossings < best.crossings) best = { rows: rows.map((row) => [...row]), crossings };
  }
  return best;
}

const STRAIGHTENING_PASSES = 8;

/**
 * Positions for a row's ids as close to `desired` as their order and spacing allow: the
 * mean of packing them from the left (each pushed right of its neighbour) and from the
 * right, which keeps every gap and leans neither way.
 */
export function placeRow(
  row: readonly string[],
  desired: readonly number[],
  gapBetween: (left: string, right: string) => number,
): number[] {
  const fromLeft = [...desired];
  for (let i = 1; i < row.length; i++) {
    const min = (fromLeft[i - 1] as number) + gapBetween(row[i - 1] as string, row[i] as string);
    fromLeft[i] = Math.max(fromLeft[i] as number, min);
  }
  const fromRight = [...desired];
  for (let i = row.length - 2; i >= 0; i--) {
    const max = (fromRight[i + 1] as number) - gapBetween(row[i] as string, row[i + 1] as string);
    fromRight[i] = Math.min(fromRight[i] as number, max);
  }
  return fromLeft.map((left, i) => (left + (fromRight[i] as number)) / 2);
}

export function layoutGraph(nodes: readonly LayoutInput[], options: LayoutOptions = DEFAULT_LAYOUT): GraphLayout {
  const layers = longestPathLayers(nodes);
  const graph = layered(nodes, layers);
  const { rows, crossings } = orderRows(graph.rows, graph.below, graph.above);
  const widthOf = (id: string) => (graph.virtual.has(id) ? options.passWidth : options.nodeWidth);
  const rowWidth = (row: readonly string[]) =>
    row.reduce((sum, id) => sum + widthOf(id), 0) + Math.max(0, row.length - 1) * options.columnGap;
  const inner = Math.max(0, ...rows.map(rowWidth));
  // Start with each row centred, then pull every id toward its neighbours' mean so edges
  // run straighter, the rows keeping their order and spacing.
  const x = new Map<string, number>();
  rows.forEach((row) => {
    let left = (inner - rowWidth(row)) / 2;
    for (const id of row) {
      x.set(id, left + widthOf(id) / 2);
      left += widthOf(id) + options.columnGap;
    }
  });
  const gapBetween = (a: string, b: string) => widthOf(a) / 2 + options.columnGap + widthOf(b) / 2;
  for (let pass = 0; pass < STRAIGHTENING_PASSES; pass++) {
    const downward = pass % 2 === 0;
    const order = downward ? rows.keys() : [...rows.keys()].reverse();
    for (const r of order) {
      const row = rows[r] as string[];
      const desired = row.map((id) => {
        const neighbours = (downward ? graph.above : graph.below).get(id) ?? [];
        const places = neighbours.map((n) => x.get(n) ?? 0);
        return places.length ? places.reduce((sum, p) => sum + p, 0) / places.length : (x.get(id) ?? 0);
      });
      placeRow(row, desired, gapBetween).forEach((position, i) => x.set(row[i] as string, position));
    }
  }
  const leftmost = Math.min(...[...x].map(([id, centre]) => centre - widthOf(id) / 2));
  const rightmost = Math.max(...[...x].map(([id, centre]) => centre + widthOf(id) / 2));
  const shift = options.margin - (Number.isFinite(leftmost) ? leftmost : 0);
  const centre = new Map<string, Point>();
  rows.forEach((row, r) => {
    const y = options.margin + r * (options.nodeHeight + options.rowGap) + options.nodeHeight / 2;
    for (const id of row) centre.set(id, { x: (x.get(id) ?? 0) + shift, y });
  });
  const half = options.nodeHeight / 2;
  const at = (id: string) => centre.get(id) ?? { x: 0, y: 0 };
  const placed = nodes.map((node): NodePlacement => {
    const { x, y } = at(node.id);
    return {
      id: node.id,
      layer: layers.get(node.id) ?? 0,
      x: x - options.nodeWidth / 2,
      y: y - half,
      width: options.nodeWidth,
      height: options.nodeHeight,
    };
  });
  const edges = graph.chains.map(({ from, to, path }): EdgeRoute => {
    const points: Point[] = [{ x: at(from).x, y: at(from).y + half }];
    // A virtual point is a vertical run through its row, so the edge never cuts a node there.
    for (const id of path.slice(1, -1))
      points.push({ x: at(id).x, y: at(id).y - half }, { x: at(id).x, y: at(id).y + half });
    points.push({ x: at(to).x, y: at(to).y - half });
    return { from, to, points };
  });
  return {
    nodes: placed,
    edges,
    rows: rows.map((row) => row.filter((id) => !graph.virtual.has(id))),
    crossings,
    width: (Number.isFinite(rightmost) ? rightmost - leftmost : 0) + 2 * options.margin,
    height: rows.length
      ? 2 * options.margin + rows.length * options.nodeHeight + (rows.length - 1) * options.rowGap
      : 0,
  };
}

/**
 * An SVG path through an edge's points: an S-curve across each gap between rows, a
 * straight line down through each row it passes.
 */
export function edgePath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${first.x},${first.y}`;
  let previous = first;
  for (const point of rest) {
    if (point.x === previous.x) {
      d += ` L${point.x},${point.y}`;
    } else {
      const middle = (previous.y + point.y) / 2;
      d += ` C${previous.x},${middle} ${point.x},${middle} ${point.x},${point.y}`;
    }
    previous = point;
  }
  return d;
}

/**
 * A title broken into at most `maxLines` lines of about `maxChars`, at spaces; a word
 * longer than a line is cut, and what does not fit ends in an ellipsis.
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  let rest = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  while (rest.length > 0 && lines.length < maxLines) {
    let line = rest[0] as string;
    let used = 1;
    while (used < rest.length && `${line} ${rest[used]}`.length <= maxChars) line += ` ${rest[used++]}`;
    lines.push(line);
    rest = rest.slice(used);
  }
  const out = lines.map((line) => (line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line));
  const last = out[out.length - 1];
  if (rest.length > 0 && last !== undefined && !last.endsWith('…')) {
    out[out.length - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`;
  }
  return out;
}
