import type { CompiledTerm } from "./compile";
import { normalizationScale, normalizeValues } from "./normalize";
import type { RewardSpec } from "./spec";

/** What `combineTerms` makes of raw term values, all [samples]. */
export interface CombinedTerms {
  /** The value each term contributed before weighting (normalised when the spec says so), [terms][samples]. */
  contributed: Float64Array[];
  /**
   * The composite before clipping as a sum of parts, one per term (then "kl.beta" when the spec
   * folds KL in), each up to a per-group constant: w_k * contributed_k, or for
   * "sum_then_normalize" w_k * raw_k scaled as the composite's normalisation scales it. Covariances
   * of these with the composite are what `spreadShares` splits the composite's spread by.
   */
  parts: { key: string; values: Float64Array }[];
  composite: Float64Array;
}

/**
 * Steps 2 and 3 of `evaluate` on stored raw values: normalise and weight (before or after
 * summing, as the spec says), fold KL in (composite -= beta * kl), clip. Pure and fast, so the
 * preview re-ranks on every weight change without rescoring.
 * @param raw [terms][samples] in the order of `terms`.
 * @param groups the input of each sample (samples of one input form a group).
 * @param kl per-sample KL estimates, required when the spec sets kl.beta.
 */
export function combineTerms(
  spec: Pick<RewardSpec, "aggregate" | "normalize" | "kl" | "clip">,
  terms: readonly Pick<CompiledTerm, "key" | "weight" | "normalize">[],
  raw: readonly ArrayLike<number>[],
  groups: readonly string[],
  kl?: readonly (number | undefined)[],
): CombinedTerms {
  const n = groups.length;
  const values = raw.map((r) => Float64Array.from(r));
  const sumFirst = spec.aggregate === "sum_then_normalize";
  const contributed = terms.map((t, k) => (sumFirst ? (values[k] as Float64Array) : normalizeValues(values[k] as Float64Array, t.normalize, groups)));
  let composite: Float64Array = new Float64Array(n);
  const weighted = terms.map((t, k) => {
    const v = contributed[k] as Float64Array;
    // Weight 0: evaluation-only, logged, never rewarded (and a NaN there cannot poison the reward).
    const out = t.weight === 0 ? new Float64Array(n) : v.map((x) => t.weight * x);
    for (let i = 0; i < n; i++) composite[i] = (composite[i] as number) + (out[i] as number);
    return out;
  });
  let scale: Float64Array | null = null;
  if (sumFirst) {
    const how = spec.normalize ?? "none";
    if (how !== "none") scale = normalizationScale(composite, how, groups);
    composite = normalizeValues(composite, how, groups);
  }
  const parts = terms.map((t, k) => ({
    key: t.key,
    values: scale ? (weighted[k] as Float64Array).map((x, i) => x * (scale as Float64Array)[i]!) : (weighted[k] as Float64Array),
  }));
  if (spec.kl) {
    const beta = spec.kl.beta;
    const penalty = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = kl?.[i];
      if (v === undefined) throw new Error(`samples[${i}].kl: the spec sets kl.beta, so every sample needs its KL estimate`);
      penalty[i] = -beta * v;
      composite[i] = (composite[i] as number) + (penalty[i] as number);
    }
    parts.push({ key: "kl.beta", values: penalty });
  }
  if (spec.clip) {
    const lo = spec.clip.min ?? -Infinity;
    const hi = spec.clip.max ?? Infinity;
    for (let i = 0; i < n; i++) composite[i] = Math.min(hi, Math.max(lo, composite[i] as number));
  }
  return { contributed, parts, composite };
}
