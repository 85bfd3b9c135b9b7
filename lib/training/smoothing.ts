/**
 * Exponential-moving-average smoothing of a metric series, as TensorBoard's scalar dashboard
 * does it: s_k = w s_{k-1} + (1 - w) v_k, debiased by 1 - w^n so the first points are not
 * pulled towards 0. Missing values (null: a skipped step's loss) are carried over, not averaged.
 */

export interface SeriesPoint {
  step: number;
  value: number | null;
}

/**
 * `points` (in step order) with their smoothed value beside the raw one. `weight` in [0, 1):
 * 0 leaves the series as it is, 0.9 averages over roughly the last 10 points.
 */
export function emaSmooth(points: readonly SeriesPoint[], weight: number): { step: number; value: number | null; smoothed: number | null }[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  let last = 0;
  let n = 0;
  return points.map((p) => {
    if (p.value === null || !Number.isFinite(p.value)) return { step: p.step, value: p.value, smoothed: n === 0 ? null : last / (1 - w ** n) };
    last = w * last + (1 - w) * p.value;
    n += 1;
    return { step: p.step, value: p.value, smoothed: w === 0 ? p.value : last / (1 - w ** n) };
  });
}
