import { describe, expect, it } from "vitest";
import { rewardHackingFlags } from "./flags";

/** A series map from name -> values at steps 0, 1, 2, ... */
const series = (named: Record<string, (number | null)[]>) =>
  new Map(Object.entries(named).map(([k, vs]) => [k, vs.map((value, step) => ({ step, value }))]));
const kinds = (flags: { kind: string; step: number }[]) => flags.map((f) => `${f.kind}@${f.step}`);

describe("rewardHackingFlags", () => {
  it("raises nothing on a healthy run", () => {
    const s = series({ kl: [0, 0.01, 0.02, 0.03, 0.04, 0.05], entropy: [10, 10, 9.5, 9.8, 9.6, 9.4], zero_spread: [0, 0.5, 0, 0, 0.5, 0], output_size: [8, 8, 9, 8, 8, 9], composite: [0, 0.1, 0.2, 0.3, 0.4, 0.5] });
    expect(rewardHackingFlags({ series: s, evalMetric: "CIDEr" })).toEqual([]);
  });

  it("flags KL only when it is both over the bound and climbing", () => {
    // Slope over the last 3 steps at step 3: (1.2 - 0.6) / 2 = 0.3 > 0.05, and 1.2 > 1.
    const rising = rewardHackingFlags({ series: series({ kl: [0.2, 0.6, 0.9, 1.2, 1.5] }), evalMetric: "CIDEr" });
    expect(kinds(rising)).toEqual(["kl_rising@3"]);
    // High but flat: no flag.
    expect(rewardHackingFlags({ series: series({ kl: [2, 2, 2, 2, 2] }), evalMetric: "CIDEr" })).toEqual([]);
  });

  it("flags entropy under a fifth of its start, and three steps of zero spread", () => {
    // Start = mean(10, 10, 10) = 10; 1.9 < 2 at step 4.
    const s = series({ entropy: [10, 10, 10, 5, 1.9, 1], zero_spread: [0.5, 1, 1, 0.95, 0, 1] });
    expect(kinds(rewardHackingFlags({ series: s, evalMetric: "CIDEr" }))).toEqual(["zero_spread@3", "entropy_collapse@4"]);
  });

  it("flags each crossing of a guardrail on its term's series", () => {
    const s = series({ "term/caption_length": [0.2, 0.6, 0.7, 0.3, 0.9] });
    const flags = rewardHackingFlags({ series: s, evalMetric: "CIDEr", guardrails: [{ metric: "caption_length", op: "<=", threshold: 0.5 }] });
    expect(kinds(flags)).toEqual(["guardrail@1", "guardrail@4"]);
    expect(flags[0]).toMatchObject({ series: "term/caption_length", title: "Guardrail caption_length <= 0.5 broken", detail: "caption_length = 0.6" });
  });

  it("flags the training reward rising while the held-out metric falls", () => {
    // Evals at steps 2 and 5: CIDEr 0.5 -> 0.4 (a 20 % drop); composite level at 2 = mean(0,0.1,0.2)=0.1, at 5 = mean(0.3,0.4,0.5)=0.4.
    const s = new Map([
      ["composite", [0, 0.1, 0.2, 0.3, 0.4, 0.5].map((value, step) => ({ step, value }))],
      ["eval/CIDEr", [{ step: 2, value: 0.5 }, { step: 5, value: 0.4 }]],
    ]);
    expect(kinds(rewardHackingFlags({ series: s, evalMetric: "CIDEr" }))).toEqual(["reward_vs_eval@5"]);
    // Against the base model: 0.6 -> 0.5 with the reward level 0 (step 0) -> 0.1.
    expect(kinds(rewardHackingFlags({ series: s, evalMetric: "CIDEr", baseEval: 0.6 }))).toEqual(["reward_vs_eval@2", "reward_vs_eval@5"]);
    // A held-out metric that rises is no flag.
    const up = new Map([...s, ["eval/CIDEr", [{ step: 2, value: 0.5 }, { step: 5, value: 0.6 }]]]);
    expect(rewardHackingFlags({ series: up, evalMetric: "CIDEr" })).toEqual([]);
  });

  it("flags output size moving more than 25 % from its start", () => {
    // Start mean(8,8,8)=8; trailing means: steps 3..5 = 8, 9, 10.33 (+29 %) at step 6 -> window (9, 10, 12) = 10.33.
    const s = series({ output_size: [8, 8, 8, 8, 9, 10, 12] });
    const flags = rewardHackingFlags({ series: s, evalMetric: "CIDEr" });
    expect(kinds(flags)).toEqual(["output_drift@6"]);
    expect(flags[0]!.detail).toContain("+29.2 %");
  });

  it("ignores missing values (skipped steps)", () => {
    expect(rewardHackingFlags({ series: series({ kl: [null, null, null, null] }), evalMetric: "AP" })).toEqual([]);
  });
});
