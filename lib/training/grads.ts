import * as tf from "@tensorflow/tfjs-core";

/** Global L2 norm of a set of gradients (one number, read back). */
export async function globalNorm(grads: tf.NamedTensorMap): Promise<number> {
  const sq = tf.tidy(() => tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
  const v = (await sq.data())[0] as number;
  sq.dispose();
  return Math.sqrt(v);
}

/** Scales every gradient by `maxNorm / norm` when norm > maxNorm (maxNorm 0 = no clipping). Disposes the inputs it replaces. */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, norm: number, maxNorm: number): tf.NamedTensorMap {
  if (maxNorm <= 0 || norm <= maxNorm || !Number.isFinite(norm)) return grads;
  const scale = maxNorm / norm;
  const out: tf.NamedTensorMap = {};
  for (const [k, g] of Object.entries(grads)) {
    out[k] = tf.mul(g, scale);
    g.dispose();
  }
  return out;
}

/** Sets an optimizer's learning rate (tfjs keeps it in a field the typings mark protected). */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

export function disposeMap(m: tf.NamedTensorMap): void {
  for (const t of Object.values(m)) t.dispose();
}
