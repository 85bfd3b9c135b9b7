/**
 * A reward learned from a campaign's votes: Bradley–Terry on features of the outputs, namely the
 * task's own reward terms (those scored from the output and the scene alone), standardised over
 * the campaign's outputs. P(B beats A) = σ(β · (f(B) − f(A))); the fitted β, means and scales
 * become the params of the `human_preference` term, usable in any spec of the task. Its held-out
 * pairwise accuracy (k-fold by pair) is reported against always picking the majority side.
 * Gold pairs are left out (their B is another scene's output), and so are excluded raters.
 */
import { generateScene } from "@/lib/data";
import { StudioError } from "@/lib/errors";
import { crossValidatePairwise, fitPairwiseLogistic, standardise, type PairwiseRow } from "@/lib/preference";
import { compileTerm, rewardTerm, scorableByDefault, scoreTerms, shapeWorldTarget, termsForTask, type OutputOf, type RewardContext, type RewardSample, type TaskId } from "@/lib/rewards";
import type { HumanPreferenceParams } from "@/lib/rewards/terms/human-preference";
import type { ModelChoice } from "./contract";

/** The task's terms a learned reward is built on: its own, scored from the output and the scene alone. */
export function featureTerms(task: TaskId): string[] {
  return termsForTask(task).filter((id) => {
    const def = rewardTerm(id)!;
    return def.task === task && !def.needs?.mleOutput && scorableByDefault(id);
  });
}

export interface LearnInput {
  task: TaskId;
  campaignId: string;
  pairs: readonly { id: string; sceneSeed: number; gold: string | null; outputA: unknown; outputB: unknown }[];
  votes: readonly { pairId: string; raterId: string; choice: ModelChoice }[];
}

export interface LearnReport {
  votes: number;
  decisive: number;
  ties: number;
  pairs: number;
  ridge: number;
  features: { term: string; weight: number; mean: number; scale: number }[];
  accuracy: { correct: number; p: number; lo: number; hi: number; n: number };
  baseline: { correct: number; p: number; lo: number; hi: number; n: number; side: "a" | "b" | "mixed" };
  difference: { estimate: number; lo: number; hi: number };
  folds: number;
}

/** Each output's feature values ([output][feature]) over the campaign's real pairs, A then B per pair. */
export function featureValues(task: TaskId, pairs: LearnInput["pairs"], ctx: RewardContext): { terms: string[]; a: number[][]; b: number[][] } {
  const terms = featureTerms(task);
  const compiled = terms.map((term) => compileTerm({ term }));
  const samples: RewardSample[] = [];
  const targets = new Map<string, unknown>();
  for (const p of pairs) {
    targets.set(String(p.sceneSeed), shapeWorldTarget(task, generateScene(p.sceneSeed)));
    samples.push({ inputId: String(p.sceneSeed), output: p.outputA as OutputOf<TaskId> }, { inputId: String(p.sceneSeed), output: p.outputB as OutputOf<TaskId> });
  }
  const { raw } = scoreTerms(compiled, samples, targets as never, ctx);
  const at = (k: number) => terms.map((_, f) => raw[f]![k]!);
  return { terms, a: pairs.map((_, i) => at(2 * i)), b: pairs.map((_, i) => at(2 * i + 1)) };
}

/** Fits the learned reward on the campaign's votes; a `conflict:campaign` error while there are too few decisive votes to learn from. */
export function learnPreference(input: LearnInput, ctx: RewardContext, opts: { ridge?: number; folds?: number; seed?: number; exclude?: readonly string[] } = {}): { params: HumanPreferenceParams; report: LearnReport } {
  const ridge = opts.ridge ?? 1;
  const excluded = new Set(opts.exclude ?? []);
  const pairs = input.pairs.filter((p) => !p.gold && p.outputA !== null && p.outputB !== null);
  const index = new Map(pairs.map((p, i) => [p.id, i]));
  const votes = input.votes.filter((v) => index.has(v.pairId) && v.choice !== "skip" && !excluded.has(v.raterId));
  const decisive = votes.filter((v) => v.choice === "a" || v.choice === "b").length;
  if (decisive < 4) throw new StudioError("conflict:campaign", `${decisive} decisive vote${decisive === 1 ? "" : "s"} (A or B better) so far; a learned reward needs at least 4`);

  const { terms, a, b } = featureValues(input.task, pairs, ctx);
  const { mean, scale } = standardise([...a, ...b]);
  const z = (x: readonly number[]) => x.map((v, f) => (v - mean[f]!) / scale[f]!);
  const rows: PairwiseRow[] = [];
  for (const v of votes) {
    const i = index.get(v.pairId)!;
    const diff = z(b[i]!).map((vb, f) => vb - z(a[i]!)[f]!);
    if (v.choice === "a" || v.choice === "b") rows.push({ diff, y: v.choice === "b" ? 1 : 0, group: v.pairId });
    else rows.push({ diff, y: 1, weight: 0.5, group: v.pairId }, { diff, y: 0, weight: 0.5, group: v.pairId });
  }
  const fit = fitPairwiseLogistic(rows, { ridge });
  const cv = crossValidatePairwise(rows, { ridge, folds: opts.folds ?? 5, seed: opts.seed ?? 0 });
  const features = terms.map((term, f) => ({ term, mean: mean[f]!, scale: scale[f]!, weight: fit.weights[f]! }));
  return {
    params: { campaign: input.campaignId, task: input.task, features, heldOutAccuracy: cv.accuracy.p, votes: votes.length },
    report: {
      votes: votes.length, decisive, ties: votes.length - decisive, pairs: new Set(votes.map((v) => v.pairId)).size, ridge, features,
      accuracy: cv.accuracy, baseline: cv.baseline, difference: cv.difference, folds: cv.folds.length,
    },
  };
}
