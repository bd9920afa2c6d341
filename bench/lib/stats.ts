/** Small, dependency-free statistics for the benchmark: nearest-rank percentiles and medians. */

/** Nearest-rank percentile (p in 0..100) of an unsorted sample; NaN for an empty one. */
export function percentile(sample: ArrayLike<number>, p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = Float64Array.from(sample).sort();
  return percentileSorted(sorted, p);
}

export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0];
  if (p >= 100) return sorted[sorted.length - 1];
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(sample: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(sample).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentileSorted(sorted, 50),
    p95: percentileSorted(sorted, 95),
    p99: percentileSorted(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

/** Median of the finite values (runs that could not measure a figure report NaN and are left out). */
export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

/** The largest number of timestamps (ms) falling in any window [t, t + windowMs). */
export function maxInSlidingWindow(timestamps: readonly number[], windowMs: number): number {
  const ts = [...timestamps].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < ts.length; hi++) {
    while (ts[hi] - ts[lo] >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** The largest number of timestamps in one wall-clock second (fixed buckets, as a rate limiter counts). */
export function maxPerCalendarSecond(timestamps: readonly number[]): number {
  const buckets = new Map<number, number>();
  for (const t of timestamps) {
    const s = Math.floor(t / 1000);
    buckets.set(s, (buckets.get(s) ?? 0) + 1);
  }
  return Math.max(0, ...buckets.values());
}
