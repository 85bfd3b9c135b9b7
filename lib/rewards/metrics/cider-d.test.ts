import { describe, expect, it } from "vitest";
import { CiderDScorer, ciderD } from "./cider-d";

// Hand-computed cases. In a two-image corpus whose images share no n-gram, every n-gram has
// df <= 1, so every weight is tf * (log 2 - log 1) = tf * log 2 (an n-gram in no reference
// too: log 2 - log max(1, 0)). The log 2 factors cancel in each cosine, leaving counts.
// Per image: 10 * mean over n = 1..4 of (mean over refs of the clipped cosine * penalty),
// penalty = exp(-delta^2 / 72) with delta the difference in bigram counts.
const expectRel = (actual: number, want: number, rel = 1e-12) =>
  expect(Math.abs(actual - want)).toBeLessThanOrEqual(rel * Math.abs(want));

const pair = (a: string, b: string) => ({
  references: { A: ["red circle"], B: ["blue square"] },
  candidates: { A: a, B: b },
});

describe("ciderD (hand-computed)", () => {
  it("scores 0 on a one-image corpus, even for an exact match", () => {
    // ref_len = log 1 = 0 and every reference n-gram has df = 1: idf = 0 - log 1 = 0;
    // unseen n-grams: 0 - log max(1, 0) = 0. All vectors are 0, all norms 0, all cosines 0.
    const out = ciderD({ references: { A: ["a red circle"] }, candidates: { A: "a red circle" } });
    expect(out.corpus.CIDEr).toBe(0);
    expect(out.perImage.A!.CIDEr).toBe(0);
  });

  it("scores a 3-word exact match 7.5: the empty 4-gram order counts as 0", () => {
    // "a" is in both images: idf(a) = log 2 - log 2 = 0, other n-grams log 2. Candidate and
    // reference vectors are equal, so orders 1-3 have cosine 1; order 4 has no n-grams (norm
    // 0, so 0). delta = 0. 10 * (1 + 1 + 1 + 0) / 4 = 7.5 for each image and the corpus.
    const out = ciderD({
      references: { A: ["a red circle"], B: ["a blue square"] },
      candidates: { A: "a red circle", B: "a blue square" },
    });
    expectRel(out.perImage.A!.CIDEr, 7.5);
    expectRel(out.perImage.B!.CIDEr, 7.5);
    expectRel(out.corpus.CIDEr, 7.5);
  });

  it("clips the candidate's weights by the reference's", () => {
    // "red red" vs "red circle": order 1 hyp {red: 2}, ref {red: 1, circle: 1};
    // dot = min(2, 1) * 1 = 1, norms 2 and sqrt 2: cosine 1 / (2 sqrt 2) = 0.35355 (without
    // clipping 2 / (2 sqrt 2) = 0.7071). Bigram "red red" unmatched; no 3/4-grams. delta = 0.
    // 10 * 0.35355 / 4 = 0.88388.
    const out = ciderD(pair("red red", "blue square"));
    expectRel(out.perImage.A!.CIDEr, (10 * (1 / (2 * Math.SQRT2))) / 4);
    expect(out.perImage.A!.CIDEr).toBeCloseTo(0.88388, 5);
  });

  it("applies the Gaussian length penalty", () => {
    // "blue square on grass" vs "blue square": order 1: dot 2, norms 2 and sqrt 2 -> 1/sqrt 2;
    // order 2: "blue square" of 3 bigrams -> 1/sqrt 3; orders 3, 4: reference norm 0 -> 0.
    // Bigram counts 3 and 1: delta = 2, penalty exp(-4/72) = 0.94596.
    // 10 * (0.70711 + 0.57735) * 0.94596 / 4 = 3.03761.
    const out = ciderD(pair("red circle", "blue square on grass"));
    expectRel(out.perImage.B!.CIDEr, (10 * (1 / Math.SQRT2 + 1 / Math.sqrt(3)) * Math.exp(-4 / 72)) / 4);
    expect(out.perImage.B!.CIDEr).toBeCloseTo(3.03761, 5);
    // Same caption, no length gap: 10 * (1 + 1) / 4 = 5.
    expectRel(ciderD(pair("red circle", "blue square")).perImage.B!.CIDEr, 5);
  });

  it("gives n-grams absent from every reference the full idf weight", () => {
    // "green triangle" shares nothing with "blue square": 0. "red circle green" vs "red
    // circle": order 1 dot 2, norms sqrt 3, sqrt 2 -> 2/sqrt 6; order 2 dot 1, norms sqrt 2, 1
    // -> 1/sqrt 2; order 3: reference norm 0. delta = 2 - 1: penalty exp(-1/72).
    // 10 * (0.81650 + 0.70711) * 0.98621 / 4 = 3.75647.
    const out = ciderD(pair("red circle green", "green triangle"));
    expect(out.perImage.B!.CIDEr).toBe(0);
    expectRel(out.perImage.A!.CIDEr, (10 * (2 / Math.sqrt(6) + 1 / Math.SQRT2) * Math.exp(-1 / 72)) / 4);
    expect(out.perImage.A!.CIDEr).toBeCloseTo(3.75647, 5);
  });

  it("scores an empty candidate 0", () => {
    expect(ciderD(pair("", "blue square")).perImage.A!.CIDEr).toBe(0);
  });

  it("averages over each image's own number of references; duplicates leave df unchanged", () => {
    // A has 2 refs: cosine sums 2 (exact match, orders 1-2) and 0: 10 * (2 + 0) / 4 / 2 = 2.5.
    // B: 10 * 2 / 4 = 5. Corpus: mean of 2.5 and 5 = 3.75.
    const out = ciderD({
      references: { A: ["red circle", "green triangle"], B: ["blue square"] },
      candidates: { A: "red circle", B: "blue square" },
    });
    expectRel(out.perImage.A!.CIDEr, 2.5);
    expectRel(out.perImage.B!.CIDEr, 5);
    expectRel(out.corpus.CIDEr, 3.75);
    // df counts an image once over the set of its references' n-grams: a duplicated reference
    // changes neither the idf nor the mean over references.
    const dup = ciderD({ ...pair("red red", "blue square"), references: { A: ["red circle", "red circle"], B: ["blue square"] } });
    expect(dup.perImage.A!.CIDEr).toBe(ciderD(pair("red red", "blue square")).perImage.A!.CIDEr);
  });

  it("throws naming an image id missing on either side, and on an empty corpus", () => {
    expect(() => ciderD({ references: { A: ["a"], B: ["b"] }, candidates: { A: "a" } })).toThrow(/image B/);
    expect(() => ciderD({ references: { A: ["a"] }, candidates: { A: "a", C: "c" } })).toThrow(/image C/);
    expect(() => ciderD({ references: {}, candidates: {} })).toThrow();
    expect(() => new CiderDScorer([["a"], []])).toThrow(/image 1/);
  });
});

describe("CiderDScorer", () => {
  it("equals ciderD per image when built from the same references", () => {
    const words = ["a", "red", "blue", "circle", "square", "on", "the", "grass", "sky"];
    let seed = 2024; // Park-Miller LCG: products stay below 2^53
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const caption = () => Array.from({ length: Math.floor(next() * 10) }, () => words[Math.floor(next() * 9)]).join(" ");
    for (let trial = 0; trial < 30; trial++) {
      const references: Record<string, string[]> = {};
      const candidates: Record<string, string> = {};
      for (let i = 0; i < 1 + Math.floor(next() * 8); i++) {
        references[`img${i}`] = Array.from({ length: 1 + Math.floor(next() * 5) }, caption);
        candidates[`img${i}`] = caption();
      }
      const out = ciderD({ references, candidates });
      const scorer = new CiderDScorer(Object.values(references));
      const scores = Object.keys(references).map((id) => scorer.score(candidates[id]!, references[id]!));
      Object.keys(references).forEach((id, i) => expect(out.perImage[id]!.CIDEr).toBe(scores[i]));
      expectRel(out.corpus.CIDEr, scores.reduce((a, b) => a + b, 0) / scores.length);
    }
  });

  it("matches n-grams outside its corpus between candidate and reference", () => {
    // idf from [["red circle"], ["blue square"]]: "zebra" has df 0, weight log 2 on both
    // sides: order 1 cosine 1, orders 2-4 empty: 10 * 1 / 4 = 2.5.
    const scorer = new CiderDScorer([["red circle"], ["blue square"]]);
    expectRel(scorer.score("zebra", ["zebra"]), 2.5);
    expectRel(scorer.score("red circle", ["red circle"]), 5);
    // 40 distinct unseen words (130+ unseen n-grams), compared with themselves: every order
    // has cosine 1 -> 10.
    const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    expectRel(scorer.score(long, [long, long]), 10);
    expect(scorer.score("zebra", ["red circle"])).toBe(0);
  });
});
