/**
 * The prerequisite graph of a course: concepts are nodes, "A needs B" an edge. It must be
 * a directed acyclic graph; `orderConcepts` gives a teaching order (every concept after
 * its prerequisites) or the first cycle found, spelled out so an author can break it.
 */
export interface GraphNode {
  id: string;
  prerequisites: readonly string[];
}

export type Ordering = { ok: true; order: string[] } | { ok: false; cycle: string[] };

export function orderConcepts(nodes: readonly GraphNode[]): Ordering {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const path: string[] = [];

  // Depth-first, prerequisites before the concept; a node met again while still on the
  // path closes a cycle.
  const visit = (id: string): string[] | undefined => {
    const seen = state.get(id);
    if (seen === 'done') return undefined;
    if (seen === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const prerequisite of byId.get(id)?.prerequisites ?? []) {
      if (!byId.has(prerequisite)) continue; // unknown ids are reported by the pack check
      const cycle = visit(prerequisite);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    order.push(id);
    return undefined;
  };

  for (const node of nodes) {
    const cycle = visit(node.id);
    if (cycle) return { ok: false, cycle };
  }
  return { ok: true, order };
}
