/**
 * The request-duration histogram's fixed buckets and what is read from them: which bucket a
 * duration falls in, and a quantile estimated the way Prometheus's `histogram_quantile`
 * does (linear inside the bucket), so the admin's p95 and a Grafana panel agree.
 */

/** Upper bounds in seconds (Prometheus's default buckets); one more bucket holds `+Inf`. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** How many counters a histogram keeps: one per bound, plus `+Inf`. */
export const BUCKET_COUNT = DURATION_BUCKETS.length + 1;

/** The bucket a duration belongs to: the first bound it does not exceed, else the `+Inf` bucket. */
export function bucketIndex(seconds: number, bounds: readonly number[] = DURATION_BUCKETS): number {
  const index = bounds.findIndex((bound) => seconds <= bound);
  return index === -1 ? bounds.length : index;
}

export const emptyBuckets = (): number[] => new Array<number>(BUCKET_COUNT).fill(0);

/** Adds bucket counts element-wise (for summing minutes or series). */
export function addBuckets(into: number[], counts: readonly number[]): number[] {
  counts.forEach((count, i) => (into[i] = (into[i] ?? 0) + count));
  return into;
}

/**
 * The q-quantile (0–1) of what the buckets counted, in seconds, or null with no
 * observations. Inside a bucket observations are taken as evenly spread; a quantile that
 * falls in `+Inf` answers the highest finite bound, as Prometheus does.
 */
export function quantile(
  q: number,
  counts: readonly number[],
  bounds: readonly number[] = DURATION_BUCKETS,
): number | null {
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile: q must be within 0 and 1, got ${q}`);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] ?? 0;
    if (count > 0 && below + count >= rank) {
      const upper = bounds[i];
      if (upper === undefined) return bounds[bounds.length - 1] ?? null;
      const lower = i === 0 ? 0 : (bounds[i - 1] ?? 0);
      return lower + (upper - lower) * ((rank - below) / count);
    }
    below += count;
  }
  return bounds[bounds.length - 1] ?? null;
}
