/** Probabilities and rates go out rounded to three decimals: precise enough, and stable to read. */
export function toThousandths(value: number): number {
  return Math.round(value * 1000) / 1000;
}
