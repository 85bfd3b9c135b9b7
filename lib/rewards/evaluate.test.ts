import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { RewardContext } from "./context";
import type { RewardSample } from "./types";

const refs = { a: { references: ["a red circle", "a red circle on grass"] }, b: { references: ["a blue square", "one blue square"] } };
const cap = (inputId: string, text: string, extra: Partial<RewardSample<"captioning">> = {}): RewardSample<"captioning"> => ({
  inputId, output: { text }, ...extra,
});

describe("evaluate", () => {
  it("scores each term per sample and weights the raw values (no normalisation)", () => {
    // repetition(n=1) of "red red red circle": tokens red red red circle -> 2 of 4 unigrams repeat = 0.5.
    // caption_length(min 4, max 24): "a red circle" has 3 tokens -> 1 short; "red red red circle" 4 -> 0.
    const r = evaluate(
      { task: "captioning", terms: [{ term: "repetition", weight: -2, params: { n: 1 } }, { term: "caption_length", weight: -1 }] },
      [cap("a", "a red circle"), cap("a", "red red red circle")],
      refs,
    );
    expect(r.keys).toEqual(["repetition", "caption_length"]);
    expect(r.samples.map((s) => s.values)).toEqual([{ repetition: 0, caption_length: 1 }, { repetition: 0.5, caption_length: 0 }]);
    // composite = -2 * rep - 1 * len: [-1, -1]: both samples of input a equal -> zero spread.
    expect(r.samples.map((s) => s.composite)).toEqual([-1, -1]);
    expect(r.zeroSpreadFraction).toBe(1);
    expect(r.stats.repetition).toEqual({ mean: 0.25, std: 0.25, min: 0, max: 0.5 });
    expect(r.samples[0]?.aux.caption_length).toEqual({ tokens: 3 });
  });

  it("z-scores per group (N samples of one input) and per batch", () => {
    const samples = [cap("a", "a"), cap("a", "a b c d e"), cap("b", "x"), cap("b", "x y z")];
    // caption_length with min 6: shortfalls 5, 1, 5, 3. Group a: mean 3, std 2 -> +1, -1. Group b: mean 4, std 1 -> +1, -1.
    const spec = (normalize: "group" | "batch") => ({
      task: "captioning", terms: [{ term: "caption_length", weight: -1, params: { min: 6, max: 24 }, normalize }],
    });
    expect(evaluate(spec("group"), samples, refs).samples.map((s) => s.composite)).toEqual([-1, 1, -1, 1]);
    // Batch: mean 3.5, std sqrt((2.25+6.25+2.25+0.25)/4) = sqrt(2.75).
    const sd = Math.sqrt(2.75);
    const batch = evaluate(spec("batch"), samples, refs).samples.map((s) => s.composite);
    [1.5 / sd, -2.5 / sd, 1.5 / sd, -0.5 / sd].forEach((v, i) => expect(batch[i]).toBeCloseTo(-v, 12));
  });

  it("sums then normalises when asked, folds KL in, clips, and keeps weight-0 terms out of the reward", () => {
    const samples = [cap("a", "a", { kl: 1 }), cap("a", "a b c", { kl: 0 })];
    const r = evaluate(
      {
        task: "captioning",
        terms: [{ term: "caption_length", weight: -1, params: { min: 4, max: 24 } }, { term: "kl", weight: 0 }],
        aggregate: "sum_then_normalize", normalize: "group", kl: { beta: 0.5 }, clip: { min: -1.2, max: 10 },
      },
      samples, refs,
    );
    // Raw composite -3, -1 -> group z: -1, +1; minus 0.5 * kl: -1.5, +1; clip at -1.2: -1.2, +1.
    expect(r.samples.map((s) => s.composite)).toEqual([-1.2, 1]);
    expect(r.samples.map((s) => s.values.kl)).toEqual([1, 0]);
  });

  it("CIDEr-D uses the configured corpus idf, or the batch's references as pycocoevalcap does", () => {
    const samples = [cap("a", "a red circle"), cap("b", "a red circle")];
    const batch = evaluate({ task: "captioning", terms: [{ term: "cider_d", weight: 1 }] }, samples, refs);
    expect(batch.samples[0]!.values.cider_d).toBeGreaterThan(batch.samples[1]!.values.cider_d!);
    const corpus = new RewardContext({ captionReferences: [refs.a.references, refs.b.references, ["a green triangle"]] });
    const fixed = evaluate({ task: "captioning", terms: [{ term: "cider_d", weight: 1 }] }, samples, refs, corpus);
    expect(fixed.samples[0]!.values.cider_d).not.toBe(batch.samples[0]!.values.cider_d);
  });

  it("reports guardrails on batch means and counts non-finite composites", () => {
    const r = evaluate(
      { task: "captioning", terms: [{ term: "caption_length", weight: -1 }, { term: "entropy", weight: 1 }],
        guardrails: [{ metric: "caption_length", op: "<=", threshold: 0.5 }] },
      [cap("a", "a", { entropy: 1 }), cap("a", "a b c d", { entropy: Number.NaN })],
      refs,
    );
    expect(r.guardrails).toEqual([{ metric: "caption_length", op: "<=", threshold: 0.5, value: 1.5, ok: false }]);
    expect(r.nonFinite).toBe(1);
  });

  it("names the sample and field when something is missing", () => {
    expect(() => evaluate({ task: "captioning", terms: [{ term: "cider_d", weight: 1 }] }, [cap("zz", "x")], refs)).toThrow(
      /samples\[0\]\.inputId: no target for input "zz"/,
    );
    expect(() => evaluate({ task: "captioning", terms: [{ term: "caption_drift", weight: -1 }] }, [cap("a", "x")], refs)).toThrow(
      /samples\[0\] term caption_drift: .*sample\.mle/,
    );
    expect(() => evaluate({ task: "captioning", terms: [{ term: "cider_d", weight: 1 }], kl: { beta: 1 } }, [cap("a", "x")], refs)).toThrow(
      /samples\[0\]\.kl/,
    );
  });

  it("names what made a composite non-finite: weighted terms, and the folded KL as kl.beta", () => {
    // entropy (weight 0.1) is NaN on sample 0; sample 1 has KL +Inf, logged by the kl term at
    // weight 0 (not a culprit) and folded by kl.beta (a culprit); sample 2 is finite.
    const r = evaluate(
      { task: "captioning", terms: [{ term: "caption_length", weight: -1 }, { term: "entropy", weight: 0.1 }, { term: "kl", weight: 0 }], kl: { beta: 0.5 } },
      [cap("a", "a red circle", { entropy: NaN, kl: 0 }), cap("a", "a red circle", { entropy: 1, kl: Infinity }), cap("b", "a blue square", { entropy: 1, kl: 0 })],
      refs,
    );
    expect(r.samples.map((s) => s.composite)).toEqual([NaN, -Infinity, -1 + 0.1]);
    expect(r.nonFinite).toBe(2);
    expect(r.nonFiniteTerms).toEqual(["entropy", "kl.beta"]);
    expect(evaluate({ task: "captioning", terms: [{ term: "caption_length", weight: -1 }] }, [cap("a", "a red circle")], refs).nonFiniteTerms).toEqual([]);
  });
});
