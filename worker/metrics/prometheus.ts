/**
 * The Prometheus text exposition format (version 0.0.4), as a pure formatter: metric
 * families in, the scrape body out. It owns the format's rules — `# HELP` / `# TYPE` once per
 * family, label values escaped, histograms as cumulative `_bucket{le=…}` series ending in
 * `+Inf`, then `_sum` and `_count` — so the metrics themselves stay plain data.
 */

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels?: Labels;
  value: number;
}

/** One histogram series: counts per bucket (not cumulative; the last one is `+Inf`) and the sum. */
export interface HistogramSample {
  labels?: Labels;
  /** `counts[i]` observations fell in (bounds[i-1], bounds[i]]; `counts[bounds.length]` above the last bound. */
  counts: readonly number[];
  sum: number;
}

export type MetricFamily =
  | { name: string; help: string; type: 'counter' | 'gauge'; samples: readonly Sample[] }
  | { name: string; help: string; type: 'histogram'; bounds: readonly number[]; samples: readonly HistogramSample[] };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A label value inside double quotes: backslash, double quote and line feed are escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text escapes backslash and line feed only. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** `{name="value",…}`, or nothing without labels; `le` is the histogram's own, added last. */
function formatLabels(labels: Labels | undefined, le?: string): string {
  const entries = Object.entries(labels ?? {});
  for (const [name] of entries) {
    // `le` belongs to the histogram's buckets; a caller's own would corrupt them.
    if (!LABEL_NAME.test(name) || name.startsWith('__') || name === 'le') {
      throw new Error(`prometheus: invalid label name "${name}"`);
    }
  }
  if (le !== undefined) entries.push(['le', le]);
  if (!entries.length) return '';
  return `{${entries.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

function histogramLines(name: string, bounds: readonly number[], sample: HistogramSample): string[] {
  if (sample.counts.length !== bounds.length + 1) {
    throw new Error(`prometheus: ${name} needs ${bounds.length + 1} bucket counts, got ${sample.counts.length}`);
  }
  const lines: string[] = [];
  let cumulative = 0;
  sample.counts.forEach((count, i) => {
    cumulative += count;
    const bound = bounds[i];
    const le = bound === undefined ? '+Inf' : formatValue(bound);
    lines.push(`${name}_bucket${formatLabels(sample.labels, le)} ${formatValue(cumulative)}`);
  });
  lines.push(`${name}_sum${formatLabels(sample.labels)} ${formatValue(sample.sum)}`);
  lines.push(`${name}_count${formatLabels(sample.labels)} ${formatValue(cumulative)}`);
  return lines;
}

/** The scrape body: every family with its HELP and TYPE, one sample per line, a final newline. */
export function formatExposition(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const family of families) {
    if (!METRIC_NAME.test(family.name)) throw new Error(`prometheus: invalid metric name "${family.name}"`);
    if (seen.has(family.name)) throw new Error(`prometheus: family "${family.name}" appears twice`);
    seen.add(family.name);
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    if (family.type === 'histogram') {
      const sorted = family.bounds.every((bound, i) => i === 0 || bound > (family.bounds[i - 1] ?? -Infinity));
      if (!sorted) throw new Error(`prometheus: ${family.name} bucket bounds must increase`);
      for (const sample of family.samples) lines.push(...histogramLines(family.name, family.bounds, sample));
    } else {
      for (const sample of family.samples) {
        lines.push(`${family.name}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
      }
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
