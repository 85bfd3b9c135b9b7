/**
 * COCO bbox AP / AR, computed exactly as pycocotools does
 * (`COCO(gt)`, `gt.loadRes(dets)`, `COCOeval(gt, dt, iouType="bbox")`, then
 * `evaluate()`, `accumulate()`, `summarize()`; cocodataset/cocoapi `PythonAPI/pycocotools`).
 *
 * Pure and synchronous: no I/O, runs in the browser, a worker or Node. Work is grouped
 * by (image, category) with Maps, so cost grows with the detections per image, not with
 * images x detections.
 */
import { cocoAccumulate } from "./coco-accumulate";
import {
  type CocoDtEntry,
  type CocoGtEntry,
  type CocoImageEval,
  evaluateImage,
  prepareImageGroup,
} from "./coco-evaluate-image";
import { COCO_AREA_RANGES } from "./coco-params";
import { type CocoStats, cocoSummarize } from "./coco-summarize";

export type { CocoStats } from "./coco-summarize";

/** A COCO ground-truth dataset (the parts bbox evaluation reads). */
export interface CocoGroundTruth {
  images: { id: number; width?: number; height?: number }[];
  annotations: {
    id: number;
    image_id: number;
    category_id: number;
    /** `[x, y, w, h]` in pixels. */
    bbox: [number, number, number, number];
    /** Used for the small / medium / large split (pycocotools does not recompute it). */
    area: number;
    /** 1: a crowd region, ignored and matchable any number of times. Missing means 0. */
    iscrowd?: 0 | 1;
  }[];
  categories: { id: number; name?: string }[];
}

/** One detection in the COCO results format. */
export interface CocoDetection {
  image_id: number;
  category_id: number;
  /** `[x, y, w, h]` in pixels; its area for the area ranges is `w * h` (`loadRes`). */
  bbox: [number, number, number, number];
  score: number;
}

interface Group {
  imageIndex: number;
  categoryIndex: number;
  gts: CocoGtEntry[];
  dts: CocoDtEntry[];
}

const sortedUnique = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/**
 * The 12 COCO detection numbers (AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs,
 * ARm, ARl) of `detections` against `gt`, as pycocotools' `COCOeval.stats` for
 * `iouType="bbox"`; agrees with it to floating-point rounding of the final means.
 *
 * Evaluated images are all ground-truth images and categories all ground-truth
 * categories (sorted ids). Detections of a category absent from `gt.categories` are
 * dropped, as are annotations on images absent from `gt.images`. A category or area
 * range with no non-crowd ground truth is left out of the means; a number with nothing
 * to average is -1. With no detections at all the result is what pycocotools gives for
 * a result set with no annotations (its `loadRes` itself cannot take an empty list).
 *
 * @throws Error when a detection's `image_id` is not a ground-truth image
 *   (pycocotools: "Results do not correspond to current coco set").
 */
export function cocoDetectionEval(gt: CocoGroundTruth, detections: readonly CocoDetection[]): CocoStats {
  const imgIds = sortedUnique(gt.images.map((i) => i.id));
  const catIds = sortedUnique(gt.categories.map((c) => c.id));
  const imageIndex = new Map(imgIds.map((id, i) => [id, i]));
  const categoryIndex = new Map(catIds.map((id, k) => [id, k]));
  const K = catIds.length;
  for (const det of detections) {
    if (!imageIndex.has(det.image_id)) {
      throw new Error(
        `cocoDetectionEval: detection on image_id ${det.image_id}, which is not a ground-truth image ` +
          `(pycocotools: "Results do not correspond to current coco set")`,
      );
    }
  }

  const groups = new Map<number, Group>();
  const groupOf = (imageId: number, categoryId: number): Group | undefined => {
    const i = imageIndex.get(imageId);
    const k = categoryIndex.get(categoryId);
    if (i === undefined || k === undefined) return undefined;
    const key = i * K + k;
    let g = groups.get(key);
    if (!g) {
      g = { imageIndex: i, categoryIndex: k, gts: [], dts: [] };
      groups.set(key, g);
    }
    return g;
  };

  // Ground truths in the order `getAnnIds(imgIds, catIds)` + `loadAnns` yield them:
  // image by image (sorted ids), dataset order within an image, then looked up by id,
  // so when two annotations share an id the later one is the one evaluated (`self.anns`).
  const annById = new Map(gt.annotations.map((a) => [a.id, a]));
  const annsByImage = new Map<number, CocoGroundTruth["annotations"]>();
  for (const ann of gt.annotations) {
    const list = annsByImage.get(ann.image_id);
    if (list) list.push(ann);
    else annsByImage.set(ann.image_id, [ann]);
  }
  for (const imgId of imgIds) {
    for (const listed of annsByImage.get(imgId) ?? []) {
      if (!categoryIndex.has(listed.category_id)) continue;
      const ann = annById.get(listed.id) ?? listed;
      // `ignore = 'iscrowd' in gt and gt['iscrowd']`
      const entry: CocoGtEntry = { id: ann.id, bbox: ann.bbox, area: ann.area, crowd: Boolean(ann.iscrowd) };
      groupOf(ann.image_id, ann.category_id)?.gts.push(entry);
    }
  }
  // Detections keep their input order within a group (`loadRes` numbers them id = index + 1).
  for (const det of detections) groupOf(det.image_id, det.category_id)?.dts.push({ bbox: det.bbox, score: det.score });

  // evals[k][a]: per-image evaluations in ascending image id order (the `i_list` walk).
  const evals: CocoImageEval[][][] = catIds.map(() => COCO_AREA_RANGES.map(() => []));
  const keys = [...groups.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const g = groups.get(key) as Group;
    const prepared = prepareImageGroup(g.gts, g.dts);
    const byArea = evals[g.categoryIndex] as CocoImageEval[][];
    COCO_AREA_RANGES.forEach((range, a) => (byArea[a] as CocoImageEval[]).push(evaluateImage(prepared, range)));
  }
  return cocoSummarize(cocoAccumulate(evals));
}
