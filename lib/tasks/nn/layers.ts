import * as tf from "@tensorflow/tfjs-core";
import { channelAttention } from "./channel-attention";
import { repeatRows } from "../images";
import { matMulFast, sumRows } from "./matmul";
import type { ParamStore } from "./params";

/**
 * Transformer building blocks on tfjs-core ops only (matMul, softmax, tanh...), so every
 * backend can train them, wasm included (no convolutions). Functional ops (tf.add, not x.add):
 * tfjs-core alone does not register the chained methods. Shapes: B batch, T/S sequence
 * lengths, D model width, H heads.
 */

type Grad = (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];
type Save = (tensors: tf.Tensor[]) => void;

/** tf.customGrad with the argument types spelt out (its typings take a rest array). */
function custom(f: (...args: never[]) => { value: tf.Tensor; gradFunc: Grad }): (...xs: tf.Tensor[]) => tf.Tensor {
  return tf.customGrad(f as unknown as Parameters<typeof tf.customGrad>[0]) as (...xs: tf.Tensor[]) => tf.Tensor;
}

/**
 * x [1, N, Din] @ w [Din, Dout] + b [Dout] as one fused kernel (run directly: the fused op would
 * add three reshapes and a custom-gradient scope of its own), with its gradient written out:
 * dx = dy w^T, dw = x^T dy, db = sum_N dy (transposes as matMulFast runs them fastest). Two
 * kernels and two saved copies fewer per layer than matMul + add under autodiff.
 */
const affine = custom((x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, save: Save) => {
  save([x, w]);
  const [din, dout] = w.shape as [number, number];
  const attrs = { transposeA: false, transposeB: false, activation: "linear" };
  return {
    value: tf.engine().runKernel(tf._FusedMatMul, { a: x, b: tf.reshape(w, [1, din, dout]), bias: b }, attrs) as tf.Tensor,
    gradFunc: (dy, [xs, ws]) => {
      const n = dy.shape[1] as number;
      const dy2 = tf.reshape(dy, [n, dout]);
      const dx = tf.reshape(matMulFast(dy2, ws as tf.Tensor, false, true), [1, n, din]);
      return [dx, matMulFast(tf.reshape(xs as tf.Tensor, [n, din]), dy2, true, false), sumRows(dy2)];
    },
  };
});

/** x [..., Din] @ w [Din, Dout] + b [Dout] for given tensors (linear takes them from a ParamStore). */
export function affineWith(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const [din, dout] = w.shape as [number, number];
  return tf.reshape(affine(tf.reshape(x, [1, -1, din]), w, b), [...x.shape.slice(0, -1), dout]);
}

/** x [..., Din] @ W [Din, Dout] + b. */
export function linear(p: ParamStore, name: string, x: tf.Tensor, dout: number, bias = true): tf.Tensor {
  const din = x.shape[x.shape.length - 1] as number;
  const w = p.get(`${name}/w`, [din, dout]);
  const outShape = [...x.shape.slice(0, -1), dout];
  if (!bias) return tf.reshape(tf.matMul(tf.reshape(x, [-1, din]), w), outShape);
  return affineWith(x, w, p.get(`${name}/b`, [dout], "zeros"));
}

/**
 * LayerNorm of x [..., D] over D with gain g and bias b [D] (eps 1e-5), gradient written out:
 * with xhat = (x - mean) rstd and dxhat = dy g, dx = rstd (dxhat - mean(dxhat) -
 * xhat mean(dxhat xhat)), dg = sum dy xhat, db = sum dy (11 kernels against ~30 under autodiff).
 * The forward is tf.moments' arithmetic (mean, then the mean of (x - mean)^2) in 9 kernels
 * instead of 14: moments casts, reshapes and subtracts the mean twice.
 */
const layerNormOp = custom((x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, save: Save) => {
  const centred = tf.sub(x, tf.mean(x, -1, true));
  const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), 1e-5));
  const xhat = tf.mul(centred, rstd);
  save([xhat, rstd, g]);
  return {
    value: tf.add(tf.mul(xhat, g), b),
    gradFunc: (dy, [xh, r, gain]) => {
      const dxhat = tf.mul(dy, gain as tf.Tensor);
      const dxc = tf.sub(dxhat, tf.mean(dxhat, -1, true));
      const dx = tf.mul(tf.sub(dxc, tf.mul(xh as tf.Tensor, tf.mean(tf.mul(dxhat, xh as tf.Tensor), -1, true))), r as tf.Tensor);
      return [dx, sumRows(tf.mul(dy, xh as tf.Tensor)), sumRows(dy)];
    },
  };
});

/** Layer normalisation over the last axis (eps 1e-5), with learned gain and bias. */
export function layerNorm(p: ParamStore, name: string, x: tf.Tensor): tf.Tensor {
  const d = x.shape[x.shape.length - 1] as number;
  return layerNormOp(x, p.get(`${name}/g`, [d], "ones"), p.get(`${name}/b`, [d], "zeros"));
}

const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

/**
 * GELU, tanh approximation (as in GPT-2 / BERT): 0.5 x (1 + tanh(u)), u = c (x + a x^3), computed
 * as x sigmoid(2u) (the same function): WASM's Tanh is ~7x slower than its Sigmoid (2.9 vs 0.4 ms
 * on [992, 128]), and it takes 7 kernels instead of 9. x^3 as two multiplies: WASM's Pow is ~40x
 * slower. Gradient written out, with s = sigmoid(2u): s + x s (1 - s) 2c (1 + 3 a x^2).
 */
export const gelu = custom((x: tf.Tensor, save: Save) => {
  const s = tf.sigmoid(tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), GELU_A)), 2 * GELU_C));
  save([x, s]);
  return {
    value: tf.mul(x, s),
    gradFunc: (dy, [xv, sv]) => {
      const xx = xv as tf.Tensor;
      const sg = sv as tf.Tensor;
      const slope = tf.add(tf.mul(tf.mul(xx, xx), 6 * GELU_A * GELU_C), 2 * GELU_C);
      const d = tf.add(sg, tf.mul(tf.mul(xx, tf.mul(sg, tf.sub(1, sg))), slope));
      return [tf.mul(dy, d)];
    },
  };
});

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
 * softmax(q k^T / sqrt(dh) + mask) v for q [B, H, T, dh], k and v [B, H, S, dh] (mask [T, S] or
 * broadcastable, not differentiated), with its gradient written out: with p the softmax and
 * qs = q / sqrt(dh), dv = p^T dy, ds = p (dp - sum(dp p)) for dp = dy v^T, dq = ds k / sqrt(dh),
 * dk = ds^T qs. The scale goes on q, smaller than the scores. Saves 4 tensors for backward where
 * autodiff saves 8 (four of them score-sized). On WASM `attention` takes channelAttention instead.
 */
export function batchedAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  const scale = 1 / Math.sqrt(q.shape[3] as number);
  const op = custom((q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, save: Save) => {
    const qs = tf.mul(q, scale);
    const scores = tf.matMul(qs, k, false, true); // [B, H, T, S]
    const probs = tf.softmax(mask ? tf.add(scores, mask) : scores);
    save([qs, k, v, probs]);
    return {
      value: tf.matMul(probs, v),
      gradFunc: (dy, [qsv, kv, vv, pr]) => {
        const p = pr as tf.Tensor;
        const dp = tf.matMul(dy, vv as tf.Tensor, false, true);
        const ds = tf.mul(p, tf.sub(dp, tf.sum(tf.mul(dp, p), -1, true)));
        return [tf.mul(tf.matMul(ds, kv as tf.Tensor), scale), tf.matMul(ds, qsv as tf.Tensor, true, false), tf.matMul(p, dy, true, false)];
      },
    };
  });
  return op(q, k, v);
}

/**
 * Attention of queries x [B, T, D] over keys k and values v [B, H, S, dh] already projected (so
 * a decoder can cache them), then the output projection. The scores read k transposed: batched
 * matmuls run as fast that way on WASM (see matMulFast) and GPUs read it natively.
 */
export function attendProjected(p: ParamStore, name: string, x: tf.Tensor, k: tf.Tensor, v: tf.Tensor, heads: number, mask?: tf.Tensor): tf.Tensor {
  return attendHeads(p, name, splitHeads(linear(p, `${name}/q`, x, x.shape[2] as number), heads), k, v, mask);
}

/** attendProjected with the queries projected too: q, k, v [B, H, T|S, dh] -> [B, T, D]. */
export function attendHeads(p: ParamStore, name: string, q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  const out = mergeHeads(batchedAttention(q, k, v, mask));
  return linear(p, `${name}/o`, out, out.shape[2] as number);
}

/**
 * Whether attention over `t` queries runs as depthwise convolutions (channel-attention.ts): on
 * WASM, whose batched matmul is a scalar loop, from 4 queries on (attention core, [32, 4, T, 16]
 * over 64 keys: T = 1 1.3 ms against 0.7 batched, T = 4 1.0 against 1.3, T = 31 2.9 against 10.1;
 * below that the layout transposes cost more than they save).
 */
function channelPath(t: number, mask?: tf.Tensor): boolean {
  return tf.getBackend() === "wasm" && t >= 4 && (!mask || mask.rank === 2);
}

/**
 * Multi-head attention of queries x [B n, T, D] over memory m [B, S, D], each memory row serving
 * `repeats` = n consecutive query rows (samples of one input): keys and values are projected on
 * the B rows, then repeated. `mask` [T, S] (or broadcastable) holds 0 where attending is allowed
 * and -1e9 where not.
 */
export function attention(p: ParamStore, name: string, x: tf.Tensor, m: tf.Tensor, heads: number, mask?: tf.Tensor, repeats = 1): tf.Tensor {
  const [b, t, d] = x.shape as [number, number, number];
  const rep = <T extends tf.Tensor>(y: T): T => (repeats === 1 ? y : repeatRows(y, repeats));
  if (!channelPath(t, mask)) return attendProjected(p, name, x, rep(attentionKeys(p, name, m, heads)), rep(attentionValues(p, name, m, heads)), heads, mask);
  const split = (y: tf.Tensor) => tf.reshape(y, [y.shape[0] as number, y.shape[1] as number, heads, d / heads]);
  const k = rep(split(linear(p, `${name}/k`, m, d))); // projections in the order the weights were first created
  const v = rep(split(linear(p, `${name}/v`, m, d)));
  const q = split(linear(p, `${name}/q`, x, d));
  return linear(p, `${name}/o`, tf.reshape(channelAttention(q, k, v, mask), [b, t, d]), d);
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
