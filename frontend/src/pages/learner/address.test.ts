// @vitest-environment jsdom
/** Screen state in the address bar: set and cleared in place, never as a new history entry. */
import { describe, expect, it } from 'vitest';
import { replaceQuery } from './address';

describe('replaceQuery', () => {
  it('sets, changes and removes parameters without adding to the history', () => {
    window.history.replaceState({ kept: true }, '', '/courses/osp?tab=graph');
    const entries = window.history.length;
    replaceQuery({ concept: 'walkers' });
    expect(window.location.search).toBe('?tab=graph&concept=walkers');
    replaceQuery({ concept: 'visit', q: '' });
    expect(window.location.search).toBe('?tab=graph&concept=visit');
    replaceQuery({ concept: null, tab: undefined });
    expect(window.location.pathname + window.location.search).toBe('/courses/osp');
    expect(window.history.length).toBe(entries);
    // The router's own state on the entry survives.
    expect(window.history.state).toEqual({ kept: true });
  });
});
