import * as tf from "@tensorflow/tfjs-core";
import { linear } from "../nn/layers";
import type { ParamStore } from "../nn/params";
import { patchify, vitEncode, type VitConfig } from "../nn/vit";
import { NUM_CLASSES } from "./encoding";

export interface PanopticConfig {
  vit: VitConfig;
  /** Instance slots for things (ShapeWorld has at most 4 things per scene). */
  slots: number;
}

/**
 * Model sizes. `default` is what ships: 0.39 s per batch-32 MLE step on WASM in Node on 2
 * cores (0.4-0.6 s while other trainings shared them), so the CLI's 3,000 pretraining steps
 * take about 20 min. Depth 2 (0.22 s a step) is cheaper but learned less per step with the
 * earlier per-pixel decoding: greedy val PQ after 3,000 steps 0.673 (things 0.409) against 0.685
 * (things 0.432) for depth 4. `smoke` is for CI and leak tests.
 * Trainable parameters (ParamStore.count(), pinned by a test), C = 11 classes + 4 slots = 15
 * logits per location:
 *  - default: 159,773 = embed 48x64+64 = 3,136, pos 64x64 = 4,096, 4 blocks x 33,472, final
 *    LN 128, position head 64x(16x15)+240 = 15,600, colour head 64x(3x15)+45 = 2,925.
 *  - smoke: 22,685 = embed 192x16+16 = 3,088, pos 256, 1 block x 2,224, LN 32, position head
 *    16x(64x15)+960 = 16,320, colour head 16x45+45 = 765.
 */
export const PANOPTIC_SIZES: Record<"default" | "smoke", PanopticConfig> = {
  default: {
    vit: { imageSize: 32, channels: 3, patch: 4, width: 64, depth: 4, heads: 4, mlp: 128 },
    slots: 4,
  },
  smoke: {
    vit: { imageSize: 32, channels: 3, patch: 8, width: 16, depth: 1, heads: 2, mlp: 32 },
    slots: 4,
  },
};

/** Logits per location: NUM_CLASSES class logits, then `slots` slot logits. */
export const logitsPerLocation = (cfg: PanopticConfig): number => NUM_CLASSES + cfg.slots;

/**
 * ViT encoder, then a linear head per token giving every pixel of its patch its class and slot
 * logits (UViM's "per-location" outputs, decoded here without a learned code).
 * images [B, H, W, 3] -> logits [B, H * W, NUM_CLASSES + slots], pixels row-major.
 */
export function panopticLogits(p: ParamStore, cfg: PanopticConfig, images: tf.Tensor4D): tf.Tensor3D {
  const [b, h, w] = images.shape;
  const { patch } = cfg.vit;
  const c = logitsPerLocation(cfg);
  const tokens = vitEncode(p, cfg.vit, images); // [B, N, D]
  let perToken = linear(p, "head", tokens, patch * patch * c); // [B, N, patch * patch * C]
  // Plus, per token, a linear classifier of its own pixels' colours (3 x C weights, predicted):
  // boundaries of small things then follow the pixels rather than what a 64-wide token can hold.
  // In 400-step MLE runs (depth 2) it cut the loss from 0.50 to 0.38 and lifted greedy PQ_things 0.07 -> 0.18.
  const n = tokens.shape[1];
  const weights = tf.reshape(linear(p, "head/color", tokens, 3 * c), [b * n, 3, c]);
  const pixels = tf.reshape(tf.sub(patchify(images, patch), 0.5), [b * n, patch * patch, 3]);
  perToken = tf.add(perToken, tf.reshape(tf.matMul(pixels, weights), [b, n, patch * patch * c]));
  // Undo patchify's layout: token (gy, gx), pixel (py, px) -> image row gy*patch+py, column gx*patch+px.
  const grid = tf.reshape(perToken, [b, h / patch, w / patch, patch, patch, c]);
  return tf.reshape(tf.transpose(grid, [0, 1, 3, 2, 4, 5]), [b, h * w, c]);
}
