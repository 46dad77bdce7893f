import { describe, expect, it } from 'vitest';
import { fitLabel } from './fit-label';

describe('fitLabel', () => {
  it('keeps a label that fits and cuts one that does not, with an ellipsis', () => {
    expect(fitLabel('Admins', 120)).toBe('Admins');
    expect(fitLabel('Object-Spatial Programming with Jac', 105)).toBe('Object-Spatial…');
    expect(fitLabel('Graphs and walkers', 10)).toBe('Gra…');
  });
});
