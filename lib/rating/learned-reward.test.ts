import { describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { compileRewardSpec, evaluate, shapeWorldRewardContext, shapeWorldTarget } from "@/lib/rewards";
import type { ModelChoice } from "./contract";
import { featureTerms, learnPreference } from "./learned-reward";

const ctx = shapeWorldRewardContext({ scenes: 50 });

describe("learnPreference", () => {
  it("builds on the task's own terms scored from the output alone", () => {
    expect(featureTerms("captioning")).toEqual(["cider_d", "bleu", "caption_length", "repetition", "object_recall", "object_hallucination", "count_accuracy"]);
    expect(featureTerms("colorization")).toEqual(["colorfulness", "chroma_fidelity"]);
  });

  // 60 pairs: on a quarter A is a reference caption and B a vague one, on a quarter the other way
  // round, and on the rest both are references; "people" prefer the reference caption, and split
  // (or call it a tie) between two references.
  const scenes = Array.from({ length: 60 }, (_, i) => sceneAt("test", i));
  const vague = "a picture";
  const pairs = scenes.map((s, i) => ({
    id: `p${i}`, sceneSeed: s.seed, gold: null,
    outputA: { text: i % 4 === 1 ? vague : s.captions[0]! }, outputB: { text: i % 4 === 0 ? vague : s.captions[1]! },
  }));
  const votes = pairs.flatMap((p, i) => ["r1", "r2"].map((raterId, k): { pairId: string; raterId: string; choice: ModelChoice } => ({
    pairId: p.id, raterId, choice: i % 4 === 0 ? "a" : i % 4 === 1 ? "b" : (i + k) % 3 === 0 ? "tie" : k ? "b" : "a",
  })));

  it("learns that people prefer the reference caption: held-out accuracy above the majority side, and the term ranks it first", () => {
    const { params, report } = learnPreference({ task: "captioning", campaignId: "c1", pairs, votes }, ctx, { seed: 3 });
    expect(params).toMatchObject({ campaign: "c1", task: "captioning", votes: 120 });
    expect(params.features.map((f) => f.term)).toEqual(featureTerms("captioning"));
    expect(report.decisive + report.ties).toBe(120);
    expect(report.accuracy.n).toBe(report.decisive);
    expect(report.accuracy.p).toBeGreaterThan(report.baseline.p);
    // The term it makes scores with the fitted weights, in a spec of the task.
    const spec = compileRewardSpec({ task: "captioning", terms: [{ term: "human_preference", weight: 1, params }] });
    const target = shapeWorldTarget("captioning", scenes[1]!);
    const r = evaluate(spec, [{ inputId: "s", output: { text: scenes[1]!.captions[0]! } }, { inputId: "s", output: { text: "a picture" } }], { s: target }, ctx);
    expect(r.samples[0]!.values.human_preference!).toBeGreaterThan(r.samples[1]!.values.human_preference!);
  });

  it("leaves out gold pairs, skips and excluded raters; refuses with too few decisive votes", () => {
    const { report } = learnPreference({ task: "captioning", campaignId: "c1", pairs, votes }, ctx, { exclude: ["r2"] });
    expect(report.votes).toBe(60);
    const gold = pairs.map((p) => ({ ...p, gold: "a" }));
    expect(() => learnPreference({ task: "captioning", campaignId: "c1", pairs: gold, votes }, ctx)).toThrow(/0 decisive votes/);
  });
});
