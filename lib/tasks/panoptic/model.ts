import * as tf from "@tensorflow/tfjs-core";
import { linear } from "../nn/layers";
import type { ParamStore } from "../nn/params";
import { vitEncode, type VitConfig } from "../nn/vit";
import { NUM_CLASSES } from "./encoding";

export interface PanopticConfig {
  vit: VitConfig;
  /** Instance slots for things (ShapeWorld has at most 4 things per scene). */
  slots: number;
}

/**
 * Model sizes. `default` is what ships (MLE-pretrainable on 2 CPU cores with the WASM backend);
 * `smoke` is for CI and leak tests. Trainable parameters (ParamStore.count()):
 *  - default: 112,048 (encoder 3 blocks x 33,472 + embed 3,136 + pos 4,096 + ln 128;
 *    head 64 x 16 x 15 + bias = 15,600)
 *  - smoke: 65,136 (encoder 1 block x 2,224 + embed 3,088 + pos 256 + ln 32; head
 *    16 x 64 x 15 + bias = 61,440 + 960... see the test that pins it)
 */
export const PANOPTIC_SIZES: Record<"default" | "smoke", PanopticConfig> = {
  default: {
    vit: { imageSize: 32, channels: 3, patch: 4, width: 64, depth: 3, heads: 4, mlp: 128 },
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
 * logits. images [B, H, W, 3] -> logits [B, H * W, NUM_CLASSES + slots], pixels row-major.
 */
export function panopticLogits(p: ParamStore, cfg: PanopticConfig, images: tf.Tensor4D): tf.Tensor3D {
  const [b, h, w] = images.shape;
  const { patch } = cfg.vit;
  const c = logitsPerLocation(cfg);
  const tokens = vitEncode(p, cfg.vit, images); // [B, N, D]
  const perToken = linear(p, "head", tokens, patch * patch * c); // [B, N, patch * patch * C]
  // Undo patchify's layout: token (gy, gx), pixel (py, px) -> image row gy*patch+py, column gx*patch+px.
  const grid = tf.reshape(perToken, [b, h / patch, w / patch, patch, patch, c]);
  return tf.reshape(tf.transpose(grid, [0, 1, 3, 2, 4, 5]), [b, h * w, c]);
}
