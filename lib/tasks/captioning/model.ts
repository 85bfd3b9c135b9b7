import type { DecoderConfig } from "../nn/decoder";
import type { VitConfig } from "../nn/vit";
import { VOCAB_SIZE } from "./vocab";

export interface CaptioningConfig {
  vit: VitConfig;
  dec: DecoderConfig;
}

/**
 * Model sizes. `default` is what ships (trainable on 2 CPU cores with the WASM backend);
 * `smoke` is for CI and leak tests.
 */
export const CAPTIONING_SIZES: Record<"default" | "smoke", CaptioningConfig> = {
  default: {
    vit: { imageSize: 32, channels: 3, patch: 4, width: 64, depth: 2, heads: 4, mlp: 128 },
    dec: { vocab: VOCAB_SIZE, maxLen: 32, width: 64, depth: 2, heads: 4, mlp: 128 },
  },
  smoke: {
    vit: { imageSize: 32, channels: 3, patch: 8, width: 16, depth: 1, heads: 2, mlp: 32 },
    dec: { vocab: VOCAB_SIZE, maxLen: 32, width: 16, depth: 1, heads: 2, mlp: 32 },
  },
};
