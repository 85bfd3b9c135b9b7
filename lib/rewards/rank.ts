import { combineTerms } from "./combine";
import { compileRewardSpec } from "./compile";
import { groupMembers } from "./normalize";
import { termScoreKey } from "./score-terms";
import type { RewardSpec } from "./spec";
import { spreadShares, type SpreadShares } from "./spread";

/** Rank of each sample within its group by composite: 1 = best; ties by order; non-finite last. */
export function ranksWithinGroups(composite: ArrayLike<number>, groups: readonly string[]): number[] {
  const ranks = new Array<number>(groups.length).fill(0);
  for (const idx of groupMembers(groups).values()) {
    const score = (i: number) => (Number.isFinite(composite[i]) ? (composite[i] as number) : -Infinity);
    [...idx].sort((a, b) => score(b) - score(a) || a - b).forEach((i, r) => (ranks[i] = r + 1));
  }
  return ranks;
}

/** A spec applied to stored raw term values: what the preview shows. */
export interface Ranking {
  /** Spec term keys, in order. */
  keys: string[];
  /** Raw value of each spec term per sample, [terms][samples]. */
  values: number[][];
  /** Weighted contribution of each term per sample (w * normalised value), [terms][samples]. */
  weighted: number[][];
  composite: number[];
  ranks: number[];
  shares: SpreadShares;
}

/**
 * Re-ranks stored samples under `spec` without rescoring: looks up each spec term's raw values
 * (keyed by `termScoreKey`), combines them (`combineTerms`), ranks within groups and splits the
 * composite's within-group spread by part. Returns the keys it lacks instead when some term was
 * not scored yet (score those, then call again).
 */
export function rankStored(
  spec: RewardSpec,
  raw: Readonly<Record<string, readonly number[]>>,
  groups: readonly string[],
  kl: readonly number[],
): Ranking | { missing: { key: string; term: string; params?: Record<string, unknown> }[] } {
  const compiled = compileRewardSpec(spec);
  const lookups = spec.terms.map((t) => ({ key: termScoreKey(t), term: t.term, ...(t.params ? { params: t.params } : {}) }));
  const missing = lookups.filter((l) => !raw[l.key]);
  if (missing.length) return { missing };
  const values = lookups.map((l) => [...(raw[l.key] as number[])]);
  const combined = combineTerms(compiled.spec, compiled.terms, values, groups, kl);
  return {
    keys: compiled.terms.map((t) => t.key),
    values,
    weighted: compiled.terms.map((t, k) => Array.from(combined.contributed[k] as Float64Array, (v) => (t.weight === 0 ? 0 : t.weight * v))),
    composite: Array.from(combined.composite),
    ranks: ranksWithinGroups(combined.composite, groups),
    shares: spreadShares(combined.parts, groups),
  };
}
