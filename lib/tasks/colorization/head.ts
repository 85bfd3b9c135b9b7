import * as tf from "@tensorflow/tfjs-core";
import { linear } from "../nn/layers";
import type { ParamStore } from "../nn/params";
import { binCount } from "./color";
import type { ColorizationConfig } from "./model";

/**
 * Per-token outputs in token order -> per-location outputs in raster order. x [B, g*g, s*s*Q]
 * (token (ty, tx), then sub-block (dy, dx), then bin) -> [B, (g*s)^2, Q] where location
 * (ty*s + dy, tx*s + dx) is row (ty*s + dy) * g*s + tx*s + dx: [B, g, g, s, s, Q] is transposed
 * to [B, g, s, g, s, Q].
 */
export function tokensToRaster(x: tf.Tensor3D, g: number, s: number, q: number): tf.Tensor3D {
  const b = x.shape[0];
  const raster = tf.transpose(tf.reshape(x, [b, g, g, s, s, q]), [0, 1, 3, 2, 4, 5]);
  return tf.reshape(raster, [b, g * s * g * s, q]);
}

/**
 * Chroma logits from encoder tokens [B, g*g, D]: a linear map per token to logits for each of
 * its (patch / block)^2 blocks -> [B, L, Q], L = (imageSize / block)^2 in raster order.
 */
export function chromaHead(p: ParamStore, cfg: ColorizationConfig, tokens: tf.Tensor3D): tf.Tensor3D {
  const g = cfg.vit.imageSize / cfg.vit.patch;
  const s = cfg.vit.patch / cfg.block;
  const q = binCount(cfg.grid);
  return tokensToRaster(linear(p, "head", tokens, s * s * q) as tf.Tensor3D, g, s, q);
}
