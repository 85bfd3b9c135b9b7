import type { DecoderConfig } from "../nn/decoder";
import type { VitConfig } from "../nn/vit";
import { maxLength, vocabSize, type BoxCoding } from "./vocab";

export interface DetectionConfig {
  vit: VitConfig;
  dec: DecoderConfig;
  /** Box quantisation: the decoder's vocab and maxLen follow from it. */
  coding: BoxCoding;
}

/** Integer pixel positions 0..32 on ShapeWorld's 32 x 32 images; at most 4 objects per scene. */
const CODING: BoxCoding = { imageSize: 32, bins: 33, maxObjects: 4 };

/**
 * Model sizes. `default` is what ships: trainable on 2 CPU cores with the WASM backend
 * (about 0.5 s per batch-32 MLE step), 150,826 trainable parameters (ViT 64 patches of 4 x 4,
 * width 64, depth 2: 69,824; decoder vocab 42, length 22, width 64, depth 2: 81,002).
 * `smoke` is for CI and leak tests: 9,546 parameters.
 */
export const DETECTION_SIZES: Record<"default" | "smoke", DetectionConfig> = {
  default: {
    vit: { imageSize: 32, channels: 3, patch: 4, width: 64, depth: 2, heads: 4, mlp: 128 },
    dec: { vocab: vocabSize(CODING), maxLen: maxLength(CODING), width: 64, depth: 2, heads: 4, mlp: 128 },
    coding: CODING,
  },
  smoke: {
    vit: { imageSize: 32, channels: 3, patch: 8, width: 16, depth: 1, heads: 2, mlp: 32 },
    dec: { vocab: vocabSize(CODING), maxLen: maxLength(CODING), width: 16, depth: 1, heads: 2, mlp: 32 },
    coding: CODING,
  },
};
