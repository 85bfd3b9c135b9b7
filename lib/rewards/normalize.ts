import type { Normalization } from "./spec";

/** Population mean and standard deviation of the finite values (NaN when there are none). */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) { sum += v; n++; }
  }
  if (n === 0) return { mean: NaN, std: NaN };
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) sq += (v - mean) * (v - mean);
  }
  return { mean, std: Math.sqrt(sq / n) };
}

/** Mean and sample standard deviation (n - 1 in the denominator, 0 for one value): the honest spread of a few seeds. */
export function sampleMeanStd(values: readonly number[]): { mean: number; std: number } {
  const { mean, std } = meanStd(values);
  return { mean, std: values.length > 1 ? std * Math.sqrt(values.length / (values.length - 1)) : 0 };
}

/** Below this spread a set of values counts as constant: z-scores are 0, not noise blown up. */
export const MIN_STD = 1e-8;

function zscoreInto(out: Float64Array, values: Float64Array, idx: readonly number[]): void {
  const { mean, std } = meanStd(idx.map((i) => values[i] as number));
  for (const i of idx) out[i] = std < MIN_STD ? (Number.isFinite(values[i]) ? 0 : (values[i] as number)) : ((values[i] as number) - mean) / std;
}

/**
 * Normalises `values` ([samples]): "none" copies, "batch" z-scores over all samples, "group"
 * z-scores within each input's samples (`groups[i]` = input of sample i). Non-finite values stay
 * non-finite so the trainer can see and skip them.
 */
export function normalizeValues(values: Float64Array, how: Normalization, groups: readonly string[]): Float64Array {
  const out = new Float64Array(values);
  if (how === "none") return out;
  if (how === "batch") {
    zscoreInto(out, values, Array.from(values, (_, i) => i));
    return out;
  }
  for (const idx of groupMembers(groups).values()) zscoreInto(out, values, idx);
  return out;
}

/**
 * The factor `normalizeValues` multiplies each de-meaned value by: 1 / std of the sample's set
 * (the batch, or its group), 0 where that set is constant, 1 for "none". [samples]
 */
export function normalizationScale(values: Float64Array, how: Normalization, groups: readonly string[]): Float64Array {
  const out = new Float64Array(values.length).fill(1);
  if (how === "none") return out;
  const sets = how === "batch" ? [Array.from(values, (_, i) => i)] : [...groupMembers(groups).values()];
  for (const idx of sets) {
    const { std } = meanStd(idx.map((i) => values[i] as number));
    for (const i of idx) out[i] = std < MIN_STD ? 0 : 1 / std;
  }
  return out;
}

/** Sample indices by group, in first-seen order. */
export function groupMembers(groups: readonly string[]): Map<string, number[]> {
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  });
  return members;
}
