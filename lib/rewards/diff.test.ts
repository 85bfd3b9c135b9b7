import { describe, expect, it } from "vitest";
import { describeChange, diffRewardSpecs } from "./diff";
import type { RewardSpecInput } from "./spec";

// The paper's captioning reward (CIDEr-D, a length guardrail, BLEU-4 and repetition logged).
const base: RewardSpecInput = {
  task: "captioning",
  terms: [
    { term: "cider_d", weight: 1 },
    { term: "bleu", weight: 0, params: { n: 4 }, name: "bleu_4" },
    { term: "caption_length", weight: -0.1, params: { min: 4, max: 24 } },
    { term: "repetition", weight: 0, params: { n: 2 } },
  ],
  aggregate: "normalize_then_sum",
  guardrails: [{ metric: "caption_length", op: "<=", threshold: 0.5 }],
};

describe("diffRewardSpecs", () => {
  it("finds nothing between a spec and itself, and treats filled-in defaults as equal", () => {
    expect(diffRewardSpecs(base, base)).toEqual([]);
    const explicit: RewardSpecInput = { ...base, schemaVersion: 1, terms: base.terms.map((t) => (t.term === "cider_d" ? { ...t, params: {}, normalize: "none" } : t)) };
    expect(diffRewardSpecs(base, explicit)).toEqual([]);
  });

  it("names changed weights and params, added and removed terms, settings and guardrails", () => {
    const after: RewardSpecInput = {
      ...base,
      terms: [
        { term: "cider_d", weight: 1, normalize: "group" },
        { term: "bleu", weight: 0, params: { n: 2 }, name: "bleu_4" },
        { term: "caption_length", weight: -5, params: { min: 4, max: 24 } },
        { term: "kl", weight: 0 },
      ],
      kl: { beta: 0.1 },
      guardrails: [{ metric: "caption_length", op: "<=", threshold: 1 }, { metric: "kl", op: "<", threshold: 5 }],
    };
    const lines = diffRewardSpecs(base, after).map(describeChange);
    expect(lines).toEqual([
      "kl.beta: set to 0.1",
      "removed term repetition (repetition, weight 0)",
      "terms.cider_d.normalize: none → group",
      "terms.bleu_4.params.n: 4 → 2",
      "terms.caption_length.weight: -0.1 → -5",
      "added term kl (kl, weight 0)",
      "guardrails.caption_length <=: 0.5 → 1",
      "guardrails.kl <: set to 5",
    ]);
  });

  it("reports a reordering of the terms both specs share", () => {
    const swapped = { ...base, terms: [...base.terms].reverse() };
    expect(diffRewardSpecs(base, swapped).map((c) => c.path)).toEqual(["terms"]);
  });
});
