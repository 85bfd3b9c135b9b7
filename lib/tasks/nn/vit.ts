import * as tf from "@tensorflow/tfjs-core";
import { attention, layerNorm, linear, mlp } from "./layers";
import type { ParamStore } from "./params";

/** Sizes of a ViT-style encoder (the paper's models use ViT encoders). */
export interface VitConfig {
  /** Input image side in pixels (square). */
  imageSize: number;
  /** Input channels: 3 for RGB, 1 for greyscale. */
  channels: number;
  patch: number;
  width: number;
  depth: number;
  heads: number;
  mlp: number;
}

/**
 * Images [B, H, W, C] (floats in 0..1) -> patches [B, N, patch*patch*C], N = (H/patch)^2, in
 * raster order. A reshape/transpose, no convolution: every backend can train what follows.
 */
export function patchify(images: tf.Tensor4D, patch: number): tf.Tensor3D {
  const [b, h, w, c] = images.shape;
  const gh = h / patch;
  const gw = w / patch;
  const grid = tf.transpose(tf.reshape(images, [b, gh, patch, gw, patch, c]), [0, 1, 3, 2, 4, 5]);
  return tf.reshape(grid, [b, gh * gw, patch * patch * c]);
}

/** Pre-LN transformer block: x + attn(LN(x)), then x + mlp(LN(x)). */
export function encoderBlock(p: ParamStore, name: string, x: tf.Tensor, heads: number, hidden: number): tf.Tensor {
  const h = layerNorm(p, `${name}/ln1`, x);
  const y = tf.add(x, attention(p, `${name}/attn`, h, h, heads));
  return tf.add(y, mlp(p, `${name}/mlp`, layerNorm(p, `${name}/ln2`, y), hidden));
}

/**
 * ViT encoder: patches embedded by a matmul, learned position embeddings, `depth` blocks, a final
 * LayerNorm. images [B, H, W, C] -> tokens [B, N, width].
 */
export function vitEncode(p: ParamStore, cfg: VitConfig, images: tf.Tensor4D): tf.Tensor3D {
  const n = (cfg.imageSize / cfg.patch) ** 2;
  let x = linear(p, "enc/embed", patchify(images, cfg.patch), cfg.width);
  x = tf.add(x, p.get("enc/pos", [1, n, cfg.width]));
  for (let i = 0; i < cfg.depth; i++) x = encoderBlock(p, `enc/block${i}`, x, cfg.heads, cfg.mlp);
  return layerNorm(p, "enc/ln", x) as tf.Tensor3D;
}
