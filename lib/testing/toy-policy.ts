/**
 * A toy policy for trainer tests, small enough to derive its log-probabilities and gradients by
 * hand: one categorical over K choices shared by every scene, p_t = softmax(z / t) with z a
 * single weight vector [K]. Choice k is the caption of k + 1 words ("w", "w w", ...), so the
 * reward term caption_length with { min: 0, max: 1 } scores it exactly k. `sample` returns the
 * choices the test fixed (whatever the temperature and seed), so a test knows every row.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { CaptionOutput } from "@/lib/rewards";
import { ParamStore, type Policy } from "@/lib/tasks";

/** One row of choices per scene of a batch: `draws[b % draws.length]` for scene b, n each. */
export type ToyDraws = readonly (readonly number[])[];

const caption = (k: number): CaptionOutput => ({ text: Array.from({ length: k + 1 }, () => "w").join(" ") });

/** A toy policy with logits `logits` (z, [K]; -Infinity allowed) drawing `draws`. */
export function createToyPolicy(logits: readonly number[], draws: ToyDraws): Policy<"captioning", number[]> {
  const params = new ParamStore(0);
  const z = params.get("z", [logits.length], "zeros");
  z.assign(tf.tensor1d(Float32Array.from(logits)));
  const rowsOf = (scenes: readonly unknown[], n: number) =>
    scenes.flatMap((_, b) => {
      const row = draws[b % draws.length] ?? [];
      if (row.length !== n) throw new Error(`toy policy: scene ${b} has ${row.length} draws, not n = ${n}`);
      return [...row];
    });
  return {
    task: "captioning",
    architecture: { task: "captioning", kind: "toy-categorical", config: { k: logits.length } },
    params,
    // -log p(choice 0) per scene: the "label" is choice 0.
    mleLoss: () => tf.tidy(() => tf.neg(tf.sum(tf.slice(tf.logSoftmax(z), [0], [1]))) as tf.Scalar),
    sample: async (scenes, opts) => {
      const actions = rowsOf(scenes, opts.n);
      return { actions, outputs: actions.map(caption) };
    },
    greedy: async (scenes) => {
      const best = tf.tidy(() => tf.argMax(z));
      const k = (await best.data())[0] as number;
      best.dispose();
      return scenes.map(() => caption(k));
    },
    score: (_scenes, actions, { temperature }) =>
      tf.tidy(() => {
        const logp = tf.logSoftmax(tf.div(z, temperature)) as tf.Tensor1D;
        // -sum p log p, with p log p = 0 where p = 0 (log p = -Infinity).
        const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logp), tf.maximum(logp, -1e4))));
        // log p_t of each row's choice, picked with `where` (not one-hot products, and not gather,
        // whose gradient WASM lacks), so a -Infinity stays in its own row instead of 0 * -Inf = NaN.
        const k = logits.length;
        const chosen = tf.cast(tf.oneHot(tf.tensor1d(actions, "int32"), k), "bool");
        const rows = tf.where(chosen, tf.broadcastTo(tf.reshape(logp, [1, k]), [actions.length, k]), tf.zeros([actions.length, k]));
        return { logp: tf.sum(rows, -1) as tf.Tensor1D, entropy: tf.tile(tf.reshape(entropy, [1]), [actions.length]) as tf.Tensor1D };
      }),
    outputSize: (o) => o.text.split(" ").length,
    dispose: () => params.dispose(),
  };
}

/** Every weight of `policy` as raw bytes, to check a skipped update left them bit-identical. */
export async function weightBytes(policy: Policy): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const [name, v] of policy.params.vars) out[name] = Array.from(new Uint8Array(((await v.data()) as Float32Array).slice().buffer));
  return out;
}
