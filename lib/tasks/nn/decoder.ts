import * as tf from "@tensorflow/tfjs-core";
import { affineWith, attendHeads, attendProjected, attention, attentionKeys, attentionValues, causalMask, layerNorm, linear, mlp } from "./layers";
import type { ParamStore } from "./params";
import { repeatRows } from "../images";

/** Sizes of an autoregressive transformer decoder with cross-attention. */
export interface DecoderConfig {
  vocab: number;
  /** Longest token sequence, BOS included. */
  maxLen: number;
  width: number;
  depth: number;
  heads: number;
  mlp: number;
}

/**
 * Decoder logits for token prefixes: tokens [B n, T] (int32) attending causally to themselves and
 * fully to `memory` [B, S, D], each memory row serving `repeats` = n consecutive token rows (its
 * cross-attention keys and values projected once, then repeated) -> logits [B n, T, vocab].
 * Embeddings go through a one-hot matmul so the gradient needs no scatter kernel (missing on
 * some backends).
 */
export function decodeLogits(p: ParamStore, cfg: DecoderConfig, tokens: tf.Tensor2D, memory: tf.Tensor3D, repeats = 1): tf.Tensor3D {
  const t = tokens.shape[1];
  let x = embedTokens(p, cfg, tokens, 0);
  const mask = causalMask(t);
  for (let i = 0; i < cfg.depth; i++) {
    const name = `dec/block${i}`;
    const h = layerNorm(p, `${name}/ln1`, x);
    x = tf.add(x, attention(p, `${name}/self`, h, h, cfg.heads, mask));
    x = tf.add(x, attention(p, `${name}/cross`, layerNorm(p, `${name}/ln2`, x), memory, cfg.heads, undefined, repeats));
    x = tf.add(x, mlp(p, `${name}/mlp`, layerNorm(p, `${name}/ln3`, x), cfg.mlp));
  }
  mask.dispose();
  return linear(p, "dec/head", layerNorm(p, "dec/ln", x), cfg.vocab) as tf.Tensor3D;
}

/** Token embeddings plus positions start..start+T-1: tokens [B, T] -> [B, T, D]. */
function embedTokens(p: ParamStore, cfg: DecoderConfig, tokens: tf.Tensor2D, start: number): tf.Tensor3D {
  const [b, t] = tokens.shape;
  const onehot = tf.cast(tf.oneHot(tf.reshape(tokens, [-1]), cfg.vocab), "float32");
  const x = tf.reshape(tf.matMul(onehot, p.get("dec/embed", [cfg.vocab, cfg.width])), [b, t, cfg.width]);
  return tf.add(x, tf.slice(p.get("dec/pos", [1, cfg.maxLen, cfg.width]), [0, start, 0], [1, t, cfg.width]));
}

/**
 * Incremental decoding with a key/value cache (no gradient): the cross-attention keys and
 * values of `memory` are projected once (per input row, before repeating them for its samples), each layer's self-attention keys and values grow by
 * one position per `next` call, so a step costs one position instead of re-running the prefix.
 * `next(tokens [R], t)` feeds the token at position t and returns the logits for position t + 1
 * ([R, vocab]), equal to decodeLogits(prefix)[:, t]. Call `dispose` when done.
 */
export class DecoderCache {
  private readonly cross: { k: tf.Tensor4D; v: tf.Tensor4D }[];
  /** Each layer's self-attention q, k, v projections side by side ([D, 3D], [3D]): one matmul a step. */
  private readonly qkv: { w: tf.Tensor; b: tf.Tensor }[];
  private self: { k: tf.Tensor4D | null; v: tf.Tensor4D | null }[];

  /** `repeats`: each memory row serves that many consecutive rows (samples); projected once, then repeated. */
  constructor(private readonly p: ParamStore, private readonly cfg: DecoderConfig, memory: tf.Tensor3D, repeats = 1) {
    const rep = (x: tf.Tensor4D) => (repeats === 1 ? x : repeatRows(x, repeats));
    this.cross = Array.from({ length: cfg.depth }, (_, i) => tf.tidy(() => ({
      k: rep(attentionKeys(p, `dec/block${i}/cross`, memory, cfg.heads)),
      v: rep(attentionValues(p, `dec/block${i}/cross`, memory, cfg.heads)),
    })));
    const d = cfg.width;
    this.qkv = Array.from({ length: cfg.depth }, (_, i) => tf.tidy(() => {
      const each = (kind: "w" | "b") => ["q", "k", "v"].map((m) => p.get(`dec/block${i}/self/${m}/${kind}`, kind === "w" ? [d, d] : [d], kind === "w" ? "normal" : "zeros"));
      return { w: tf.concat(each("w"), 1), b: tf.concat(each("b"), 0) };
    }));
    this.self = Array.from({ length: cfg.depth }, () => ({ k: null, v: null }));
  }

  next(tokens: tf.Tensor1D, t: number): tf.Tensor2D {
    const { p, cfg } = this;
    const r = tokens.shape[0];
    const grown: { k: tf.Tensor4D; v: tf.Tensor4D }[] = [];
    const logits = tf.tidy(() => {
      // A row lookup (no gradient here): the same values as embedTokens' one-hot matmul, 3 kernels fewer.
      const pos = tf.slice(p.get("dec/pos", [1, cfg.maxLen, cfg.width]), [0, t, 0], [1, 1, cfg.width]);
      let x: tf.Tensor = tf.add(tf.reshape(tf.gather(p.get("dec/embed", [cfg.vocab, cfg.width]), tokens), [r, 1, cfg.width]), pos);
      for (let i = 0; i < cfg.depth; i++) {
        const name = `dec/block${i}`;
        const h = layerNorm(p, `${name}/ln1`, x);
        const cache = this.self[i] as { k: tf.Tensor4D | null; v: tf.Tensor4D | null };
        // One position: [R, 1, 3D] -> q, k, v [R, H, 1, dh] by reshapes alone (no transposes at T = 1).
        const { w, b } = this.qkv[i] as { w: tf.Tensor; b: tf.Tensor };
        const dh = cfg.width / cfg.heads;
        const qkv = tf.split(tf.reshape(affineWith(h, w, b), [r, 3 * cfg.width]), 3, 1); // a 2-D split: 2.5x cheaper than 4-D
        const [q, k1, v1] = qkv.map((m) => tf.reshape(m, [r, cfg.heads, 1, dh])) as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
        // Keys and values grow along axis 2 ([R, H, t, dh]): a few contiguous copies per row.
        const k = cache.k ? tf.concat([cache.k, k1], 2) : k1;
        const v = cache.v ? tf.concat([cache.v, v1], 2) : v1;
        grown.push({ k: tf.keep(k), v: tf.keep(v) });
        x = tf.add(x, attendHeads(p, `${name}/self`, q, k, v));
        const c = this.cross[i] as { k: tf.Tensor4D; v: tf.Tensor4D };
        x = tf.add(x, attendProjected(p, `${name}/cross`, layerNorm(p, `${name}/ln2`, x), c.k, c.v, cfg.heads));
        x = tf.add(x, mlp(p, `${name}/mlp`, layerNorm(p, `${name}/ln3`, x), cfg.mlp));
      }
      return tf.reshape(linear(p, "dec/head", layerNorm(p, "dec/ln", x), cfg.vocab), [r, cfg.vocab]) as tf.Tensor2D;
    });
    for (const c of this.self) {
      c.k?.dispose();
      c.v?.dispose();
    }
    this.self = grown;
    return logits;
  }

  dispose(): void {
    for (const m of this.qkv) tf.dispose([m.w, m.b]);
    for (const c of [...this.cross, ...this.self]) {
      c.k?.dispose();
      c.v?.dispose();
    }
  }
}
