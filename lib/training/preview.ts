/**
 * The reward preview's sampling and scoring, before any training: N samples per scene from a
 * checkpoint at temperature t, with log p under it and under the frozen MLE reference (the
 * per-sample KL estimate the trainer folds in), the policy's entropy, and the reference's greedy
 * output (what the drift terms compare with); then every requested term scored once per sample.
 * Runs in the preview Worker and in Node tests alike.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { Scene } from "@/lib/data";
import { compileTerm, scoreTerms, shapeWorldTarget, termScoreKey, type OutputOf, type RewardContext, type RewardSample, type TaskId } from "@/lib/rewards";
import { createRandom, type Policy } from "@/lib/tasks";
import { yieldToEventLoop } from "./scenes";

/** One sample of the preview: scene `scene` (index into the preview's scenes), draw `sample` of N. */
export interface PreviewRow<T extends TaskId = TaskId> {
  scene: number;
  sample: number;
  output: OutputOf<T>;
  /** log p_t(y | x) under the checkpoint and under the reference; kl = logp - refLogp. */
  logp: number;
  refLogp: number;
  kl: number;
  entropy: number;
}

export interface PreviewDraw<T extends TaskId = TaskId> {
  rows: PreviewRow<T>[];
  /** The reference (MLE) model's greedy output per scene. */
  mle: OutputOf<T>[];
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

/**
 * Draws `n` samples per scene, one scene at a time (`onScene(done, of)` after each, and the event
 * loop gets a turn). Scene b's samples come from seed `seed + b`, so a scene draws the same
 * samples whatever the others are. `reference` null: the checkpoint is its own reference (KL 0).
 */
export async function drawPreview<T extends TaskId>(
  policy: Policy<T>,
  reference: Policy<T> | null,
  scenes: readonly Scene[],
  opts: { n: number; temperature: number; seed: number },
  onScene?: (done: number, of: number) => void,
): Promise<PreviewDraw<T>> {
  const rows: PreviewRow<T>[] = [];
  const mle: OutputOf<T>[] = [];
  const score = { n: opts.n, temperature: opts.temperature };
  for (let b = 0; b < scenes.length; b++) {
    const one = [scenes[b] as Scene];
    const drawn = await policy.sample(one, { ...score, rand: createRandom(opts.seed + b) });
    let own = drawn.scores;
    if (!own) {
      const s = tf.tidy(() => policy.score(one, drawn.actions, score));
      own = { logp: await read(s.logp), entropy: await read(s.entropy) };
    }
    const refLogp = reference ? await read(tf.tidy(() => reference.score(one, drawn.actions, score).logp)) : own.logp;
    drawn.outputs.forEach((output, i) => {
      const logp = own.logp[i] as number;
      const ref = refLogp[i] as number;
      rows.push({ scene: b, sample: i, output, logp, refLogp: ref, kl: logp - ref, entropy: own.entropy[i] as number });
    });
    mle.push(...(await (reference ?? policy).greedy(one)));
    onScene?.(b + 1, scenes.length);
    await yieldToEventLoop();
  }
  return { rows, mle };
}

/** A term to score on every preview sample, with its params. */
export interface PreviewTermRequest {
  term: string;
  params?: Record<string, unknown>;
}

/**
 * Raw values of each requested term on every row, keyed by `termScoreKey` (each [rows]). A term
 * that cannot be scored here (it needs what the preview does not have) is left out with its
 * reason in `failed`.
 */
export function scorePreview<T extends TaskId>(
  task: T,
  draw: PreviewDraw<T>,
  scenes: readonly Scene[],
  terms: readonly PreviewTermRequest[],
  ctx: RewardContext,
): { raw: Record<string, number[]>; failed: Record<string, string> } {
  const targets = Object.fromEntries(scenes.map((s, b) => [String(b), shapeWorldTarget(task, s)]));
  const samples: RewardSample<T>[] = draw.rows.map((r) => ({
    inputId: String(r.scene), output: r.output, mle: draw.mle[r.scene], kl: r.kl, entropy: r.entropy,
  }));
  const raw: Record<string, number[]> = {};
  const failed: Record<string, string> = {};
  for (const t of terms) {
    let key = t.term;
    try {
      key = termScoreKey(t);
      if (key in raw) continue;
      const scored = scoreTerms([compileTerm({ ...t, weight: 1 })], samples, targets, ctx);
      raw[key] = Array.from(scored.raw[0] as Float64Array);
    } catch (err) {
      failed[key] = err instanceof Error ? err.message : String(err);
    }
  }
  return { raw, failed };
}
