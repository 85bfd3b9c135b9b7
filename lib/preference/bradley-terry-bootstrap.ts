/**
 * Percentile bootstrap intervals for Bradley-Terry strengths, resampling whole units (all the
 * votes on one pair or scene) rather than single votes: votes on the same scene are not
 * independent, and resampling them together keeps that dependence in the interval (the cluster
 * bootstrap; Chatbot Arena resamples battles the same way for its leaderboard intervals).
 */
import { type BradleyTerryResult, type Outcome, fitWins, winsMatrix } from "./bradley-terry";
import { quantile, seededRandom } from "./bootstrap";
import type { NotEstimableReason } from "./comparison-graph";

export interface BradleyTerryBootstrapOptions {
  /** Number of items k >= 2. */
  items: number;
  /** L2 penalty of every fit, as in `bradleyTerry` (default 0). */
  ridge?: number;
  /** Resamples to draw (default 1000). */
  resamples?: number;
  /** Seed of the unit draws (default 0): the same seed, the same intervals. */
  seed?: number;
  /** Coverage of each interval (default 0.95). */
  level?: number;
}

export interface StrengthInterval {
  /** The full-sample estimate (NaN when the full-sample fit is not estimable). */
  estimate: number;
  /** Percentile interval over the estimable resamples (NaN when there are none). */
  lo: number;
  hi: number;
}

export interface BradleyTerryBootstrap {
  /** The fit on all units. */
  fit: BradleyTerryResult;
  /** Per item, on the item-0 scale (item 0's interval is [0, 0]). */
  strengths: StrengthInterval[];
  /** Per item, centred to mean 0 on each resample. */
  centred: StrengthInterval[];
  resamples: number;
  /**
   * Resamples whose fit did not exist (an item drawn without a win, say), by cause. They are left
   * out of the intervals, which are then conditional on estimability: a large share here means
   * the intervals are too narrow, and a small ridge is the better tool.
   */
  notEstimable: number;
  reasons: Partial<Record<NotEstimableReason, number>>;
  level: number;
  seed: number;
}

/**
 * Resamples `groups` (units of outcomes) with replacement `resamples` times, refits on each, and
 * returns per-item percentile intervals (numpy's "linear" quantiles) of the strengths.
 */
export function bootstrapBradleyTerry(groups: readonly (readonly Outcome[])[], opts: BradleyTerryBootstrapOptions): BradleyTerryBootstrap {
  const { items } = opts;
  const ridge = opts.ridge ?? 0;
  const resamples = opts.resamples ?? 1000;
  const seed = opts.seed ?? 0;
  const level = opts.level ?? 0.95;
  if (groups.length === 0) throw new RangeError("groups: expected at least one unit of outcomes");
  if (!Number.isInteger(resamples) || resamples < 0) throw new RangeError(`resamples: expected a non-negative integer, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level: expected a number in (0, 1), got ${level}`);
  // Each unit's wins as a sparse list, so a resample sums lists instead of re-reading outcomes.
  const units = groups.map((g) => {
    const w = winsMatrix(g, items);
    return w.flatMap((row, i) => row.flatMap((x, j) => (x > 0 ? [[i, j, x] as const] : [])));
  });
  const total = winsMatrix(groups.flat(), items);
  const fit = fitWins(total, ridge);
  const draws: { strengths: number[]; centred: number[] }[] = [];
  const reasons: Partial<Record<NotEstimableReason, number>> = {};
  const rand = seededRandom(seed);
  for (let r = 0; r < resamples; r++) {
    const wins = Array.from({ length: items }, () => new Array<number>(items).fill(0));
    for (let u = 0; u < units.length; u++) for (const [i, j, x] of units[Math.floor(rand() * units.length)]!) wins[i]![j]! += x;
    const f = fitWins(wins, ridge);
    if (f.estimable) draws.push({ strengths: f.strengths, centred: f.centred });
    else reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
  }
  const tail = (1 - level) / 2;
  const intervals = (key: "strengths" | "centred"): StrengthInterval[] =>
    Array.from({ length: items }, (_, i) => {
      const sorted = draws.map((d) => d[key][i]!).sort((a, b) => a - b);
      return { estimate: fit.estimable ? fit[key][i]! : NaN, lo: quantile(sorted, tail), hi: quantile(sorted, 1 - tail) };
    });
  return { fit, strengths: intervals("strengths"), centred: intervals("centred"), resamples, notEstimable: resamples - draws.length, reasons, level, seed };
}
