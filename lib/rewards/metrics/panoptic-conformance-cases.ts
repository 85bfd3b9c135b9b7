/**
 * Panoptic quality cases cross-checked against cocodataset/panopticapi. Expected numbers
 * were computed by a line-by-line Python transliteration of `panopticapi/evaluation.py`
 * (PQStatCat, PQStat, pq_compute_single_core, pq_compute_multi_core's merge, pq_average)
 * whose only change is reading these integer maps instead of PNGs through `rgb2id`; the
 * maps come from its random case generator (seeds below), picked because they hit IoU
 * exactly 0.5, VOID in the union, FPs ignored through VOID and crowd, a crowd region
 * overwritten by a later crowd segment of the same category, an image with no ground-truth
 * segments and ids up to 2^24 - 1. Floats are Python's shortest round-trip reprs.
 * Segments are [id, category_id, iscrowd] (ground truth) and [id, category_id] (prediction).
 */
import type { PanopticCategory, PanopticImage } from "./panoptic-types";

/** [PQ, SQ, RQ, n] as panopticapi's {pq, sq, rq, n}. */
type Avg = [number, number, number, number];

interface CaseImage {
  id: number | string;
  height: number;
  width: number;
  gt: number[];
  gtSegments: [number, number, number][];
  pred: number[];
  predSegments: [number, number][];
}

/** One cross-checked case. */
export interface PanopticCase {
  seed: number;
  categories: PanopticCategory[];
  images: CaseImage[];
  all: Avg;
  things: Avg;
  stuff: Avg;
  perClass: Record<string, [number, number, number]>;
}

/** The case's images in the `panopticQuality` input shape. */
export function caseImages(c: PanopticCase): PanopticImage[] {
  return c.images.map((im) => ({
    id: im.id,
    height: im.height,
    width: im.width,
    groundTruth: {
      segmentIds: im.gt,
      segments: im.gtSegments.map(([id, category_id, iscrowd]) => ({ id, category_id, iscrowd: iscrowd ? 1 : 0 })),
    },
    prediction: {
      segmentIds: im.pred,
      segments: im.predSegments.map(([id, category_id]) => ({ id, category_id })),
    },
  }));
}

export const PANOPTIC_CASES: PanopticCase[] = [
  {
    seed: 8,
    categories: [
      {"id":95,"name":"c95","isthing":1},
      {"id":97,"name":"c97","isthing":0},
    ],
    images: [
      { id: "img-0", height: 9, width: 4,
        gt: [
          7702987, 7702987, 7702987, 7702987,
          7702987, 7702987, 13, 7702987,
          7702987, 7702987, 13, 7702987,
          15134128, 15134128, 15134128, 7702987,
          15134128, 15134128, 15134128, 7702987,
          15134128, 15134128, 15134128, 7702987,
          15134128, 15134128, 15134128, 1502662,
          15134128, 15134128, 15134128, 1502662,
          15134128, 15134128, 15134128, 1502662,
        ],
        gtSegments: [[7702987,95,0],[15134128,95,0],[1502662,95,1],[13,97,0]],
        pred: [
          12822748, 12822748, 12822748, 12822748,
          12822748, 12822748, 5984379, 12822748,
          12822748, 12822748, 12822748, 12822748,
          18, 12822748, 18, 12822748,
          18, 18, 18, 12822748,
          18, 18, 12822748, 12822748,
          18, 12822748, 18, 14,
          18, 12822748, 18, 14,
          12822748, 5984379, 5984379, 14,
        ],
        predSegments: [[18,95],[14,95],[5984379,95],[12822748,95]],
      },
      { id: "img-1", height: 4, width: 1,
        gt: [0, 0, 0, 0],
        gtSegments: [],
        pred: [14, 14, 14, 14],
        predSegments: [[14,95]],
      },
    ],
    all: [0.2590643274853801, 0.32383040935672514, 0.4, 2],
    things: [0.5181286549707602, 0.6476608187134503, 0.8, 1],
    stuff: [0.0, 0.0, 0.0, 1],
    perClass: {
      "95": [0.5181286549707602, 0.6476608187134503, 0.8],
      "97": [0.0, 0.0, 0.0],
    },
  },
  {
    seed: 13,
    categories: [
      {"id":75,"name":"c75","isthing":1},
      {"id":176,"name":"c176","isthing":0},
      {"id":48,"name":"c48","isthing":false},
    ],
    images: [
      { id: "img-0", height: 3, width: 2,
        gt: [12493862, 12493862, 12493862, 12493862, 12493862, 12493862],
        gtSegments: [[12493862,48,0]],
        pred: [3, 9298376, 3, 9298376, 3, 9298376],
        predSegments: [[9298376,176],[3,48]],
      },
      { id: 1, height: 9, width: 3,
        gt: [
          8769339, 8769339, 8769339,
          8769339, 8769339, 8769339,
          8769339, 8769339, 8769339,
          8769339, 8769339, 8769339,
          8769339, 8769339, 8769339,
          8769339, 9683852, 9683852,
          8769339, 9683852, 9683852,
          8769339, 9683852, 9683852,
          1229364, 8769339, 8769339,
        ],
        gtSegments: [[9683852,48,0],[1229364,75,0],[8769339,176,0]],
        pred: [
          24, 24, 24,
          24, 24, 24,
          24, 24, 24,
          24, 24, 24,
          24, 24, 24,
          24, 29, 3552000,
          24, 29, 3552000,
          24, 29, 29,
          6, 24, 24,
        ],
        predSegments: [[24,176],[3552000,48],[29,48],[6,75]],
      },
    ],
    all: [0.6444444444444444, 0.8888888888888888, 0.6888888888888888, 3],
    things: [1.0, 1.0, 1.0, 1],
    stuff: [0.4666666666666667, 0.8333333333333333, 0.5333333333333333, 2],
    perClass: {
      "75": [1.0, 1.0, 1.0],
      "176": [0.6666666666666666, 1.0, 0.6666666666666666],
      "48": [0.26666666666666666, 0.6666666666666666, 0.4],
    },
  },
  {
    seed: 79,
    categories: [
      {"id":113,"name":"c113","isthing":1},
      {"id":90,"name":"c90","isthing":0},
    ],
    images: [
      { id: 0, height: 1, width: 4,
        gt: [12036139, 12036139, 12036139, 13081997],
        gtSegments: [[13081997,90,0],[12036139,113,0]],
        pred: [6745967, 11625012, 8407812, 3675190],
        predSegments: [[11625012,113],[6745967,90],[8407812,113],[3675190,90]],
      },
      { id: 1, height: 1, width: 12,
        gt: [6748988, 6748988, 6748988, 18, 18, 18, 18, 12, 0, 16, 0, 12],
        gtSegments: [[6748988,90,0],[16,90,1],[18,90,0],[12,90,1]],
        pred: [
          0, 0, 0, 0, 5188121, 5188121, 5188121, 5188121, 5188121, 5188121, 5188121, 8004506,
        ],
        predSegments: [[5188121,113],[8004506,90]],
      },
      { id: "img-2", height: 7, width: 3,
        gt: [
          10506398, 10506398, 10506398,
          10506398, 10506398, 10506398,
          10506398, 10506398, 10506398,
          0, 0, 0,
          10506398, 10506398, 10506398,
          10506398, 10506398, 10506398,
          10506398, 10506398, 10506398,
        ],
        gtSegments: [[10506398,113,0]],
        pred: [
          12897525, 12897525, 12897525,
          12897525, 12897525, 12897525,
          16233606, 16233606, 12897525,
          16233606, 16233606, 0,
          16233606, 16233606, 12897525,
          12897525, 12897525, 12897525,
          12897525, 12897525, 12897525,
        ],
        predSegments: [[12897525,113],[16233606,90]],
      },
    ],
    all: [0.2962962962962963, 0.8888888888888888, 0.3333333333333333, 2],
    things: [0.25925925925925924, 0.7777777777777778, 0.3333333333333333, 1],
    stuff: [0.3333333333333333, 1.0, 0.3333333333333333, 1],
    perClass: {
      "113": [0.25925925925925924, 0.7777777777777778, 0.3333333333333333],
      "90": [0.3333333333333333, 1.0, 0.3333333333333333],
    },
  },
  {
    seed: 227,
    categories: [
      {"id":176,"name":"c176","isthing":1},
      {"id":95,"name":"c95","isthing":0},
      {"id":21,"name":"c21","isthing":1},
      {"id":115,"name":"c115","isthing":1},
    ],
    images: [
      { id: "img-0", height: 11, width: 4,
        gt: [
          8, 8, 8, 8,
          8, 8, 8, 8,
          8, 8, 0, 8,
          8, 8, 8, 8,
          0, 8, 0, 8,
          8, 8, 15, 8,
          8, 8, 0, 8,
          8, 8, 15, 8,
          8, 8, 15, 0,
          8, 8, 8, 8,
          8, 8, 8, 8,
        ],
        gtSegments: [[15,95,0],[8,21,0]],
        pred: [
          11708403, 0, 11708403, 11708403,
          11708403, 11708403, 11708403, 11708403,
          0, 0, 13888687, 11708403,
          11708403, 11708403, 11708403, 11708403,
          0, 11708403, 0, 11708403,
          0, 11708403, 13888687, 11708403,
          11708403, 0, 0, 11708403,
          11708403, 11708403, 13888687, 11708403,
          0, 0, 13888687, 11708403,
          11708403, 11708403, 11708403, 11708403,
          11708403, 11708403, 11708403, 11708403,
        ],
        predSegments: [[11708403,21],[13888687,95]],
      },
      { id: 1, height: 1, width: 3,
        gt: [1265155, 14529526, 14529526],
        gtSegments: [[14529526,176,0],[1265155,95,0]],
        pred: [23, 23, 23],
        predSegments: [[23,176]],
      },
    ],
    all: [0.7129629629629629, 0.8240740740740741, 0.8888888888888888, 3],
    things: [0.7361111111111112, 0.7361111111111112, 1.0, 2],
    stuff: [0.6666666666666666, 1.0, 0.6666666666666666, 1],
    perClass: {
      "176": [0.6666666666666666, 0.6666666666666666, 1.0],
      "95": [0.6666666666666666, 1.0, 0.6666666666666666],
      "21": [0.8055555555555556, 0.8055555555555556, 1.0],
      "115": [0.0, 0.0, 0.0],
    },
  },];
