import { CATEGORIES, sceneAt, SPLITS } from "@/lib/data";
import { CiderDScorer } from "./metrics/cider-d";
import { classWeightsFromCounts } from "./metrics/detection-reward";
import type { PanopticCategory } from "./metrics/panoptic-quality";

export interface RewardContextOptions {
  /** Reference captions per image of the corpus whose document frequencies CIDEr-D's idf uses. */
  captionReferences?: readonly (readonly string[])[];
  /** Thing-class counts of the training split, for the paper's detection class weights. */
  detectionClassCounts?: ReadonlyMap<number, number> | Record<number, number>;
  /** Categories for PQ (default: ShapeWorld's). */
  panopticCategories?: readonly PanopticCategory[];
}

/**
 * What reward terms share across calls and build once: the CIDEr-D idf table, detection class
 * weights, panoptic categories. Build one per training run (or use `shapeWorldRewardContext`),
 * never per step.
 */
export class RewardContext {
  private cider?: CiderDScorer;
  private weights?: Map<number, number>;
  readonly panopticCategories: readonly PanopticCategory[];

  constructor(private readonly options: RewardContextOptions = {}) {
    this.panopticCategories =
      options.panopticCategories ?? CATEGORIES.map((c) => ({ id: c.id, name: c.name, isthing: c.isthing ? 1 : 0 }));
  }

  /** True when CIDEr-D has a fixed reference corpus (else `evaluate` uses the batch's references). */
  get hasCaptionCorpus(): boolean {
    return this.options.captionReferences !== undefined;
  }

  /** A context like this one whose CIDEr-D idf comes from `captionReferences`. */
  withCaptionReferences(captionReferences: readonly (readonly string[])[]): RewardContext {
    return new RewardContext({ ...this.options, captionReferences, panopticCategories: this.panopticCategories });
  }

  /** The CIDEr-D scorer over the configured corpus, built on first use. */
  ciderScorer(): CiderDScorer {
    if (!this.options.captionReferences) throw new Error("RewardContext: no caption reference corpus configured");
    this.cider ??= new CiderDScorer(this.options.captionReferences);
    return this.cider;
  }

  /** Class weights of the paper's detection reward; uniform over ShapeWorld things by default. */
  detectionWeights(): Map<number, number> {
    if (!this.weights) {
      const counts = this.options.detectionClassCounts ?? Object.fromEntries(CATEGORIES.filter((c) => c.isthing).map((c) => [c.id, 1]));
      this.weights = classWeightsFromCounts(counts);
    }
    return this.weights;
  }
}

/**
 * The context for ShapeWorld: CIDEr-D idf and detection class frequencies from the first
 * `scenes` training scenes (a fixed sample, so every run and the browser agree).
 */
export function shapeWorldRewardContext(options: { scenes?: number } = {}): RewardContext {
  const n = Math.min(options.scenes ?? 2000, SPLITS.train.count);
  const captionReferences: string[][] = [];
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const scene = sceneAt("train", i);
    captionReferences.push(scene.captions);
    for (const o of scene.objects) counts.set(o.categoryId, (counts.get(o.categoryId) ?? 0) + 1);
  }
  return new RewardContext({ captionReferences, detectionClassCounts: counts });
}

/** Training scenes behind the trainer's reward context: runs, previews, comparisons and campaigns score alike. */
export const TRAINER_CONTEXT_SCENES = 200;
let trainer: RewardContext | undefined;

/** The trainer's reward context (CIDEr-D idf over the first 200 training scenes), built once per process or Worker. */
export function trainerRewardContext(): RewardContext {
  trainer ??= shapeWorldRewardContext({ scenes: TRAINER_CONTEXT_SCENES });
  return trainer;
}
