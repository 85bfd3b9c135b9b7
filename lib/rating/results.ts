/**
 * A campaign's results from its votes, with honest uncertainty (lib/preference does the
 * statistics): B's win rate over A with a Wilson interval (ties and both-bad apart, then counted
 * as half in a second figure); Bradley–Terry strengths with a bootstrap interval resampling by
 * pair; position bias; inter-rater agreement on overlapping pairs (Cohen's per rater pair,
 * Fleiss' over pairs with the full overlap); each rater against the consensus and the gold pairs,
 * flagged by a below-chance sequential test, and excludable; and the scenes where people and the
 * reward disagree. Gold pairs count only for rater quality. Pure: no Prisma, no I/O.
 */
import {
  bootstrapBradleyTerry, cohenKappa, fleissKappa, raterQuality, ratingsTable, wilsonInterval,
  type Outcome, type SprtResult, type WilsonInterval,
} from "@/lib/preference";
import type { ModelChoice } from "./contract";

export interface ResultPair {
  id: string;
  sceneSeed: number;
  note: string;
  gold: string | null;
  /** The reward's composite for each side (null where it was not finite, or for gold pairs). */
  rewardA: number | null;
  rewardB: number | null;
  /** Both outputs (plain JSON), so a reviewer sees the pairs people and the reward disagree on. */
  outputA?: unknown;
  outputB?: unknown;
}

export interface ResultVote {
  pairId: string;
  raterId: string;
  raterName: string;
  choice: ModelChoice;
  aShownLeft: boolean;
  comment: string;
}

export interface Interval { estimate: number; lo: number; hi: number }

export interface RaterRow {
  id: string;
  name: string;
  /** Verdicts (skips apart); gold, consensus and the test count decisive votes only. */
  votes: number;
  gold: WilsonInterval & { agreements: number };
  consensus: WilsonInterval & { agreements: number };
  sprt: SprtResult;
  excluded: boolean;
}

export interface Disagreement {
  pairId: string;
  sceneSeed: number;
  note: string;
  reward: { a: number | null; b: number | null; prefers: "a" | "b" };
  people: { a: number; b: number; tie: number; both_bad: number; prefers: "a" | "b" };
  comments: string[];
  outputA: unknown;
  outputB: unknown;
}

export interface CampaignResults {
  counts: { votes: number; a: number; b: number; tie: number; both_bad: number; skip: number; pairs: number; goldPairs: number; ratedPairs: number };
  /** B over A among decisive votes (A or B better). */
  winRate: WilsonInterval;
  /** B over A with ties and both-bad counted as half a win each. */
  winRateTiesHalf: WilsonInterval;
  /** Strength of B over A on the log-odds scale (A at 0), ties as half a win each; and as P(B beats A). */
  bradleyTerry: { logOdds: Interval; pBeatsA: Interval; resamples: number; notEstimable: number; estimable: boolean; reason: string | null };
  /** Share of decisive votes won by the left side (0.5: no bias). */
  positionBias: WilsonInterval;
  agreement: {
    categories: string[];
    fleiss: { kappa: number; items: number; ratersPerItem: number } | null;
    cohen: { raters: [string, string]; kappa: number; items: number }[];
  };
  raters: RaterRow[];
  disagreements: Disagreement[];
  excluded: string[];
  level: number;
  seed: number;
}

const CATEGORIES = ["a", "b", "tie", "both_bad"] as const;

/** B's win rate over A among decisive votes (A or B better), with its Wilson interval. */
export function decisiveWinRate(votes: readonly { choice: ModelChoice }[], level = 0.95): WilsonInterval {
  const a = votes.filter((v) => v.choice === "a").length;
  const b = votes.filter((v) => v.choice === "b").length;
  return wilsonInterval(b, a + b, level);
}
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The numbers of a campaign, leaving out the raters in `exclude` (rater quality is computed over everyone). */
export function campaignResults(
  input: { pairs: readonly ResultPair[]; votes: readonly ResultVote[]; votesPerPair: number },
  opts: { exclude?: readonly string[]; resamples?: number; seed?: number; level?: number } = {},
): CampaignResults {
  const level = opts.level ?? 0.95;
  const seed = opts.seed ?? 0;
  const excluded = new Set(opts.exclude ?? []);
  const pairById = new Map(input.pairs.map((p) => [p.id, p]));
  const verdicts = input.votes.filter((v) => v.choice !== "skip");
  const counted = verdicts.filter((v) => !excluded.has(v.raterId) && !pairById.get(v.pairId)?.gold);

  const count = (c: ModelChoice) => counted.filter((v) => v.choice === c).length;
  const [a, b, tie, bothBad] = [count("a"), count("b"), count("tie"), count("both_bad")];
  const skip = input.votes.filter((v) => v.choice === "skip" && !excluded.has(v.raterId)).length;

  // Bradley–Terry, items 0 = A and 1 = B; a tie or both-bad is half a win each; units = pairs.
  const byPair = new Map<string, Outcome[]>();
  for (const v of counted) {
    const out = byPair.get(v.pairId) ?? byPair.set(v.pairId, []).get(v.pairId)!;
    if (v.choice === "a") out.push({ winner: 0, loser: 1 });
    else if (v.choice === "b") out.push({ winner: 1, loser: 0 });
    else out.push({ winner: 0, loser: 1, weight: 0.5 }, { winner: 1, loser: 0, weight: 0.5 });
  }
  const bt = byPair.size > 0 ? bootstrapBradleyTerry([...byPair.values()], { items: 2, resamples: opts.resamples ?? 1000, seed, level }) : null;
  const logOdds = bt?.strengths[1] ?? { estimate: NaN, lo: NaN, hi: NaN };

  const leftWins = counted.filter((v) => (v.choice === "a" && v.aShownLeft) || (v.choice === "b" && !v.aShownLeft)).length;

  // Agreement on real pairs rated by several raters (the excluded left out).
  const ratings = counted.map((v) => ({ item: v.pairId, rater: v.raterId, label: v.choice }));
  const per = Math.max(2, input.votesPerPair);
  const table = ratingsTable(ratings, [...CATEGORIES], per);
  const fleiss = table.used > 0 ? { kappa: fleissKappa(table.table), items: table.used, ratersPerItem: per } : null;
  const raterIds = [...new Set(counted.map((v) => v.raterId))].sort();
  const cohen: CampaignResults["agreement"]["cohen"] = [];
  for (let i = 0; i < raterIds.length; i++) {
    for (let j = i + 1; j < raterIds.length; j++) {
      const x = new Map(counted.filter((v) => v.raterId === raterIds[i]).map((v) => [v.pairId, v.choice]));
      const both = counted.filter((v) => v.raterId === raterIds[j] && x.has(v.pairId));
      if (both.length >= 2) cohen.push({ raters: [raterIds[i]!, raterIds[j]!], kappa: cohenKappa(both.map((v) => x.get(v.pairId)!), both.map((v) => v.choice)), items: both.length });
    }
  }

  // Rater quality over everyone (so an excluded rater still shows why), on decisive votes (A or B
  // better), where a coin's agreement is 1/2: against the gold answers and the others' majority.
  const gold = new Map(input.pairs.filter((p) => p.gold).map((p) => [p.id, p.gold!]));
  const decisive = verdicts.filter((v) => v.choice === "a" || v.choice === "b");
  const quality = raterQuality(decisive.map((v) => ({ item: v.pairId, rater: v.raterId, label: v.choice })), { gold, level });
  const verdictCount = new Map<string, number>();
  for (const v of verdicts) verdictCount.set(v.raterId, (verdictCount.get(v.raterId) ?? 0) + 1);
  const names = new Map(input.votes.map((v) => [v.raterId, v.raterName]));
  const quiet = [...verdictCount.keys()].filter((id) => !quality.raters.some((q) => q.rater === id));
  const none = { agreements: 0, p: NaN, lo: 0, hi: 1, n: 0 };
  const raters: RaterRow[] = [
    ...quality.raters.map((q) => ({ id: q.rater, gold: q.gold, consensus: q.consensus, sprt: q.sprt })),
    ...quiet.map((id) => ({ id, gold: none, consensus: none, sprt: { n: 0, agreements: 0, llr: 0, decision: "undecided" as const, flagged: false, step: null } })),
  ].map((q) => ({ ...q, name: names.get(q.id) ?? q.id, votes: verdictCount.get(q.id) ?? 0, excluded: excluded.has(q.id) })).sort((x, y) => Number(y.sprt.flagged) - Number(x.sprt.flagged) || x.name.localeCompare(y.name));

  // Where people and the reward disagree: both prefer a side, and not the same one.
  const disagreements: Disagreement[] = [];
  for (const p of input.pairs) {
    if (p.gold || p.rewardA === null || p.rewardB === null || p.rewardA === p.rewardB) continue;
    const votes = counted.filter((v) => v.pairId === p.id);
    const n = (c: ModelChoice) => votes.filter((v) => v.choice === c).length;
    const people = { a: n("a"), b: n("b"), tie: n("tie"), both_bad: n("both_bad") };
    if (people.a === people.b) continue;
    const prefers = people.a > people.b ? "a" : "b";
    const rewardPrefers = p.rewardA > p.rewardB ? "a" : "b";
    if (prefers === rewardPrefers) continue;
    disagreements.push({
      pairId: p.id, sceneSeed: p.sceneSeed, note: p.note, reward: { a: p.rewardA, b: p.rewardB, prefers: rewardPrefers },
      people: { ...people, prefers }, comments: votes.map((v) => v.comment).filter(Boolean), outputA: p.outputA ?? null, outputB: p.outputB ?? null,
    });
  }
  disagreements.sort((x, y) => Math.abs(y.people.a - y.people.b) - Math.abs(x.people.a - x.people.b)
    || Math.abs((y.reward.a ?? 0) - (y.reward.b ?? 0)) - Math.abs((x.reward.a ?? 0) - (x.reward.b ?? 0)));

  return {
    counts: { votes: counted.length, a, b, tie, both_bad: bothBad, skip, pairs: input.pairs.length, goldPairs: gold.size, ratedPairs: byPair.size },
    winRate: decisiveWinRate(counted, level),
    winRateTiesHalf: wilsonInterval(b + 0.5 * (tie + bothBad), a + b + tie + bothBad, level),
    bradleyTerry: {
      logOdds, pBeatsA: { estimate: sigmoid(logOdds.estimate), lo: sigmoid(logOdds.lo), hi: sigmoid(logOdds.hi) },
      resamples: bt?.resamples ?? 0, notEstimable: bt?.notEstimable ?? 0, estimable: bt?.fit.estimable ?? false,
      reason: !bt ? "no votes yet" : bt.fit.estimable ? null : bt.fit.message,
    },
    positionBias: wilsonInterval(leftWins, a + b, level),
    agreement: { categories: [...CATEGORIES], fleiss, cohen },
    raters,
    disagreements,
    excluded: [...excluded],
    level,
    seed,
  };
}
