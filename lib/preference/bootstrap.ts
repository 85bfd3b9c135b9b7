/**
 * The paired bootstrap of a difference between two systems scored on the same items (Efron &
 * Tibshirani 1993, ch. 16; Koehn 2004 for MT metrics): draw n item indices with replacement,
 * recompute both systems' aggregate metrics on that same resample, take B − A, and repeat; the
 * percentile interval of those differences is the confidence interval. Resampling the items
 * (scenes), not each system separately, keeps the pairing: a scene hard for both moves both.
 * Pure: no TF.js, no I/O; a corpus metric (CIDEr, COCO AP, PQ) is recomputed on each resample.
 */

/** A seeded generator of uniform numbers in [0, 1): mulberry32 (32-bit state, same stream in every engine). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The q-quantile (0 <= q <= 1) of ascending `sorted`, linearly interpolated between order
 * statistics (numpy's default, "linear"). NaN for an empty list.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

/** Both systems' aggregate metrics on the items at `indices` (repeats allowed), by metric name. */
export type PairedStatistic = (indices: readonly number[]) => { a: Record<string, number>; b: Record<string, number> };

export interface BootstrapOptions {
  /** Number of items (scenes); resamples draw this many indices in 0..n-1. */
  n: number;
  statistic: PairedStatistic;
  /** Resamples to draw (default 1000). */
  resamples?: number;
  /** Seed of the index draws (default 0): the same seed, the same interval. */
  seed?: number;
  /** Coverage of the interval (default 0.95: the 2.5th and 97.5th percentiles). */
  level?: number;
}

export interface MetricDifference {
  /** A's and B's metric on all n items, and B − A. */
  a: number;
  b: number;
  diff: number;
  /** Percentile interval of B − A over the resamples (NaN when no resample gave a finite difference). */
  lo: number;
  hi: number;
}

export interface BootstrapResult {
  metrics: Record<string, MetricDifference>;
  resamples: number;
  level: number;
  seed: number;
}

/**
 * The paired bootstrap interval of B − A for every metric `statistic` returns. Metrics are
 * those of the full-sample call; a resample on which a metric is not finite (e.g. AP with no
 * ground truth drawn) is left out of that metric's interval.
 */
export function pairedBootstrap(opts: BootstrapOptions): BootstrapResult {
  const { n, statistic } = opts;
  const resamples = opts.resamples ?? 1000;
  const seed = opts.seed ?? 0;
  const level = opts.level ?? 0.95;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n: expected a positive integer, got ${n}`);
  if (!Number.isInteger(resamples) || resamples < 0) throw new RangeError(`resamples: expected a non-negative integer, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level: expected a number in (0, 1), got ${level}`);
  const full = statistic(Array.from({ length: n }, (_, i) => i));
  const names = Object.keys(full.a).filter((k) => k in full.b);
  const diffs = new Map<string, number[]>(names.map((k) => [k, []]));
  const rand = seededRandom(seed);
  const indices = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) indices[i] = Math.floor(rand() * n);
    const s = statistic(indices);
    for (const k of names) {
      const d = (s.b[k] as number) - (s.a[k] as number);
      if (Number.isFinite(d)) diffs.get(k)!.push(d);
    }
  }
  const tail = (1 - level) / 2;
  const metrics: Record<string, MetricDifference> = {};
  for (const k of names) {
    const sorted = diffs.get(k)!.sort((x, y) => x - y);
    const a = full.a[k] as number;
    const b = full.b[k] as number;
    metrics[k] = { a, b, diff: b - a, lo: quantile(sorted, tail), hi: quantile(sorted, 1 - tail) };
  }
  return { metrics, resamples, level, seed };
}

/** A statistic of per-item values: the mean of each named series over the drawn items, for A and B. */
export function meanStatistic(a: Readonly<Record<string, readonly number[]>>, b: Readonly<Record<string, readonly number[]>>): PairedStatistic {
  const mean = (xs: readonly number[], idx: readonly number[]) => idx.reduce((s, i) => s + (xs[i] as number), 0) / idx.length;
  return (idx) => ({
    a: Object.fromEntries(Object.entries(a).map(([k, xs]) => [k, mean(xs, idx)])),
    b: Object.fromEntries(Object.entries(b).map(([k, xs]) => [k, mean(xs, idx)])),
  });
}
