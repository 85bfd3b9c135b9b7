import * as tf from "@tensorflow/tfjs-core";
import type { ParamStore } from "./params";

/**
 * Transformer building blocks on tfjs-core ops only (matMul, softmax, tanh...), so every
 * backend can train them, wasm included (no convolutions). Functional ops (tf.add, not x.add):
 * tfjs-core alone does not register the chained methods. Shapes: B batch, T/S sequence
 * lengths, D model width, H heads.
 */

/** x [..., Din] @ W [Din, Dout] + b. */
export function linear(p: ParamStore, name: string, x: tf.Tensor, dout: number, bias = true): tf.Tensor {
  const din = x.shape[x.shape.length - 1] as number;
  const w = p.get(`${name}/w`, [din, dout]);
  let y = tf.matMul(tf.reshape(x, [-1, din]), w);
  if (bias) y = tf.add(y, p.get(`${name}/b`, [dout], "zeros"));
  return tf.reshape(y, [...x.shape.slice(0, -1), dout]);
}

/** Layer normalisation over the last axis (eps 1e-5), with learned gain and bias. */
export function layerNorm(p: ParamStore, name: string, x: tf.Tensor): tf.Tensor {
  const d = x.shape[x.shape.length - 1] as number;
  const { mean, variance } = tf.moments(x, -1, true);
  const normed = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5)));
  return tf.add(tf.mul(normed, p.get(`${name}/g`, [d], "ones")), p.get(`${name}/b`, [d], "zeros"));
}

/** GELU, tanh approximation (as in GPT-2 / BERT). x^3 as two multiplies: WASM's Pow is ~40x slower. */
export function gelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI));
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/** [B, T, D] -> [B, H, T, dh]; a reshape alone when T = 1 (one decoding position). */
function splitHeads(x: tf.Tensor, heads: number): tf.Tensor {
  const [b, t, d] = x.shape as [number, number, number];
  const split = tf.reshape(x, [b, t, heads, d / heads]);
  return t === 1 ? tf.reshape(split, [b, heads, 1, d / heads]) : tf.transpose(split, [0, 2, 1, 3]);
}

/** [B, H, T, dh] -> [B, T, D], the inverse of splitHeads. */
function mergeHeads(x: tf.Tensor): tf.Tensor {
  const [b, h, t, dh] = x.shape as [number, number, number, number];
  return tf.reshape(t === 1 ? x : tf.transpose(x, [0, 2, 1, 3]), [b, t, h * dh]);
}

/** Keys of memory m [B, S, D] for `name`: [B, H, S, dh]. */
export function attentionKeys(p: ParamStore, name: string, m: tf.Tensor, heads: number): tf.Tensor4D {
  return splitHeads(linear(p, `${name}/k`, m, m.shape[2] as number), heads) as tf.Tensor4D;
}

/** Values of memory m [B, S, D] for `name`: [B, H, S, dh]. */
export function attentionValues(p: ParamStore, name: string, m: tf.Tensor, heads: number): tf.Tensor4D {
  return splitHeads(linear(p, `${name}/v`, m, m.shape[2] as number), heads) as tf.Tensor4D;
}

/**
 * Attention of queries x [B, T, D] over keys k and values v [B, H, S, dh] already projected (so
 * a decoder can cache them), then the output projection. The scores read k transposed: batched
 * matmuls run as fast that way on WASM (see matMulFast) and GPUs read it natively.
 */
export function attendProjected(p: ParamStore, name: string, x: tf.Tensor, k: tf.Tensor, v: tf.Tensor, heads: number, mask?: tf.Tensor): tf.Tensor {
  const d = x.shape[2] as number;
  const q = splitHeads(linear(p, `${name}/q`, x, d), heads);
  let scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(d / heads)); // [B, H, T, S]
  if (mask) scores = tf.add(scores, mask);
  return linear(p, `${name}/o`, mergeHeads(tf.matMul(tf.softmax(scores), v)), d);
}

/**
 * Multi-head attention of queries x [B, T, D] over memory m [B, S, D]; `mask` [T, S] (or
 * broadcastable) holds 0 where attending is allowed and -1e9 where not.
 */
export function attention(p: ParamStore, name: string, x: tf.Tensor, m: tf.Tensor, heads: number, mask?: tf.Tensor): tf.Tensor {
  return attendProjected(p, name, x, attentionKeys(p, name, m, heads), attentionValues(p, name, m, heads), heads, mask);
}

/** Position-wise MLP D -> hidden -> D. */
export function mlp(p: ParamStore, name: string, x: tf.Tensor, hidden: number): tf.Tensor {
  const d = x.shape[x.shape.length - 1] as number;
  return linear(p, `${name}/out`, gelu(linear(p, `${name}/in`, x, hidden)), d);
}

/** Causal mask [T, T]: 0 on and below the diagonal, -1e9 above. */
export function causalMask(t: number): tf.Tensor {
  const m = new Float32Array(t * t);
  for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) m[i * t + j] = -1e9;
  return tf.tensor2d(m, [t, t]);
}
