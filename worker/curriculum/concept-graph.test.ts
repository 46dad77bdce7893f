import { describe, expect, it } from 'vitest';
import { orderConcepts } from './concept-graph';

describe('orderConcepts', () => {
  it('puts every concept after its prerequisites, for a graph that is not a chain', () => {
    const result = orderConcepts([
      { id: 'walkers', prerequisites: ['nodes', 'abilities'] },
      { id: 'nodes', prerequisites: ['archetypes'] },
      { id: 'abilities', prerequisites: ['archetypes'] },
      { id: 'archetypes', prerequisites: [] },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const at = (id: string) => result.order.indexOf(id);
    expect(at('archetypes')).toBeLessThan(at('nodes'));
    expect(at('archetypes')).toBeLessThan(at('abilities'));
    expect(at('nodes')).toBeLessThan(at('walkers'));
    expect(at('abilities')).toBeLessThan(at('walkers'));
    expect(result.order).toHaveLength(4);
  });

  it('spells out a cycle', () => {
    const result = orderConcepts([
      { id: 'a', prerequisites: ['b'] },
      { id: 'b', prerequisites: ['c'] },
      { id: 'c', prerequisites: ['a'] },
      { id: 'd', prerequisites: [] },
    ]);
    expect(result).toEqual({ ok: false, cycle: ['a', 'b', 'c', 'a'] });
  });

  it('treats a concept that needs itself as a cycle', () => {
    expect(orderConcepts([{ id: 'a', prerequisites: ['a'] }])).toEqual({ ok: false, cycle: ['a', 'a'] });
  });
});
