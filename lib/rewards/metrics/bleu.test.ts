import { describe, expect, it } from "vitest";
import { bleu, sentenceBleu, type BleuScores } from "./bleu";

// Hand-counted cases. The arithmetic below is bleu_scorer.py's: precision
// (correct + 1e-15) / (guess + 1e-9), geometric mean of orders 1..n, brevity penalty
// exp(1 - 1/ratio) with ratio = (testlen + 1e-15) / (reflen + 1e-9) when ratio < 1.
// Only the counts and lengths in each case are worked out by hand.
const prec = (correct: number, guess: number) => (correct + 1e-15) / (guess + 1e-9);
function expected(correct: number[], guess: number[], testLen: number, refLen: number): number[] {
  const ratio = (testLen + 1e-15) / (refLen + 1e-9);
  const penalty = ratio < 1 ? Math.exp(1 - 1 / ratio) : 1;
  let product = 1;
  return [0, 1, 2, 3].map((k) => {
    product *= prec(correct[k]!, guess[k]!);
    return product ** (1 / (k + 1)) * penalty;
  });
}
const values = (s: BleuScores) => [s.Bleu_1, s.Bleu_2, s.Bleu_3, s.Bleu_4];
function expectClose(actual: number[], want: number[], rel = 1e-12): void {
  actual.forEach((a, i) => expect(Math.abs(a - want[i]!)).toBeLessThanOrEqual(rel * Math.abs(want[i]!)));
}

describe("sentenceBleu (hand-computed)", () => {
  it("scores an exact match just under 1", () => {
    // 7 tokens: correct = guess = [7, 6, 5, 4]; testlen = reflen = 7, but the smoothing makes
    // ratio = (7 + 1e-15) / (7 + 1e-9) < 1, so BP = exp(-1e-9/7): Bleu_1 ~ 1 - 2.9e-10.
    const s = sentenceBleu("a red circle above a blue square", ["a red circle above a blue square"]);
    expectClose(values(s), expected([7, 6, 5, 4], [7, 6, 5, 4], 7, 7));
    expect(s.Bleu_1).toBeCloseTo(1 - 2e-9 / 7, 14);
  });

  it("counts partial overlap against all references", () => {
    // cand "a red circle on the grass": every unigram is in some ref (6/6); bigrams
    // a-red, red-circle, the-grass (ref 1), circle-on, on-the (ref 2): 5/5; trigrams
    // "a red circle" (1), "circle on the" (2), not "red circle on", "on the grass": 2/4;
    // no 4-gram matches: 0/3. All lengths 6.
    const s = sentenceBleu("a red circle on the grass", ["a red circle above the grass", "a blue circle on the sand"]);
    expectClose(values(s), expected([6, 5, 2, 0], [6, 5, 4, 3], 6, 6));
    expect(s.Bleu_3).toBeCloseTo(Math.cbrt(0.5), 9); // 0.7937
    // p4 = 1e-15 / 3 keeps Bleu_4 above 0: (0.5 * 3.3e-16)^(1/4) ~ 1.14e-4
    expect(s.Bleu_4).toBeCloseTo(1.136e-4, 7);
  });

  it("scores an empty candidate 0", () => {
    // testlen 0: ratio = 1e-15 / (reflen + 1e-9), so BP = exp(1 - ~3e14) underflows to 0.
    expect(values(sentenceBleu("", ["a red circle", "a blue square on grass"]))).toEqual([0, 0, 0, 0]);
  });

  it("gives orders longer than the candidate precision 1e-6, not 0", () => {
    // cand "red circle": guess = [2, 1, 0, 0], correct = [2, 1, 0, 0]; closest ref is
    // "red circle" (|2 - 2| = 0). p3 = p4 = 1e-15 / 1e-9 = 1e-6, so Bleu_3 ~ (1e-6)^(1/3)
    // = 0.01 and Bleu_4 ~ (1e-12)^(1/4) = 0.001.
    const s = sentenceBleu("red circle", ["a red circle", "red circle"]);
    expectClose(values(s), expected([2, 1, 0, 0], [2, 1, 0, 0], 2, 2));
    expect(s.Bleu_3).toBeCloseTo(0.01, 9);
    expect(s.Bleu_4).toBeCloseTo(0.001, 9);
  });

  it("breaks a closest-length tie towards the shorter reference", () => {
    // cand (5 tokens) vs refs of 4 and 6 tokens, both at distance 1: reflen 4, ratio 5/4 > 1,
    // BP = 1 (reflen 6 would give exp(1 - 6/5) ~ 0.819). Counts: unigrams 5/5, bigrams 4/4,
    // trigrams 3/3, 4-grams "a red circle on" only: 1/2, so Bleu_4 ~ 0.5^(1/4) = 0.8409.
    const refs = ["a circle on grass", "a red circle on the grass"];
    const want = expected([5, 4, 3, 1], [5, 4, 3, 2], 5, 4);
    expectClose(values(sentenceBleu("a red circle on grass", refs)), want);
    expectClose(values(sentenceBleu("a red circle on grass", [...refs].reverse())), want);
    expect(want[3]).toBeCloseTo(0.8409, 4);
  });

  it("clips repeated words by their largest count in one reference", () => {
    // "the" x4 but at most 2 in a ref: unigrams 2/4, no bigram matches (0/3, 0/2, 0/1).
    // Closest of 6 and 7 tokens to 4 is 6: BP = exp(1 - 6/4) = e^-0.5, Bleu_1 ~ 0.5 * 0.6065.
    const s = sentenceBleu("the the the the", ["the cat is on the mat", "there is a cat on the mat"]);
    expectClose(values(s), expected([2, 0, 0, 0], [4, 3, 2, 1], 4, 6));
    expect(s.Bleu_1).toBeCloseTo(0.5 * Math.exp(-0.5), 9);
  });

  it("ignores extra whitespace", () => {
    expect(sentenceBleu("  a   red circle ", ["a red\tcircle"])).toEqual(sentenceBleu("a red circle", ["a red circle"]));
  });
});

describe("bleu (corpus)", () => {
  const input = {
    references: { A: ["a red circle"], B: ["a green triangle on the grass"] },
    candidates: { A: "a red circle", B: "a blue square" },
  };

  it("pools counts over images instead of averaging per-image scores", () => {
    // A: correct = guess = [3, 2, 1, 0], lengths 3/3. B: only "a" matches: correct [1, 0, 0, 0],
    // guess [3, 2, 1, 0], lengths 3/6. Pooled: correct [4, 2, 1, 0], guess [6, 4, 2, 0],
    // testlen 6, reflen 9: Bleu_1 ~ (4/6) * exp(1 - 9/6) = 0.40435, while the mean of the
    // per-image Bleu_1 values is ~ (1 + e^-1 / 3) / 2 = 0.561.
    const { corpus, perImage } = bleu(input);
    expectClose(values(corpus), expected([4, 2, 1, 0], [6, 4, 2, 0], 6, 9));
    expect(corpus.Bleu_1).toBeCloseTo(0.40435, 5);
    expectClose(values(perImage.A!), expected([3, 2, 1, 0], [3, 2, 1, 0], 3, 3));
    expectClose(values(perImage.B!), expected([1, 0, 0, 0], [3, 2, 1, 0], 3, 6));
  });

  it("reports sentenceBleu per image and stays within [0, 1] on random corpora", () => {
    const words = ["a", "red", "blue", "circle", "square", "on", "the", "grass"];
    let seed = 12345; // Park-Miller LCG: products stay below 2^53
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const caption = () => Array.from({ length: Math.floor(next() * 9) }, () => words[Math.floor(next() * 8)]).join(" ");
    for (let trial = 0; trial < 50; trial++) {
      const references: Record<string, string[]> = {};
      const candidates: Record<string, string> = {};
      for (let i = 0; i < 1 + Math.floor(next() * 6); i++) {
        references[`img${i}`] = Array.from({ length: 1 + Math.floor(next() * 5) }, caption);
        candidates[`img${i}`] = caption();
      }
      const { corpus, perImage } = bleu({ references, candidates });
      for (const v of values(corpus)) expect(v >= 0 && v <= 1).toBe(true);
      for (const [id, scores] of Object.entries(perImage)) {
        expect(scores).toEqual(sentenceBleu(candidates[id]!, references[id]!));
        for (const v of values(scores)) expect(v >= 0 && v <= 1).toBe(true);
      }
    }
  });

  it("throws naming an image id missing on either side or without references", () => {
    expect(() => bleu({ references: { A: ["a"], B: ["b"] }, candidates: { A: "a" } })).toThrow(/image B/);
    expect(() => bleu({ references: { A: ["a"] }, candidates: { A: "a", C: "c" } })).toThrow(/image C/);
    expect(() => bleu({ references: { A: [] }, candidates: { A: "a" } })).toThrow(/image A/);
    expect(() => sentenceBleu("a", [])).toThrow();
  });
});
