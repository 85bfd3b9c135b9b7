import { describe, expect, it } from "vitest";
import { combineTerms } from "./combine";
import { compileRewardSpec } from "./compile";
import { evaluate } from "./evaluate";
import { AGGREGATIONS, NORMALIZATIONS, type RewardSpecInput } from "./spec";
import { scoreTerms } from "./score-terms";
import { spreadShares } from "./spread";
import type { RewardSample } from "./types";

/** mulberry32: a small seeded generator, so a failure replays. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["a", "red", "blue", "circle", "square", "on", "grass", "sand", "small", "big", "the"];
const TERMS = ["cider_d", "bleu", "caption_length", "repetition", "caption_drift", "kl", "entropy"] as const;
const targets = { 0: { references: ["a red circle on grass", "a small red circle"] }, 1: { references: ["a blue square", "one big blue square on sand"] } };

function randomCase(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const caption = () => Array.from({ length: 1 + Math.floor(r() * 8) }, () => pick(WORDS)).join(" ");
  const samples: RewardSample<"captioning">[] = Array.from({ length: 8 }, (_, i) => ({
    inputId: String(i % 2), output: { text: caption() }, mle: { text: caption() }, kl: r() * 2 - 0.5, entropy: r() * 3,
  }));
  const aggregate = pick(AGGREGATIONS);
  const chosen = TERMS.filter(() => r() < 0.6);
  const terms = (chosen.length ? chosen : ["cider_d" as const]).map((term) => ({
    term, weight: r() < 0.2 ? 0 : Math.round((r() * 4 - 2) * 100) / 100 || 1,
    ...(aggregate === "normalize_then_sum" ? { normalize: pick(NORMALIZATIONS) } : {}),
  }));
  if (terms.every((t) => t.weight === 0)) terms[0]!.weight = 1;
  const spec: RewardSpecInput = {
    task: "captioning", terms, aggregate,
    ...(aggregate === "sum_then_normalize" ? { normalize: pick(NORMALIZATIONS) } : {}),
    ...(r() < 0.5 ? { kl: { beta: Math.round(r() * 100) / 100 } } : {}),
    ...(r() < 0.3 ? { clip: { min: -1, max: 1 } } : {}),
  };
  return { spec, samples };
}

describe("combineTerms", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i))("on stored raw values gives evaluate's composites exactly (random spec %i)", (seed) => {
    const { spec, samples } = randomCase(seed + 1);
    const compiled = compileRewardSpec(spec);
    const want = evaluate(compiled, samples, targets);
    const { raw } = scoreTerms(compiled.terms, samples, targets);
    const groups = samples.map((s) => s.inputId);
    const got = combineTerms(compiled.spec, compiled.terms, raw, groups, samples.map((s) => s.kl));
    expect(Array.from(got.composite)).toEqual(want.samples.map((s) => s.composite));
    expect(got.contributed.map((c) => Array.from(c))).toEqual(compiled.terms.map((t) => want.samples.map((s) => s.normalized[t.key])));

    // The parts add up to the pre-clip composite up to a constant per group, so their shares sum to 1.
    const unclipped = combineTerms({ ...compiled.spec, clip: undefined }, compiled.terms, raw, groups, samples.map((s) => s.kl));
    for (const g of ["0", "1"]) {
      const idx = groups.flatMap((x, i) => (x === g ? [i] : []));
      const gaps = idx.map((i) => unclipped.composite[i]! - unclipped.parts.reduce((s, p) => s + p.values[i]!, 0));
      gaps.forEach((d) => expect(d).toBeCloseTo(gaps[0]!, 9));
    }
    const shares = spreadShares(unclipped.parts, groups);
    if (shares.groups > 0) expect(shares.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
