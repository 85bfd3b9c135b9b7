import { describe, expect, it } from "vitest";
import { ciderD, compileRewardSpec, DEFAULT_REWARD_SPECS, shapeWorldRewardContext, type OutputOf } from "@/lib/rewards";
import { REWARD_METRIC, termMetric } from "@/lib/compare/contract";
import { aggregateComparison, compareScenes, scoreComparison } from "./compare";

const scenes = compareScenes("test", 5, 6);
// A says nothing useful; B repeats the first reference caption (CIDEr-D is high for it).
const a: OutputOf<"captioning">[] = scenes.map(() => ({ text: "a shape" }));
const b: OutputOf<"captioning">[] = scenes.map((s) => ({ text: s.captions[0]! }));
const spec = compileRewardSpec(DEFAULT_REWARD_SPECS.captioning);
const ctx = shapeWorldRewardContext({ scenes: 200 });

describe("scoreComparison", () => {
  it("scores both checkpoints' outputs per scene with every term of the spec, on the scenes asked for", () => {
    expect(scenes.map((s) => s.seed)).toEqual([101_005, 101_006, 101_007, 101_008, 101_009, 101_010]);
    const r = scoreComparison(spec, scenes, a, b, ctx);
    expect(r.keys).toEqual(["cider_d", "object_recall", "object_hallucination", "count_accuracy", "bleu_4", "caption_length", "repetition"]);
    expect(r.weights).toEqual({ cider_d: 1, object_recall: 4, object_hallucination: 0, count_accuracy: 0, bleu_4: 0, caption_length: -0.1, repetition: 0 });
    expect(r.scenes).toHaveLength(6);
    for (const s of r.scenes) {
      expect(s.b.terms.cider_d!).toBeGreaterThan(s.a.terms.cider_d!);
      // composite = cider_d + 4 object_recall - 0.1 caption_length (no normalisation in the default
      // spec; its KL, kl.beta, is the trainer's and not folded into a greedy output's score)
      expect(s.a.composite!).toBeCloseTo(s.a.terms.cider_d! + 4 * s.a.terms.object_recall! - 0.1 * s.a.terms.caption_length!, 12);
    }
    expect(DEFAULT_REWARD_SPECS.captioning.kl?.beta).toBeGreaterThan(0);
    expect(r.scenes[0]!.b.output).toEqual({ text: scenes[0]!.captions[0] });
  });
});

describe("aggregateComparison", () => {
  it("gives each side's corpus CIDEr (as evalMetrics computes it), B − A, and an interval around it", () => {
    const scored = scoreComparison(spec, scenes, a, b, ctx);
    const agg = aggregateComparison("captioning", scenes, a, b, scored, { maxResamples: 200 });
    expect(agg.resamples).toBe(200);
    const cider = agg.metrics.find((m) => m.name === "CIDEr")!;
    const refs = Object.fromEntries(scenes.map((s, i) => [String(i), s.captions]));
    const corpus = (outs: OutputOf<"captioning">[]) => ciderD({ references: refs, candidates: Object.fromEntries(outs.map((o, i) => [String(i), o.text])) }).corpus.CIDEr;
    expect(cider.a).toBeCloseTo(corpus(a), 10);
    expect(cider.b).toBeCloseTo(corpus(b), 10);
    expect(cider.diff).toBeCloseTo(corpus(b) - corpus(a), 10);
    expect(cider.lo!).toBeLessThanOrEqual(cider.diff!);
    expect(cider.hi!).toBeGreaterThanOrEqual(cider.diff!);
    expect(cider.lo!).toBeGreaterThan(0); // B wins on every scene
    const reward = agg.metrics.find((m) => m.name === REWARD_METRIC)!;
    expect(reward.a).toBeCloseTo(scored.scenes.reduce((s, x) => s + x.a.composite!, 0) / 6, 12);
    expect(agg.metrics.map((m) => m.name)).toContain(termMetric("cider_d"));
  }, 30_000); // 200 corpus CIDEr-D recomputations: well under a second alone, slower on a shared machine

  it("takes fewer resamples when one recomputation is slow, never under 50", () => {
    const scored = scoreComparison(spec, scenes, a, b, ctx);
    let t = 0;
    const agg = aggregateComparison("captioning", scenes, a, b, scored, { budgetMs: 1000, now: () => (t += 100) });
    expect(agg.resamples).toBe(50); // 1000 ms / 100 ms = 10, raised to the floor of 50
  });
});
