import { describe, expect, it } from "vitest";
import { rewardSpecHash } from "@/lib/db/queries/reward-specs";
import { DEFAULT_REWARD_SPECS, parseRewardSpec, TASK_IDS } from "@/lib/rewards";
import { canonicalJson, specHash } from "./spec-hash";

describe("specHash", () => {
  it("is the hash the server gives a saved version of the same (parsed) spec", async () => {
    for (const task of TASK_IDS) expect(await specHash(DEFAULT_REWARD_SPECS[task])).toBe(rewardSpecHash(parseRewardSpec(DEFAULT_REWARD_SPECS[task])));
  });

  it("ignores key order and changes with any weight", async () => {
    const spec = DEFAULT_REWARD_SPECS.captioning as { terms: { term: string; weight: number }[] };
    const reordered = Object.fromEntries(Object.entries(spec).reverse());
    expect(await specHash(reordered)).toBe(await specHash(spec));
    expect(await specHash({ ...spec, terms: spec.terms.map((t, i) => (i === 0 ? { ...t, weight: 2 } : t)) })).not.toBe(await specHash(spec));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });
});
