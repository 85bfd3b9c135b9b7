import { groupMembers } from "./normalize";

/** How much of the composite's within-group spread each part carries. */
export interface SpreadShares {
  /** Part keys, in the order given. */
  keys: string[];
  /** Mean over the counted groups of cov(part_k, R) / var(R); they sum to 1 when any group counts. */
  shares: number[];
  /** Groups whose composite varies (var(R) > 0) and whose parts are all finite: the ones averaged. */
  groups: number;
  /** All groups. */
  of: number;
}

/** Below this within-group variance the composite counts as flat (no ranking to explain). */
const MIN_VARIANCE = 1e-18;

const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/**
 * Splits the composite's within-group variance among its additive parts: with R = sum_k p_k
 * (p_k = w_k * x_k, `combineTerms().parts`), var(R) = sum_k cov(p_k, R), so within each group
 * share_k = cov(p_k, R) / var(R), and the shares sum to 1. A share can be negative (a part that
 * pulls against the others) or above 1. Averaged over groups with var(R) > 0, since REINFORCE
 * with a leave-one-out baseline only learns from differences within a group. This is what shows
 * that a weight of 20 on chroma fidelity carried ~1/30 of the colorization signal (docs/RESULTS.md).
 * @param parts [parts][samples]; `groups[i]` is sample i's input.
 */
export function spreadShares(parts: readonly { key: string; values: ArrayLike<number> }[], groups: readonly string[]): SpreadShares {
  const members = groupMembers(groups);
  const totals = parts.map(() => 0);
  let counted = 0;
  for (const idx of members.values()) {
    const cols = parts.map((p) => idx.map((i) => p.values[i] as number));
    if (idx.length < 2 || cols.some((c) => !c.every(Number.isFinite))) continue;
    const r = idx.map((_, j) => cols.reduce((s, c) => s + (c[j] as number), 0));
    const rMean = mean(r);
    const varR = mean(r.map((x) => (x - rMean) ** 2));
    if (!(varR > MIN_VARIANCE)) continue;
    cols.forEach((c, k) => {
      const cMean = mean(c);
      const cov = mean(c.map((x, j) => (x - cMean) * ((r[j] as number) - rMean)));
      totals[k] = (totals[k] as number) + cov / varR;
    });
    counted++;
  }
  return {
    keys: parts.map((p) => p.key),
    shares: totals.map((t) => (counted === 0 ? NaN : t / counted)),
    groups: counted,
    of: members.size,
  };
}
