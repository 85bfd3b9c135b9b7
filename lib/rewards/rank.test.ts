import { describe, expect, it } from "vitest";
import { rankStored, ranksWithinGroups } from "./rank";
import { termScoreKey } from "./score-terms";
import { parseRewardSpec } from "./spec";

describe("ranksWithinGroups", () => {
  it("ranks by composite within each group, 1 = best, non-finite last", () => {
    expect(ranksWithinGroups([0.5, 2, NaN, 1, 3, 3], ["a", "a", "a", "a", "b", "b"])).toEqual([3, 1, 4, 2, 1, 2]);
  });
});

describe("rankStored", () => {
  const spec = parseRewardSpec({ task: "captioning", terms: [{ term: "cider_d", weight: 1 }, { term: "caption_length", weight: -2 }] });
  const groups = ["0", "0", "1", "1"];
  it("combines stored raw values, ranks and splits the spread; a changed weight re-ranks without rescoring", () => {
    const raw = { [termScoreKey({ term: "cider_d" })]: [1, 0.5, 0.2, 0.4], [termScoreKey({ term: "caption_length" })]: [1, 0, 0, 0] };
    const r = rankStored(spec, raw, groups, [0, 0, 0, 0]);
    if ("missing" in r) throw new Error("expected a ranking");
    // composite = cider - 2 * length: [-1, 0.5, 0.2, 0.4].
    expect(r.composite).toEqual([-1, 0.5, 0.2, 0.4]);
    expect(r.ranks).toEqual([2, 1, 2, 1]);
    // Group 0: parts cider [1, 0.5], length [-2, 0]: R = [-1, 0.5]; shares cider -1/3, length 4/3. Group 1: cider 1.
    expect(r.shares.shares[0]).toBeCloseTo((-1 / 3 + 1) / 2, 12);
    expect(r.shares.shares[1]).toBeCloseTo((4 / 3 + 0) / 2, 12);
    const lighter = rankStored(parseRewardSpec({ ...spec, terms: [spec.terms[0], { ...spec.terms[1], weight: -0.1 }] }), raw, groups, [0, 0, 0, 0]);
    if ("missing" in lighter) throw new Error("expected a ranking");
    expect(lighter.ranks).toEqual([1, 2, 2, 1]);
  });

  it("says which terms (with params) it has no values for", () => {
    const withBleu = parseRewardSpec({ ...spec, terms: [...spec.terms, { term: "bleu", weight: 1, params: { n: 2 } }] });
    const r = rankStored(withBleu, { [termScoreKey({ term: "cider_d" })]: [1, 1, 1, 1], [termScoreKey({ term: "caption_length" })]: [0, 0, 0, 0] }, groups, [0, 0, 0, 0]);
    expect(r).toEqual({ missing: [{ key: 'bleu{"n":2}', term: "bleu", params: { n: 2 } }] });
  });
});
