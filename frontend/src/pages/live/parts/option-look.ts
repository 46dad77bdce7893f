/**
 * How each answer option looks in a live quiz: a letter, a shape and a colour, so colour is
 * never the only cue (a colour-blind player or a grey projector still tells them apart) and
 * the host can say "the triangle" or "B". Pure.
 */

export const SHAPES = ['triangle', 'diamond', 'circle', 'square', 'star', 'hexagon'] as const;
export type ShapeName = (typeof SHAPES)[number];

export interface OptionLook {
  letter: string;
  shape: ShapeName;
  /** Index of the colour (`.tone-0` … `.tone-5` in live.css). */
  tone: number;
}

export function optionLook(index: number): OptionLook {
  const slot = ((index % SHAPES.length) + SHAPES.length) % SHAPES.length;
  const letter = index >= 0 && index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
  return { letter, shape: SHAPES[slot] ?? 'circle', tone: slot };
}

/** "A, triangle": what a screen reader hears before the option's text. */
export function lookLabel(look: OptionLook): string {
  return `${look.letter}, ${look.shape}`;
}
