/**
 * Data for the admin charts in the shape uPlot takes (one x array, then one array per
 * series), and the one-sentence summaries that screen readers get instead of the picture.
 */
import type { ChartData } from '../../ui/charts/Chart';
import { formatCount, formatMs, formatPercent } from './format';

export interface MinutePoint {
  at: string;
  requests: number;
  errors: number;
  rateLimited: number;
  p95Ms: number | null;
}

const unixSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

export function trafficChart(series: readonly MinutePoint[]): ChartData {
  return {
    x: series.map((point) => unixSeconds(point.at)),
    series: [
      series.map((point) => point.requests),
      series.map((point) => point.errors),
      series.map((point) => point.rateLimited),
    ],
  };
}

export function latencyChart(series: readonly MinutePoint[]): ChartData {
  return { x: series.map((point) => unixSeconds(point.at)), series: [series.map((point) => point.p95Ms)] };
}

/** Categories on the x axis (0, 1, 2…) with one value each. */
export function categoryChart(values: readonly (number | null)[]): ChartData {
  return { x: values.map((_, i) => i), series: [[...values]] };
}

export function trafficSummary(series: readonly MinutePoint[]): string {
  if (!series.some((point) => point.requests > 0)) return 'No requests in the last hour.';
  const busiest = series.reduce((top, point) => (point.requests > top.requests ? point : top));
  const errors = series.reduce((sum, point) => sum + point.errors, 0);
  const limited = series.reduce((sum, point) => sum + point.rateLimited, 0);
  const at = new Date(busiest.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `Requests per minute over the last hour, busiest at ${at} with ${formatCount(busiest.requests)}; ${formatCount(errors)} server errors and ${formatCount(limited)} rate-limited in all.`;
}

export function latencySummary(series: readonly MinutePoint[]): string {
  const known = series.flatMap((point) => (point.p95Ms === null ? [] : [point.p95Ms]));
  if (!known.length) return 'No latency figures in the last hour.';
  return `95th percentile latency per minute over the last hour, from ${formatMs(Math.min(...known))} to ${formatMs(Math.max(...known))}.`;
}

export function categorySummary(
  what: string,
  labels: readonly string[],
  values: readonly (number | null)[],
  format: (value: number | null) => string = (value) => (value === null ? '—' : formatCount(value)),
): string {
  return `${what}: ${labels.map((label, i) => `${label} ${format(values[i] ?? null)}`).join(', ')}.`;
}

export const percentOf = (value: number | null): string => formatPercent(value, 0);
