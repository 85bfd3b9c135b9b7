import type { VitConfig } from "../nn/vit";
import { DEFAULT_CHROMA_GRID, type ChromaGrid } from "./color";

export interface ColorizationConfig {
  /** Encoder over grey patches (`channels: 1`). */
  vit: VitConfig;
  /** Side in pixels of the block that shares one chroma choice; divides `vit.patch`. */
  block: number;
  grid: ChromaGrid;
}

/**
 * Model sizes. Each ViT token predicts, for each `block` x `block` pixel block of its patch,
 * logits over the grid's 81 chroma bins: 16 x 16 chroma locations at 32 x 32.
 * - `default` (what ships; MLE-pretrainable on 2 CPU cores with WASM): 128,916 parameters
 *   (encoder 107,860 with a 4,096-scalar position table; head 64 x 324 + 324 = 21,060).
 * - `smoke` (CI, leak tests): 26,036 parameters.
 */
export const COLORIZATION_SIZES: Record<"default" | "smoke", ColorizationConfig> = {
  default: {
    vit: { imageSize: 32, channels: 1, patch: 4, width: 64, depth: 3, heads: 4, mlp: 128 },
    block: 2,
    grid: DEFAULT_CHROMA_GRID,
  },
  smoke: {
    vit: { imageSize: 32, channels: 1, patch: 8, width: 16, depth: 1, heads: 2, mlp: 32 },
    block: 2,
    grid: DEFAULT_CHROMA_GRID,
  },
};
