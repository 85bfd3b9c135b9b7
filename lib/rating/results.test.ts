import { describe, expect, it } from "vitest";
import { wilsonInterval } from "@/lib/preference";
import { campaignResults, type ResultPair, type ResultVote } from "./results";

const pair = (id: string, over: Partial<ResultPair> = {}): ResultPair => ({ id, sceneSeed: Number(id.slice(1)), note: "", gold: null, rewardA: 0.2, rewardB: 0.8, ...over });
const vote = (pairId: string, raterId: string, choice: ResultVote["choice"], aShownLeft = true, comment = ""): ResultVote => ({ pairId, raterId, raterName: raterId.toUpperCase(), choice, aShownLeft, comment });

describe("campaignResults", () => {
  // 12 decisive-or-tied votes on real pairs: A 3, B 7, tie 2; one skip; one gold pair.
  const pairs = [...Array.from({ length: 6 }, (_, i) => pair(`p${i}`)), pair("g9", { gold: "a", rewardA: null, rewardB: null })];
  const votes: ResultVote[] = [
    vote("p0", "r1", "b", true), vote("p0", "r2", "b", false),
    vote("p1", "r1", "b", false), vote("p1", "r2", "a", true, "B names a shape that is not there"),
    vote("p2", "r1", "a", true), vote("p2", "r2", "a", false, "A is right"),
    vote("p3", "r1", "b", true), vote("p3", "r2", "b", true),
    vote("p4", "r1", "tie"), vote("p4", "r2", "b", false),
    vote("p5", "r1", "b", false), vote("p5", "r2", "tie"),
    vote("g9", "r1", "a"), vote("g9", "r2", "b"),
    vote("p5", "r3", "skip"),
  ];
  const r = campaignResults({ pairs, votes, votesPerPair: 2 }, { resamples: 200, seed: 1 });

  it("counts votes on real pairs only, skips apart", () => {
    expect(r.counts).toEqual({ votes: 12, a: 3, b: 7, tie: 2, both_bad: 0, skip: 1, pairs: 7, goldPairs: 1, ratedPairs: 6 });
  });

  it("gives B's win rate over the decisive votes, and with ties as half, each with a Wilson interval", () => {
    expect(r.winRate).toEqual(wilsonInterval(7, 10));
    expect(r.winRateTiesHalf).toEqual(wilsonInterval(8, 12));
    expect(r.winRate.p).toBeCloseTo(0.7, 15);
  });

  it("fits Bradley–Terry with ties as half a win: log-odds log(8 / 4) by hand", () => {
    expect(r.bradleyTerry.logOdds.estimate).toBeCloseTo(Math.log(2), 10);
    expect(r.bradleyTerry.pBeatsA.estimate).toBeCloseTo(2 / 3, 10);
    expect(r.bradleyTerry.logOdds.lo).toBeLessThan(r.bradleyTerry.logOdds.estimate);
    expect(r.bradleyTerry.logOdds.hi).toBeGreaterThan(r.bradleyTerry.logOdds.estimate);
  });

  it("measures position bias as the left side's share of decisive wins", () => {
    // The left side won when it showed the model voted for: A on the left and "a", or B on the left and "b".
    const left = votes.filter((v) => !v.pairId.startsWith("g") && ((v.choice === "a" && v.aShownLeft) || (v.choice === "b" && !v.aShownLeft))).length;
    expect(r.positionBias).toEqual(wilsonInterval(left, 10));
  });

  it("reports agreement on overlapping pairs and each rater against gold and the consensus", () => {
    expect(r.agreement.fleiss).toMatchObject({ items: 6, ratersPerItem: 2 });
    expect(r.agreement.cohen).toHaveLength(1);
    expect(r.agreement.cohen[0]).toMatchObject({ raters: ["r1", "r2"], items: 6 });
    const r2 = r.raters.find((x) => x.id === "r2")!;
    expect([r2.gold.agreements, r2.gold.n, r2.name]).toEqual([0, 1, "R2"]);
  });

  it("lists the scenes where people preferred A while the reward preferred B, with their comments", () => {
    expect(r.disagreements.map((d) => d.sceneSeed)).toEqual([2]);
    expect(r.disagreements[0]).toMatchObject({ reward: { prefers: "b" }, people: { a: 2, b: 0, prefers: "a" }, comments: ["A is right"] });
  });

  it("moves when a rater is excluded, and says who was", () => {
    const without = campaignResults({ pairs, votes, votesPerPair: 2 }, { exclude: ["r2"], resamples: 50 });
    expect(without.counts).toMatchObject({ votes: 6, a: 1, b: 4, tie: 1 });
    expect(without.excluded).toEqual(["r2"]);
    expect(without.raters.find((x) => x.id === "r2")?.excluded).toBe(true);
    expect(without.agreement.fleiss).toBeNull();
  });

  it("says when Bradley–Terry cannot be fitted (one side never wins)", () => {
    const one = campaignResults({ pairs: [pair("p1")], votes: [vote("p1", "r1", "b")], votesPerPair: 1 }, { resamples: 20 });
    expect(one.bradleyTerry.estimable).toBe(false);
    expect(one.bradleyTerry.reason).toEqual(expect.any(String));
  });
});
