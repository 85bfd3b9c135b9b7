/**
 * Drift detection: a two-sided tabular CUSUM (Page 1954; Montgomery, Introduction to Statistical
 * Quality Control, §9.1) on a live statistic of the candidate, standardised by the baseline's
 * mean and standard deviation from the shadow stage. With k = 0.5 and h = 5 (in standard
 * deviations) a shift of one standard deviation is caught after about 10 samples, and an
 * in-control stream raises a false alarm about once in 465 samples (two-sided ARL₀).
 */
export interface CusumResult {
  alarm: boolean;
  /** The sample (1-based) at which it alarmed, and which way. */
  at: number | null;
  direction: "up" | "down" | null;
  /** The statistics at the end (or at the alarm). */
  upper: number;
  lower: number;
  n: number;
}

export function cusum(values: readonly number[], reference: { mean: number; std: number }, opts: { k?: number; h?: number } = {}): CusumResult {
  const k = opts.k ?? 0.5;
  const h = opts.h ?? 5;
  const std = reference.std > 0 ? reference.std : 1e-9;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < values.length; i++) {
    const z = (values[i]! - reference.mean) / std;
    upper = Math.max(0, upper + z - k);
    lower = Math.max(0, lower - z - k);
    if (upper > h || lower > h) return { alarm: true, at: i + 1, direction: upper > h ? "up" : "down", upper, lower, n: values.length };
  }
  return { alarm: false, at: null, direction: null, upper, lower, n: values.length };
}

/** Mean and population standard deviation. */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  if (values.length === 0) return { mean: NaN, std: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return { mean, std: Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length) };
}
