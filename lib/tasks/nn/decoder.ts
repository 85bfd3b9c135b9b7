import * as tf from "@tensorflow/tfjs-core";
import { attention, causalMask, layerNorm, linear, mlp } from "./layers";
import type { ParamStore } from "./params";

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
 * Decoder logits for token prefixes: tokens [B, T] (int32) attending causally to themselves and
 * fully to `memory` [B, S, D] -> logits [B, T, vocab]. Embeddings go through a one-hot matmul so
 * the gradient needs no scatter kernel (missing on some backends).
 */
export function decodeLogits(p: ParamStore, cfg: DecoderConfig, tokens: tf.Tensor2D, memory: tf.Tensor3D): tf.Tensor3D {
  const [b, t] = tokens.shape;
  const onehot = tf.cast(tf.oneHot(tf.reshape(tokens, [-1]), cfg.vocab), "float32");
  let x = tf.reshape(tf.matMul(onehot, p.get("dec/embed", [cfg.vocab, cfg.width])), [b, t, cfg.width]);
  x = tf.add(x, tf.slice(p.get("dec/pos", [1, cfg.maxLen, cfg.width]), [0, 0, 0], [1, t, cfg.width]));
  const mask = causalMask(t);
  for (let i = 0; i < cfg.depth; i++) {
    const name = `dec/block${i}`;
    const h = layerNorm(p, `${name}/ln1`, x);
    x = tf.add(x, attention(p, `${name}/self`, h, h, cfg.heads, mask));
    x = tf.add(x, attention(p, `${name}/cross`, layerNorm(p, `${name}/ln2`, x), memory, cfg.heads));
    x = tf.add(x, mlp(p, `${name}/mlp`, layerNorm(p, `${name}/ln3`, x), cfg.mlp));
  }
  mask.dispose();
  return linear(p, "dec/head", layerNorm(p, "dec/ln", x), cfg.vocab) as tf.Tensor3D;
}
