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
 * Model sizes. `default` is what ships: trainable on 2 CPU cores with the WASM backend (Node,
 * one core: about 0.26 s per batch-32 MLE step, 0.52 s per REINFORCE step of 8 images x 4
 * samples; greedy AP 0.21 on 200 val scenes after 2,500 MLE steps at lr 1e-3). 181,738
 * trainable parameters: ViT over 64 patches of 4 x 4, width 64, depth 2: 74,304 (patch embed
 * 3,136, positions 4,096, 2 blocks x 33,472, final LN 128); decoder with vocab 42, length
 * 22, width 64, depth 2: 107,434 (embed 2,688, positions 1,408, 2 blocks x 50,240 with self-
 * and cross-attention, LN 128, head 2,730).
 * `smoke` is for CI and leak tests: 10,714 parameters (encoder 5,600, decoder 5,114).
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
