import { describe, expect, it } from "vitest";
import { cohenKappa, fleissKappa, ratingsTable } from "./kappa";

const expectRel = (actual: number, want: number, rel = 1e-9) => expect(Math.abs(actual - want)).toBeLessThanOrEqual(rel * Math.max(Math.abs(want), 1e-6));
const labels = (s: string) => [...s];

describe("cohenKappa by hand", () => {
  it("on a 2x2 table: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no", () => {
    // p_o = 35/50 = 0.7; a says yes 25/50, b 30/50: p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; κ = 0.2 / 0.5.
    const a = [...Array(25).fill("yes"), ...Array(25).fill("no")] as string[];
    const b = [...Array(20).fill("yes"), ...Array(5).fill("no"), ...Array(10).fill("yes"), ...Array(15).fill("no")] as string[];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 15); // sklearn cohen_kappa_score gives 0.4 too
    expect(cohenKappa(b, a)).toBeCloseTo(0.4, 15);
  });

  it("is 1 on perfect agreement, negative below chance, NaN when both give one same label (as sklearn)", () => {
    expect(cohenKappa(["x", "y"], ["x", "y"])).toBe(1);
    expect(cohenKappa(["x", "y"], ["y", "x"])).toBe(-1); // p_o = 0, p_e = 1/2
    expect(cohenKappa(["a", "a", "a", "a"], ["a", "a", "a", "a"])).toBeNaN(); // sklearn: nan
    expect(cohenKappa(["a", "a"], ["a", "b"])).toBe(0); // p_o = p_e = 1/2
    expect(() => cohenKappa(["a"], [])).toThrow(/^b: /);
    expect(() => cohenKappa([], [])).toThrow(/^a: /);
  });
});

// [a, b, κ]: sklearn 1.2.1 (Debian python3-sklearn) cohen_kappa_score(list(a), list(b)), one
// label per character; 20 random pairs (numpy default_rng(20240612)), b copying a on a random
// share of items and otherwise drawing from one more label than a uses.
const SKLEARN: [string, string, number][] = [
  ["bcaabababacbaabaaaaacc", "bcaababacacbaabaaaaacc", 0.9241379310344827],
  ["cabbbaabccbccaaabbabcccc", "bcbbbaadccbccaaabbabcccb", 0.7538461538461538],
  ["adcbbbbacdbcaadaacabdaabcc", "aebeddbdddbcaedbaecbebddcc", 0.2921960072595282],
  ["aabbbbbbabaabbbbbbbbbbababaa", "bababbccacaabcbbbbbbbaaaabaa", 0.4885844748858448],
  ["aabbbaabbbbbaaaabbbaaaaabbbbbbb", "aabbbacabbcbbaaacababaabaacbbbb", 0.3685185185185186],
  ["accacccabccabbcbcbaabcbbbaac", "bacacdcbdccabbdbbcddbcbddcac", 0.37349397590361444],
  ["aabbbabab", "bacabaaac", 0.11764705882352933],
  ["babacaacccccbabbc", "baaacabccccccabba", 0.6421052631578947],
  ["ccbabccbccbcbacacbcacccbbab", "ccbaaccbbccbdcaaacabcbabacc", 0.10559006211180111],
  ["abcbc", "ccdbd", -0.05263157894736814],
  ["baaabbbaaababaab", "baaacbbaaababaab", 0.8796992481203008],
  ["dbddacbdcdcbbdaddcadcdcdcabb", "aeacaccddacabaebeccacaaadeab", 0.125],
  ["abbaaababbb", "abababbabbb", 0.44067796610169485],
  ["abbbcacbcbbbbabccbcbcaaaaccbcabcaaaaa", "abbbcacccbbabadccbcbcdabaccbbabcabaaa", 0.7232905982905983],
  ["bbabaaabaaabbbaababbbbbb", "bbabaacbaaccccaaababbbbc", 0.4],
  ["babccadbdbcdcbddcbdcaccbbcccad", "cabecababeddcedbebbcdcccbabdaa", 0.27142857142857146],
  ["aabaabbbaaaabbbb", "aabaabbbabaabbbc", 0.7647058823529411],
  ["ccdabccdadacbcabdcbabdacccccbbabbddcc", "acdabccdadbcccabdcbaabacecdbebabadabc", 0.5714285714285714],
  ["dcccbccdbabbbbc", "dccdbacddcbbbbc", 0.6153846153846154],
  ["cbbaccbbaccbcbaaab", "cadabbbcaacbcbdaac", 0.37117903930131],
];

describe("cohenKappa matches sklearn", () => {
  it("on 20 random label pairs, to relative 1e-9", () => {
    for (const [a, b, k] of SKLEARN) expectRel(cohenKappa(labels(a), labels(b)), k);
  });
});

describe("fleissKappa by hand", () => {
  it("is 1, -1 and NaN on tables with known answers", () => {
    expect(fleissKappa([[2, 0], [0, 2]])).toBe(1); // P̄ = 1, P̄_e = 1/2
    expect(fleissKappa([[1, 1], [1, 1]])).toBe(-1); // P̄ = 0, P̄_e = 1/2
    expect(fleissKappa([[3, 0], [3, 0]])).toBeNaN(); // P̄_e = 1; statsmodels: nan
    // 3 items, 3 raters: P_i = (Σ t² - 3) / 6 = 1, 1/3, 1, P̄ = 7/9; p = (4/9, 5/9), P̄_e = 41/81;
    // κ = (63/81 - 41/81) / (40/81) = 22/40.
    expect(fleissKappa([[3, 0], [1, 2], [0, 3]])).toBeCloseTo(0.55, 15);
  });

  it("on Fleiss's worked example (Wikipedia: 10 items, 14 raters, 5 categories)", () => {
    const table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]];
    expectRel(fleissKappa(table), 0.20993070442195522); // statsmodels fleiss_kappa(table, method="fleiss")
  });

  it("refuses unequal raters, ragged rows, non-counts and a single rater", () => {
    expect(() => fleissKappa([[2, 0], [1, 0]])).toThrow(/^table\[1\]: expected 2 ratings/);
    expect(() => fleissKappa([[2, 0], [2]])).toThrow(/^table\[1\]: expected 2 categories/);
    expect(() => fleissKappa([[1.5, 0.5]])).toThrow(/^table\[0\]: expected non-negative integer/);
    expect(() => fleissKappa([[1, 0]])).toThrow(/at least 2 ratings/);
    expect(() => fleissKappa([])).toThrow(/^table: /);
  });
});

// [table, κ]: statsmodels 0.13.5 fleiss_kappa(np.array(table), method="fleiss"); 20 random
// tables (same generator), 2-11 items, 2-4 categories, 2-6 raters, rows multinomial with
// Dirichlet(0.7) category shares.
const STATSMODELS: [number[][], number][] = [
  [[[3, 2], [4, 1], [4, 1]], -0.19318181818181798],
  [[[3, 2], [5, 0]], 0.06249999999999939],
  [[[0, 4, 0], [0, 4, 0], [3, 1, 0], [2, 2, 0], [2, 1, 1], [1, 3, 0], [3, 0, 1], [0, 3, 1], [1, 0, 3], [4, 0, 0]], 0.3495934959349592],
  [[[1, 3, 0], [0, 1, 3], [3, 0, 1], [0, 3, 1], [2, 2, 0], [0, 2, 2]], 0.13513513513513517],
  [[[2, 3], [4, 1], [3, 2], [2, 3], [0, 5], [0, 5], [4, 1]], 0.24166666666666656],
  [[[0, 4, 0], [1, 3, 0], [2, 1, 1], [0, 2, 2], [2, 0, 2], [2, 1, 1], [0, 1, 3], [3, 1, 0], [2, 0, 2], [2, 1, 1], [2, 0, 2]], 0.08902691511387162],
  [[[0, 2, 0], [2, 0, 0], [0, 1, 1], [0, 0, 2], [2, 0, 0]], 0.696969696969697],
  [[[2, 2, 2, 0], [0, 3, 2, 1], [0, 2, 3, 1], [1, 3, 1, 1], [3, 1, 0, 2]], -0.04587155963302751],
  [[[1, 0, 1, 0], [0, 0, 1, 1], [2, 0, 0, 0], [1, 1, 0, 0], [0, 1, 1, 0], [1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 2], [0, 1, 1, 0], [0, 2, 0, 0]], 0.03448275862068968],
  [[[1, 0, 2, 2], [2, 0, 3, 0], [5, 0, 0, 0], [0, 0, 0, 5], [1, 1, 2, 1], [1, 3, 1, 0], [0, 3, 2, 0]], 0.30921052631578944],
  [[[0, 1, 0, 1], [0, 0, 2, 0], [1, 0, 0, 1]], 0.07692307692307689],
  [[[0, 0, 1, 1], [1, 0, 1, 0]], -0.6],
  [[[3, 1, 0, 1], [2, 0, 3, 0], [3, 2, 0, 0], [1, 0, 0, 4], [0, 5, 0, 0]], 0.3553811659192826],
  [[[4, 1], [4, 1], [0, 5], [5, 0], [1, 4], [4, 1], [3, 2], [1, 4], [3, 2], [2, 3], [5, 0]], 0.29008152173913065],
  [[[0, 3], [0, 3], [3, 0], [3, 0], [3, 0]], 1.0],
  [[[5, 0], [5, 0], [2, 3], [0, 5], [3, 2], [2, 3], [4, 1], [5, 0], [3, 2], [5, 0], [5, 0]], 0.38301282051282076],
  [[[1, 0, 1, 0], [0, 1, 1, 0], [1, 1, 0, 0]], -0.49999999999999994],
  [[[1, 0, 4], [0, 0, 5], [1, 0, 4], [4, 1, 0], [0, 5, 0], [1, 2, 2], [5, 0, 0], [5, 0, 0], [2, 3, 0]], 0.5561456752655539],
  [[[2, 4], [0, 6], [3, 3]], 0.0584615384615385],
  [[[0, 2, 0, 0], [1, 0, 0, 1], [2, 0, 0, 0], [2, 0, 0, 0], [1, 1, 0, 0], [1, 0, 0, 1], [1, 0, 0, 1]], 0.017543859649122823],
];

describe("fleissKappa matches statsmodels", () => {
  it("on 20 random tables, to relative 1e-9", () => {
    for (const [table, k] of STATSMODELS) expectRel(fleissKappa(table), k);
  });
});

describe("ratingsTable", () => {
  const r = (item: string, rater: string, label: string) => ({ item, rater, label });

  it("keeps items with enough raters, their first ratersPerItem distinct raters, in first-seen order", () => {
    const ratings = [
      r("s1", "ann", "A"), r("s2", "ann", "B"), r("s1", "bob", "A"), r("s1", "ann", "B"), // ann's repeat on s1 ignored
      r("s3", "cy", "A"), r("s2", "bob", "B"), r("s1", "cy", "B"), r("s2", "cy", "A"), r("s1", "dee", "B"), // dee is s1's 4th
    ];
    const t = ratingsTable(ratings, ["A", "B"], 3);
    expect(t).toEqual({ table: [[2, 1], [1, 2]], items: ["s1", "s2"], used: 2, skipped: 1, duplicates: 1 });
    expect(fleissKappa(t.table)).toBeCloseTo(fleissKappa([[2, 1], [1, 2]]), 15);
  });

  it("fails on a label outside the categories and on fewer than 2 raters per item", () => {
    expect(() => ratingsTable([r("s1", "ann", "C")], ["A", "B"], 2)).toThrow(/^ratings\[0\]\.label: expected one of A, B, got "C"/);
    expect(() => ratingsTable([], ["A", "B"], 1)).toThrow(/^ratersPerItem: /);
  });
});
