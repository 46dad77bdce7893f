import { describe, expect, it } from 'vitest';
import { parseHighlights } from './highlight';

describe('parseHighlights', () => {
  it('turns Postgres match markers into offsets', () => {
    expect(parseHighlights('a \u0002walker\u0003 visits \u0002nodes\u0003')).toEqual({
      text: 'a walker visits nodes',
      highlights: [
        [2, 8],
        [16, 21],
      ],
    });
  });

  it('leaves markup in lesson text as text', () => {
    expect(parseHighlights('<b>\u0002x\u0003</b>')).toEqual({ text: '<b>x</b>', highlights: [[3, 4]] });
  });
});
