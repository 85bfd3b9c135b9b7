import { combineTerms } from "./combine";
import { compileRewardSpec, type CompiledRewardSpec } from "./compile";
import { RewardContext } from "./context";
import { meanStd } from "./normalize";
import { scoreTerms, type TargetsById } from "./score-terms";
import type { GuardrailOp, RewardSpec } from "./spec";
import type { TaskId } from "./task-types";
import type { RewardSample } from "./types";

export interface ScoredSample {
  inputId: string;
  /** Raw value of each term, by term key. */
  values: Record<string, number>;
  /** The value each term contributed before weighting (normalised when the spec says so). */
  normalized: Record<string, number>;
  composite: number;
  aux: Record<string, Record<string, number>>;
}

export interface RewardEvaluation {
  /** Term keys in spec order. */
  keys: string[];
  samples: ScoredSample[];
  /** Mean / std / min / max of each term's raw values over the batch. */
  stats: Record<string, { mean: number; std: number; min: number; max: number }>;
  composite: { mean: number; std: number };
  /** Fraction of inputs whose samples all got the same composite (no learning signal). */
  zeroSpreadFraction: number;
  /** Samples whose composite is not finite (the trainer skips such updates). */
  nonFinite: number;
  /**
   * What made those composites non-finite, in spec order: the keys of weighted terms whose
   * contribution is non-finite on one of them, and "kl.beta" when the folded KL estimate is.
   */
  nonFiniteTerms: string[];
  guardrails: { metric: string; op: GuardrailOp; threshold: number; value: number; ok: boolean }[];
}

const COMPARE: Record<GuardrailOp, (a: number, b: number) => boolean> = {
  "<": (a, b) => a < b, "<=": (a, b) => a <= b, ">": (a, b) => a > b, ">=": (a, b) => a >= b,
};

/** Fraction of inputs (`groups[i]` = sample i's input) whose finite composites are all equal. */
export function zeroSpreadFraction(composite: ArrayLike<number>, groups: readonly string[]): number {
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = byGroup.get(g);
    if (list) list.push(composite[i] as number);
    else byGroup.set(g, [composite[i] as number]);
  });
  const flat = [...byGroup.values()].filter((c) => c.every(Number.isFinite) && Math.max(...c) - Math.min(...c) < 1e-12).length;
  return byGroup.size === 0 ? 0 : flat / byGroup.size;
}

/**
 * Scores `samples` with `spec`: every term per sample (`scoreTerms`), normalisation, weighting,
 * KL folding (composite -= beta * kl) and clipping (`combineTerms`), batch statistics and
 * guardrail checks.
 * `spec` may be compiled once by `compileRewardSpec` (what the trainer does: nothing is re-validated
 * per call), or raw JSON / a parsed RewardSpec (validated and compiled on every call).
 * @param targets the target of each input id the samples refer to.
 * @param ctx shared caches (CIDEr-D idf, class weights); without a caption corpus, CIDEr-D's idf
 *   comes from the references of this batch's targets, as pycocoevalcap computes it.
 */
export function evaluate<T extends TaskId>(
  spec: CompiledRewardSpec | RewardSpec | unknown,
  samples: readonly RewardSample<T>[],
  targets: TargetsById<T>,
  ctx: RewardContext = new RewardContext(),
): RewardEvaluation {
  const compiled = compileRewardSpec(spec);
  const { spec: s, terms } = compiled;
  // 1. Raw term values, [terms][samples].
  const { raw, aux } = scoreTerms(terms, samples, targets, ctx);
  // 2-3. Normalise and weight (before or after summing, as the spec says); KL folded in; clipping.
  const groups = samples.map((x) => x.inputId);
  const { contributed, composite } = combineTerms(s, terms, raw, groups, s.kl ? samples.map((x) => x.kl) : undefined);

  // 4. Statistics, what made composites non-finite, and guardrails.
  const culprits = new Set<string>();
  composite.forEach((c, i) => {
    if (Number.isFinite(c)) return;
    terms.forEach((t, k) => {
      if (t.weight !== 0 && !Number.isFinite((contributed[k] as Float64Array)[i])) culprits.add(t.key);
    });
    if (s.kl && !Number.isFinite(samples[i]?.kl)) culprits.add("kl.beta");
  });
  const stats: RewardEvaluation["stats"] = {};
  terms.forEach((t, k) => {
    const v = raw[k] as Float64Array;
    const finiteVals = Array.from(v).filter(Number.isFinite);
    stats[t.key] = { ...meanStd(v), min: Math.min(...finiteVals), max: Math.max(...finiteVals) };
  });
  return {
    keys: terms.map((t) => t.key),
    samples: samples.map((sample, i) => ({
      inputId: sample.inputId,
      values: Object.fromEntries(terms.map((t, k) => [t.key, (raw[k] as Float64Array)[i] as number])),
      normalized: Object.fromEntries(terms.map((t, k) => [t.key, (contributed[k] as Float64Array)[i] as number])),
      composite: composite[i] as number,
      aux: aux[i] as Record<string, Record<string, number>>,
    })),
    stats,
    composite: meanStd(composite),
    zeroSpreadFraction: zeroSpreadFraction(composite, groups),
    nonFinite: Array.from(composite).filter((c) => !Number.isFinite(c)).length,
    nonFiniteTerms: [...terms.map((t) => t.key).filter((k) => culprits.has(k)), ...(culprits.has("kl.beta") ? ["kl.beta"] : [])],
    guardrails: (s.guardrails ?? []).map((g) => {
      const value = stats[g.metric]?.mean ?? NaN;
      return { ...g, value, ok: Number.isFinite(value) && COMPARE[g.op](value, g.threshold) };
    }),
  };
}
