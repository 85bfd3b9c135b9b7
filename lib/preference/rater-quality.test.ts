import { describe, expect, it } from "vitest";
import { seededRandom } from "./bootstrap";
import type { Rating } from "./kappa";
import { belowChanceSprt, raterQuality, sprtBoundaries } from "./rater-quality";
import { wilsonInterval } from "./wilson";

const ALPHA = 0.01;
const BETA = 0.05;

/** Exact probability that the SPRT flags (and clears) a rater agreeing at rate p within `horizon` votes, by dynamic programming over (agreements, disagreements). */
function exactRates(p: number, horizon: number): { flag: number; clear: number } {
  const b = sprtBoundaries();
  let alive = new Map<number, number>([[0, 1]]); // agreements so far -> probability of still running
  let flag = 0;
  let clear = 0;
  for (let t = 1; t <= horizon; t++) {
    const next = new Map<number, number>();
    for (const [i, q] of alive) {
      for (const [agreements, w] of [[i + 1, q * p], [i, q * (1 - p)]] as const) {
        const llr = agreements * b.agree + (t - agreements) * b.disagree;
        if (llr >= b.upper) flag += w;
        else if (llr <= b.lower) clear += w;
        else next.set(agreements, (next.get(agreements) ?? 0) + w);
      }
    }
    alive = next;
  }
  return { flag, clear };
}

/** Votes of a rater agreeing at rate p, from a seeded stream. */
const simulate = (rand: () => number, p: number, n: number) => Array.from({ length: n }, () => rand() < p);

describe("sprtBoundaries", () => {
  it("are Wald's log((1 - β)/α) and log(β/(1 - α)), with steps log(p1/p0) and log((1 - p1)/(1 - p0))", () => {
    const b = sprtBoundaries();
    expect(b.upper).toBeCloseTo(Math.log(95), 14); // (1 - 0.05) / 0.01
    expect(b.lower).toBeCloseTo(Math.log(5 / 99), 14); // 0.05 / 0.99
    expect(b.agree).toBeCloseTo(Math.log(0.4), 14); // 0.2 / 0.5
    expect(b.disagree).toBeCloseTo(Math.log(1.6), 14); // 0.8 / 0.5
    const c = sprtBoundaries({ chance: 1 / 3, alternative: 0.1, alpha: 0.05, beta: 0.1 });
    expect(c.upper).toBeCloseTo(Math.log(18), 14);
    expect(c.disagree).toBeCloseTo(Math.log(0.9 / (2 / 3)), 14);
    expect(() => sprtBoundaries({ alternative: 0.6 })).toThrow(/^sprt: expected 0 < alternative < chance/);
    expect(() => sprtBoundaries({ alpha: 0.6, beta: 0.5 })).toThrow(/^sprt: expected alpha, beta/);
  });
});

describe("belowChanceSprt", () => {
  it("flags an always-wrong rater at vote 10: 10 log 1.6 = 4.70 is the first multiple past log 95 = 4.55", () => {
    const r = belowChanceSprt(Array(30).fill(false));
    expect(r).toEqual({ n: 10, agreements: 0, llr: expect.closeTo(10 * Math.log(1.6), 12), decision: "flagged", flagged: true, step: 10 });
    expect(9 * Math.log(1.6)).toBeLessThan(Math.log(95));
  });

  it("clears an always-right rater at vote 4 (4 log 0.4 = -3.67 < log(5/99) = -2.99 < 3 log 0.4), and leaves a short mixed path undecided", () => {
    expect(belowChanceSprt(Array(30).fill(true))).toMatchObject({ n: 4, agreements: 4, decision: "cleared", flagged: false, step: 4 });
    // 5 disagreements, 1 agreement: 5 log 1.6 + log 0.4 = 1.43, between the boundaries.
    const r = belowChanceSprt([false, false, true, false, false, false]);
    expect(r).toEqual({ n: 6, agreements: 1, llr: expect.closeTo(5 * Math.log(1.6) + Math.log(0.4), 12), decision: "undecided", flagged: false, step: null });
  });

  it("has exact error rates within Wald's bounds: flags at chance <= α/(1 - β), clears at p1 <= β/(1 - α)", () => {
    const h0 = exactRates(0.5, 2000);
    const h1 = exactRates(0.2, 2000);
    expect(h0.flag).toBeLessThanOrEqual(ALPHA / (1 - BETA));
    expect(h0.flag).toBeLessThanOrEqual(ALPHA); // overshoot of the boundary makes it smaller still
    expect(h0.flag + h0.clear).toBeCloseTo(1, 12); // the test ends with probability 1
    expect(h1.clear).toBeLessThanOrEqual(BETA / (1 - ALPHA));
    expect(exactRates(0.7, 2000).flag).toBeLessThan(h0.flag); // better than chance: fewer alarms
  });

  it("on 4000 simulated raters at chance flags at most α (binomial margin), and 4000 honest ones even fewer", () => {
    const rand = seededRandom(2024);
    const raters = 4000;
    const margin = 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / raters); // 3 standard errors
    const atChance = Array.from({ length: raters }, () => belowChanceSprt(simulate(rand, 0.5, 300)).flagged).filter(Boolean).length;
    expect(atChance / raters).toBeLessThanOrEqual(ALPHA + margin);
    expect(Math.abs(atChance / raters - exactRates(0.5, 300).flag)).toBeLessThanOrEqual(margin);
    // Honest raters agree with the reference at 0.6 to 0.95.
    const honest = Array.from({ length: raters }, () => belowChanceSprt(simulate(rand, 0.6 + 0.35 * rand(), 300)).flagged).filter(Boolean).length;
    expect(honest / raters).toBeLessThanOrEqual(ALPHA + margin);
    // Raters at p1 = 0.2 are flagged with probability at least 1 - β.
    const bad = Array.from({ length: 1000 }, () => belowChanceSprt(simulate(rand, 0.2, 300))).filter((r) => r.flagged);
    expect(bad.length / 1000).toBeGreaterThanOrEqual(1 - BETA - 3 * Math.sqrt((BETA * (1 - BETA)) / 1000));
  });
});

describe("raterQuality", () => {
  const v = (item: string, rater: string, label: string): Rating => ({ item, rater, label });

  it("counts agreement with gold and with the leave-one-out majority, skipping ties among the others", () => {
    const votes = [
      v("s1", "ann", "A"), v("s1", "bob", "A"), v("s1", "cy", "B"), // others of ann: A, B (tie, skipped); of cy: A, A
      v("s2", "ann", "B"), v("s2", "bob", "B"), v("s2", "cy", "B"), v("s2", "ann", "A"), // ann's repeat ignored
      v("s3", "ann", "A"), // no other raters: no consensus
      v("s4", "bob", "A"), v("s4", "cy", "B"), // each the only other: agree iff equal
    ];
    const q = raterQuality(votes, { gold: { s1: "A", s3: "B" } });
    expect(q.duplicates).toBe(1);
    const [ann, bob, cy] = q.raters;
    expect(q.raters.map((r) => r.rater)).toEqual(["ann", "bob", "cy"]);
    expect([ann!.votes, bob!.votes, cy!.votes]).toEqual([3, 3, 3]);
    // Gold: s1 = A, s3 = B.
    expect([ann!.gold.agreements, ann!.gold.n]).toEqual([1, 2]);
    expect([bob!.gold.agreements, bob!.gold.n]).toEqual([1, 1]);
    expect([cy!.gold.agreements, cy!.gold.n]).toEqual([0, 1]);
    // Consensus. ann: s1 tie skipped, s2 others B B -> agree, s3 none. bob: s1 others A B tie skipped,
    // s2 agree, s4 other B vs A -> disagree. cy: s1 others A A vs B -> disagree, s2 agree, s4 disagree.
    expect([ann!.consensus.agreements, ann!.consensus.n]).toEqual([1, 1]);
    expect([bob!.consensus.agreements, bob!.consensus.n]).toEqual([1, 2]);
    expect([cy!.consensus.agreements, cy!.consensus.n]).toEqual([1, 3]);
    expect(cy!.consensus).toEqual({ ...wilsonInterval(1, 3), agreements: 1 });
    // The SPRT reads gold where the item has it, else the consensus: ann s1 gold yes, s2 consensus yes, s3 gold no.
    expect(ann!.sprt).toMatchObject({ n: 3, agreements: 2, llr: expect.closeTo(2 * Math.log(0.4) + Math.log(1.6), 12) });
    expect(raterQuality(votes, { gold: { s1: "A", s3: "B" }, sprtReference: "gold" }).raters[0]!.sprt).toMatchObject({ n: 2, agreements: 1 });
    expect(raterQuality(votes, { sprtReference: "consensus" }).raters[2]!.sprt).toMatchObject({ n: 3, agreements: 1 });
    expect(q.boundaries).toEqual(sprtBoundaries());
  });

  it("flags adversarial raters in a simulated pool and no honest one", () => {
    // 300 binary items, each voted by 5 of 30 raters; raters 0-27 right with probability 0.85,
    // raters 28 and 29 always pick the wrong side. Votes arrive item by item.
    const rand = seededRandom(7);
    const votes: Rating[] = [];
    for (let s = 0; s < 300; s++) {
      const truth = rand() < 0.5 ? "left" : "right";
      const wrong = truth === "left" ? "right" : "left";
      const raters = new Set<number>();
      while (raters.size < 5) raters.add(Math.floor(rand() * 30));
      for (const r of raters) votes.push(v(`s${s}`, `r${r}`, r >= 28 ? wrong : rand() < 0.85 ? truth : wrong));
    }
    const q = raterQuality(votes);
    const flagged = q.raters.filter((r) => r.sprt.flagged).map((r) => r.rater).sort();
    expect(flagged).toEqual(["r28", "r29"]);
    for (const r of q.raters.filter((x) => x.sprt.flagged)) {
      expect(r.sprt.step).toBeLessThanOrEqual(20);
      expect(r.consensus.hi).toBeLessThan(0.5); // its Wilson interval is wholly below chance
    }
  });
});
