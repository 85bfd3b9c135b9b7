/**
 * What each task's model outputs and what a reward term compares it with. Plain data (no
 * tensors): reward terms are pure functions of (output, target, params).
 */
import type { GroundTruthObject } from "@/lib/data";

export const TASK_IDS = ["captioning", "detection", "panoptic", "colorization"] as const;
export type TaskId = (typeof TASK_IDS)[number];

/** A box as COCO writes it: [x, y, width, height] in pixels, (x, y) the top-left corner. */
export type Box = [number, number, number, number];

export interface CaptionOutput { text: string }
export interface CaptionTarget {
  references: readonly string[];
  /** The scene's objects (class, colour, region under them), for the grounded terms; ShapeWorld targets carry them. */
  objects?: readonly GroundTruthObject[];
}

export interface DetectionOutput { boxes: readonly { box: Box; categoryId: number; score?: number }[] }
export interface DetectionTarget {
  width: number;
  height: number;
  boxes: readonly { box: Box; categoryId: number; iscrowd?: 0 | 1; area?: number }[];
}

export interface PanopticOutput {
  /** [height * width] segment id per pixel, row-major; 0 = VOID. */
  segmentIds: ArrayLike<number>;
  segments: readonly { id: number; category_id: number }[];
}
export interface PanopticTarget {
  width: number;
  height: number;
  segmentIds: ArrayLike<number>;
  segments: readonly { id: number; category_id: number; iscrowd?: 0 | 1 }[];
}

export interface ColorizationOutput {
  /** [height * width * 3] RGB, 0..255, row-major. */
  rgb: ArrayLike<number>;
}
export interface ColorizationTarget {
  width: number;
  height: number;
  /** The ground-truth colour image, [height * width * 3]. */
  rgb: ArrayLike<number>;
}

export interface TaskIO {
  captioning: { output: CaptionOutput; target: CaptionTarget };
  detection: { output: DetectionOutput; target: DetectionTarget };
  panoptic: { output: PanopticOutput; target: PanopticTarget };
  colorization: { output: ColorizationOutput; target: ColorizationTarget };
}
export type OutputOf<T extends TaskId> = TaskIO[T]["output"];
export type TargetOf<T extends TaskId> = TaskIO[T]["target"];
