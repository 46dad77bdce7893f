/** The course's concept: and lesson: links become app paths; anything else is left as written. */
import { describe, expect, it } from 'vitest';
import { appHref } from './links';

describe('appHref', () => {
  it('turns concept: and lesson: links into the course map and lesson paths', () => {
    expect(appHref('concept:nodes-edges', 'osp-with-jac')).toBe('/courses/osp-with-jac?concept=nodes-edges');
    expect(appHref('lesson:first-walker', 'osp-with-jac')).toBe('/courses/osp-with-jac/lessons/first-walker');
  });

  it('leaves other links and malformed slugs alone', () => {
    expect(appHref('https://jac-lang.org', 'c')).toBe('https://jac-lang.org');
    expect(appHref('#anchor', 'c')).toBe('#anchor');
    expect(appHref('concept:../admin', 'c')).toBe('concept:../admin');
  });
});
