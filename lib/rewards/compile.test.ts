import { afterEach, describe, expect, it, vi } from "vitest";
import { compileRewardSpec, isCompiledRewardSpec } from "./compile";
import { evaluate } from "./evaluate";
import { RewardSpecSchema } from "./spec";

const refs = { a: { references: ["a red circle"] } };
const samples = [{ inputId: "a", output: { text: "a red circle" } }, { inputId: "a", output: { text: "red red red circle" } }];
const raw = { task: "captioning", terms: [{ term: "repetition", weight: -2, params: { n: 1 } }, { term: "caption_length", weight: -1, name: "short" }, { term: "caption_drift", weight: 0 }] };

afterEach(() => vi.restoreAllMocks());

describe("compileRewardSpec", () => {
  it("validates once, fills defaults, resolves terms and their params, and says whether the MLE output is needed", () => {
    const c = compileRewardSpec(raw);
    expect(c.spec).toMatchObject({ schemaVersion: 1, aggregate: "normalize_then_sum" });
    expect(c.terms.map((t) => [t.key, t.weight, t.params, t.normalize])).toEqual([
      ["repetition", -2, { n: 1 }, "none"], ["short", -1, { min: 4, max: 24 }, "none"], ["caption_drift", 0, { n: 2 }, "none"],
    ]);
    expect(c.needsMleOutput).toBe(true);
    expect(compileRewardSpec({ ...raw, terms: raw.terms.slice(0, 2) }).needsMleOutput).toBe(false);
    expect(compileRewardSpec(c)).toBe(c);
    expect(() => compileRewardSpec({ task: "captioning", terms: [{ term: "cider_d", weight: "high" }] })).toThrow(/terms\[0\]\.weight/);
  });

  it("evaluate scores a compiled spec without validating it again, with the numbers of the raw spec", () => {
    const c = compileRewardSpec({ ...raw, terms: raw.terms.slice(0, 2) });
    const parse = vi.spyOn(RewardSpecSchema, "safeParse");
    const compiled = [evaluate(c, samples, refs), evaluate(c, samples, refs)];
    expect(parse).not.toHaveBeenCalled();
    const fromRaw = evaluate({ ...raw, terms: raw.terms.slice(0, 2) }, samples, refs);
    expect(parse).toHaveBeenCalledTimes(1);
    // repetition(n=1): 0 and 0.5; length shortfall: 1 and 0 -> composites -2*rep - short = -1, -1.
    for (const r of compiled) expect(r).toEqual(fromRaw);
    expect(fromRaw.samples.map((s) => s.composite)).toEqual([-1, -1]);
  });

  it("a look-alike object is not a compiled spec: evaluate validates it as raw JSON and refuses it", () => {
    const fake = { spec: compileRewardSpec(raw).spec, terms: [], needsMleOutput: false };
    expect(isCompiledRewardSpec(fake)).toBe(false);
    expect(() => evaluate(fake, samples, refs)).toThrow(/^task: /);
  });
});
