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
 * - `default` (what ships; MLE-pretrainable on 2 CPU cores with WASM): 93,316 parameters:
 *   encoder 72,256 (patch embedding 16 x 64 + 64, position table 64 x 64, two blocks of 33,472,
 *   final LayerNorm 128) and head 64 x 324 + 324 = 21,060 (4 locations x 81 bins per token).
 * - `smoke` (CI, leak tests): 25,584 parameters: encoder 3,552 (patch 8, width 16, one block)
 *   and head 16 x 1,296 + 1,296 = 22,032 (16 locations x 81 bins per token).
 */
export const COLORIZATION_SIZES: Record<"default" | "smoke", ColorizationConfig> = {
  default: {
    vit: { imageSize: 32, channels: 1, patch: 4, width: 64, depth: 2, heads: 4, mlp: 128 },
    block: 2,
    grid: DEFAULT_CHROMA_GRID,
  },
  smoke: {
    vit: { imageSize: 32, channels: 1, patch: 8, width: 16, depth: 1, heads: 2, mlp: 32 },
    block: 2,
    grid: DEFAULT_CHROMA_GRID,
  },
};
