import { describe, expect, it } from "vitest";
import { MAX_ORDER, ngramCounts, tokenize } from "./ngrams";

describe("tokenize", () => {
  it("splits on whitespace runs like Python's str.split()", () => {
    expect(tokenize("a red circle")).toEqual(["a", "red", "circle"]);
    expect(tokenize("  a   red\tcircle \n")).toEqual(["a", "red", "circle"]);
  });

  it("gives zero tokens for an empty or blank caption", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("   ")).toEqual([]);
  });
});

describe("ngramCounts", () => {
  it("counts every k-gram for k = 1..4 in precook's dict order", () => {
    // "a b a b": unigrams a x2, b x2; bigrams "a b" x2, "b a" x1; trigrams "a b a", "b a b";
    // one 4-gram. Distinct n-grams per order: 2, 2, 2, 1 -> ends 2, 4, 6, 7.
    const { grams, counts, orderEnds } = ngramCounts(["a", "b", "a", "b"]);
    expect(grams).toEqual(["a", "b", "a b", "b a", "a b a", "b a b", "a b a b"]);
    expect(counts).toEqual([2, 2, 2, 1, 1, 1, 1]);
    expect(orderEnds).toEqual([2, 4, 6, 7]);
  });

  it("has empty higher orders for captions shorter than the order", () => {
    // Two tokens: 2 unigrams, 1 bigram, no trigram or 4-gram.
    expect(ngramCounts(["red", "circle"]).orderEnds).toEqual([2, 3, 3, 3]);
    expect(ngramCounts([])).toEqual({ grams: [], counts: [], orderEnds: [0, 0, 0, 0] });
  });

  it("has counts of order k summing to L - k + 1", () => {
    const tokens = tokenize("the the red circle the the red square");
    const { counts, orderEnds } = ngramCounts(tokens);
    let start = 0;
    for (let k = 1; k <= MAX_ORDER; k++) {
      const end = orderEnds[k - 1]!;
      expect(counts.slice(start, end).reduce((a, b) => a + b, 0)).toBe(tokens.length - k + 1);
      start = end;
    }
  });
});
