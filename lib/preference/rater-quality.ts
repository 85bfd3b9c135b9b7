/**
 * Rater quality: each rater's agreement with gold answers and with the other raters, and a
 * sequential test that flags raters who agree far less often than chance (inverted or
 * adversarial votes). Chatbot Arena (Chiang et al. 2024, §5.1) scores each vote by a p-value
 * against the other users' votes on the same model pair and combines a user's p-values with
 * Fisher's method at a few checkpoints; here, with agreement as a yes/no per vote, the natural
 * test is Wald's sequential probability ratio test (Wald 1945), whose error rates are set by
 * its two boundaries and which needs no checkpoint schedule.
 */
import type { Rating } from "./kappa";
import { type WilsonInterval, wilsonInterval } from "./wilson";

export interface SprtOptions {
  /** H0: the rater agrees at this rate (default 0.5, chance on a binary choice). */
  chance?: number;
  /** H1: the rater agrees at this lower rate (default 0.2). */
  alternative?: number;
  /** Probability of flagging a rater at chance, the false-alarm rate (default 0.01). */
  alpha?: number;
  /** Probability of clearing a rater at the alternative rate, the miss rate (default 0.05). */
  beta?: number;
}

export interface SprtBoundaries {
  /** Flag when the log-likelihood ratio reaches log((1 − β)/α). */
  upper: number;
  /** Clear (accept H0) when it falls to log(β/(1 − α)). */
  lower: number;
  /** The LLR's step on an agreement, log(p1/p0) < 0, and on a disagreement, log((1 − p1)/(1 − p0)) > 0. */
  agree: number;
  disagree: number;
}

/** Wald's boundaries and steps for `opts`; an error when 0 < p1 < p0 < 1 or α + β < 1 fails. */
export function sprtBoundaries(opts: SprtOptions = {}): SprtBoundaries {
  const { chance: p0 = 0.5, alternative: p1 = 0.2, alpha = 0.01, beta = 0.05 } = opts;
  if (!(p1 > 0 && p1 < p0 && p0 < 1)) throw new RangeError(`sprt: expected 0 < alternative < chance < 1, got alternative ${p1}, chance ${p0}`);
  if (!(alpha > 0 && beta > 0 && alpha + beta < 1)) throw new RangeError(`sprt: expected alpha, beta > 0 with alpha + beta < 1, got ${alpha}, ${beta}`);
  return { upper: Math.log((1 - beta) / alpha), lower: Math.log(beta / (1 - alpha)), agree: Math.log(p1 / p0), disagree: Math.log((1 - p1) / (1 - p0)) };
}

export interface SprtResult {
  /** Votes the test read (up to and including its decision) and agreements among them. */
  n: number;
  agreements: number;
  /** The log-likelihood ratio log(L(p1)/L(p0)) where the path stopped. */
  llr: number;
  /** "flagged": H1 accepted; "cleared": H0 accepted; "undecided": the votes ran out between the boundaries. */
  decision: "flagged" | "cleared" | "undecided";
  flagged: boolean;
  /** The 1-based vote at which the test decided (null when undecided). */
  step: number | null;
}

/**
 * Wald's SPRT of H0 "agreement rate = chance" against H1 "= alternative" on `agrees` in time
 * order. The path stops at the first boundary crossed, so a cleared rater stays cleared for this
 * stream; test a later window of votes to re-check. Under H0 the chance of flagging is at most
 * α/(1 − β) (Wald), about α in practice; a rater above chance is flagged less often still.
 */
export function belowChanceSprt(agrees: readonly boolean[], opts: SprtOptions = {}): SprtResult {
  const b = sprtBoundaries(opts);
  let llr = 0;
  let agreements = 0;
  for (let t = 0; t < agrees.length; t++) {
    if (agrees[t]) agreements++;
    llr += agrees[t] ? b.agree : b.disagree;
    if (llr >= b.upper) return { n: t + 1, agreements, llr, decision: "flagged", flagged: true, step: t + 1 };
    if (llr <= b.lower) return { n: t + 1, agreements, llr, decision: "cleared", flagged: false, step: t + 1 };
  }
  return { n: agrees.length, agreements, llr, decision: "undecided", flagged: false, step: null };
}

/** Agreements out of n, with the Wilson interval of the rate. */
export type AgreementCount = WilsonInterval & { agreements: number };

export interface RaterQuality {
  rater: string;
  /** The rater's votes (a repeat vote on the same item not counted). */
  votes: number;
  /** Against gold answers, on the items that have one. */
  gold: AgreementCount;
  /** Against the majority label of the item's other raters, where they have a strict majority. */
  consensus: AgreementCount;
  sprt: SprtResult;
}

export interface RaterQualityOptions {
  /** Gold label by item. */
  gold?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Coverage of the Wilson intervals (default 0.95). */
  level?: number;
  sprt?: SprtOptions;
  /** What the SPRT counts as agreement: gold, consensus, or gold where the item has it, else consensus (default). */
  sprtReference?: "gold" | "consensus" | "gold-else-consensus";
}

export interface RaterQualityReport {
  /** One entry per rater, in order of their first vote. */
  raters: RaterQuality[];
  /** Repeat votes of a rater on an item, ignored (the first one counts). */
  duplicates: number;
  boundaries: SprtBoundaries;
}

/**
 * Per-rater agreement and the below-chance SPRT for `votes`, given in time order. The
 * consensus for a vote is leave-one-out: the majority among the item's other raters (all of
 * their votes, earlier or later), skipped when there are none or their top labels tie.
 */
export function raterQuality(votes: readonly Rating[], opts: RaterQualityOptions = {}): RaterQualityReport {
  const gold = opts.gold instanceof Map ? opts.gold : new Map(Object.entries(opts.gold ?? {}));
  const level = opts.level ?? 0.95;
  const reference = opts.sprtReference ?? "gold-else-consensus";
  const boundaries = sprtBoundaries(opts.sprt);
  // 1. First vote of each rater per item; per-item label counts over those votes.
  const seen = new Set<string>();
  const kept: Rating[] = [];
  const counts = new Map<string, Map<string, number>>();
  for (const v of votes) {
    const key = JSON.stringify([v.item, v.rater]);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(v);
    const c = counts.get(v.item) ?? counts.set(v.item, new Map()).get(v.item)!;
    c.set(v.label, (c.get(v.label) ?? 0) + 1);
  }
  // 2. Each vote against gold and against the others' majority (null where undefined).
  const byRater = new Map<string, { gold: boolean[]; consensus: boolean[]; sprt: boolean[]; votes: number }>();
  for (const v of kept) {
    const r = byRater.get(v.rater) ?? byRater.set(v.rater, { gold: [], consensus: [], sprt: [], votes: 0 }).get(v.rater)!;
    r.votes++;
    const g = gold.has(v.item) ? gold.get(v.item) === v.label : null;
    const m = othersMajority(counts.get(v.item)!, v.label);
    const c = m === null ? null : m === v.label;
    if (g !== null) r.gold.push(g);
    if (c !== null) r.consensus.push(c);
    const s = reference === "gold" ? g : reference === "consensus" ? c : (g ?? c);
    if (s !== null) r.sprt.push(s);
  }
  const count = (xs: readonly boolean[]): AgreementCount => {
    const agreements = xs.filter(Boolean).length;
    return { ...wilsonInterval(agreements, xs.length, level), agreements };
  };
  const raters = [...byRater].map(([rater, r]) => ({ rater, votes: r.votes, gold: count(r.gold), consensus: count(r.consensus), sprt: belowChanceSprt(r.sprt, opts.sprt) }));
  return { raters, duplicates: votes.length - kept.length, boundaries };
}

/** The strict-majority label among an item's votes less one vote for `own`; null on none or a tie. */
function othersMajority(counts: ReadonlyMap<string, number>, own: string): string | null {
  let best: string | null = null;
  let top = 0;
  let tied = false;
  for (const [label, n] of counts) {
    const others = label === own ? n - 1 : n;
    if (others > top) [best, top, tied] = [label, others, false];
    else if (others === top && others > 0) tied = true;
  }
  return tied ? null : best;
}
