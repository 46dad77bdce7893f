/** A category label cut to what fits under its bar (`widthPx` for each, about 6.5 px a character). */
export function fitLabel(label: string, widthPx: number): string {
  const chars = Math.max(4, Math.floor(widthPx / 6.5));
  return label.length <= chars ? label : `${label.slice(0, chars - 1).trimEnd()}…`;
}
