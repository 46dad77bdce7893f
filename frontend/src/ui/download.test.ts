/** File names from titles: lower-case words joined by hyphens, accents dropped, a fallback when nothing is left. */
import { describe, expect, it } from 'vitest';
import { fileSlug } from './download';

describe('fileSlug', () => {
  it('keeps letters and digits, joined by single hyphens', () => {
    expect(fileSlug('Graphs warm-up!', 'x')).toBe('graphs-warm-up');
    expect(fileSlug('  Période 3: Café  ', 'x')).toBe('periode-3-cafe');
  });

  it('cuts long titles and falls back when the title has no letters or digits', () => {
    expect(fileSlug('a'.repeat(80), 'x')).toHaveLength(60);
    expect(fileSlug('¿¡…!?', 'live-quiz')).toBe('live-quiz');
  });
});
