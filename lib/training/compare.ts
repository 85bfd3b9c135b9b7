/**
 * Comparing two checkpoints on the same scenes, after their greedy outputs are decoded: every
 * reward term and the composite per scene for each, and the task's held-out metrics (CIDEr, AP,
 * PQ, colourfulness...) of each on all scenes with B − A and a paired bootstrap 95 % interval.
 * No tensors here; the compare Worker decodes, this scores. Results are plain JSON (non-finite
 * numbers become null) in the shape the server caches (lib/compare/contract.ts).
 */
import { REWARD_METRIC, termMetric, type ComparedScene, type ComparisonResult } from "@/lib/compare/contract";
import { sceneAt, type Scene, type Split } from "@/lib/data";
import { pairedBootstrap } from "@/lib/preference";
import { evaluate, outputScoringSpec, plainOutput, shapeWorldTarget, specNeedsMleOutput, type CompiledRewardSpec, type OutputOf, type RewardContext, type RewardSample, type TaskId } from "@/lib/rewards";
import { taskDefinition } from "@/lib/tasks";

/** The `count` scenes of `split` from index `start`: what both checkpoints are run on. */
export function compareScenes(split: Split, start: number, count: number, size = 32): Scene[] {
  return Array.from({ length: count }, (_, i) => sceneAt(split, start + i, { size }));
}

const num = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

/**
 * Scores A's and B's outputs on `scenes` with the spec, in one batch so batch-normalised terms
 * share one scale; a spec's KL fold is left out (outputScoringSpec). Terms that compare with the MLE model's output (drift) compare with A's.
 * @param ctx the run's reward context (CIDEr-D idf over a fixed corpus), so a scene's values do
 *   not depend on which other scenes are compared.
 */
export function scoreComparison<T extends TaskId>(
  withKl: CompiledRewardSpec, scenes: readonly Scene[], outputsA: readonly OutputOf<T>[], outputsB: readonly OutputOf<T>[], ctx: RewardContext,
): Pick<ComparisonResult, "keys" | "weights" | "scenes"> {
  // KL (kl.beta) is the trainer's: a greedy output is scored by what it is.
  const spec = outputScoringSpec(withKl);
  const task = spec.spec.task as T;
  const drift = specNeedsMleOutput(spec.spec);
  const samples: RewardSample<T>[] = scenes.flatMap((s, i) => [
    { inputId: `a:${s.seed}`, output: outputsA[i]!, ...(drift ? { mle: outputsA[i]! } : {}) },
    { inputId: `b:${s.seed}`, output: outputsB[i]!, ...(drift ? { mle: outputsA[i]! } : {}) },
  ]);
  const targets = new Map(scenes.flatMap((s) => { const t = shapeWorldTarget(task, s); return [[`a:${s.seed}`, t], [`b:${s.seed}`, t]] as const; }));
  const r = evaluate(spec, samples, targets, ctx);
  const side = (k: number, output: OutputOf<T>) => ({
    output: plainOutput(output) as unknown as Record<string, unknown>,
    terms: Object.fromEntries(r.keys.map((key) => [key, num(r.samples[k]!.values[key])])),
    composite: num(r.samples[k]!.composite),
  });
  const compared: ComparedScene[] = scenes.map((s, i) => ({ seed: s.seed, a: side(2 * i, outputsA[i]!), b: side(2 * i + 1, outputsB[i]!) }));
  return { keys: r.keys, weights: Object.fromEntries(spec.terms.map((t) => [t.key, t.weight])), scenes: compared };
}

export interface AggregateOptions {
  /** At most this many resamples (default 1000). */
  maxResamples?: number;
  /** Fewer when one recomputation of every metric is slow: about this many ms in all (default 4000). */
  budgetMs?: number;
  seed?: number;
  now?: () => number;
}

/**
 * The task's evalMetrics, the mean reward and each term's mean, for A and B on all scenes, with
 * B − A and its paired bootstrap 95 % interval (scenes resampled; corpus metrics recomputed on
 * each resample). Resamples: `maxResamples`, or as many as fit `budgetMs` (at least 50).
 */
export function aggregateComparison<T extends TaskId>(
  task: T, scenes: readonly Scene[], outputsA: readonly OutputOf<T>[], outputsB: readonly OutputOf<T>[],
  scored: Pick<ComparisonResult, "keys" | "scenes">, opts: AggregateOptions = {},
): ComparisonResult["aggregates"] {
  const def = taskDefinition(task);
  const now = opts.now ?? (() => performance.now());
  const series = (pick: (s: ComparedScene) => number | null) => scored.scenes.map((s) => pick(s) ?? NaN);
  const perScene = (which: "a" | "b") => ({
    [REWARD_METRIC]: series((s) => s[which].composite),
    ...Object.fromEntries(scored.keys.map((k) => [termMetric(k), series((s) => s[which].terms[k] ?? null)])),
  });
  const pa = perScene("a");
  const pb = perScene("b");
  const side = (outs: readonly OutputOf<T>[], per: Record<string, number[]>, idx: readonly number[]) => ({
    ...def.evalMetrics(idx.map((i) => outs[i]!), idx.map((i) => scenes[i]!)),
    ...Object.fromEntries(Object.entries(per).map(([k, xs]) => [k, idx.reduce((acc, i) => acc + xs[i]!, 0) / idx.length])),
  });
  const statistic = (idx: readonly number[]) => ({ a: side(outputsA, pa, idx), b: side(outputsB, pb, idx) });
  const t0 = now();
  statistic(scenes.map((_, i) => i));
  const ms = Math.max(now() - t0, 1e-3);
  const max = opts.maxResamples ?? 1000;
  const resamples = Math.min(max, Math.max(50, Math.floor((opts.budgetMs ?? 4000) / ms)));
  const r = pairedBootstrap({ n: scenes.length, statistic, resamples, seed: opts.seed ?? 0 });
  return {
    metrics: Object.entries(r.metrics).map(([name, m]) => ({ name, a: num(m.a), b: num(m.b), diff: num(m.diff), lo: num(m.lo), hi: num(m.hi) })),
    resamples: r.resamples, level: r.level, seed: r.seed,
  };
}
