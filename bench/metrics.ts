/**
 * `npm run bench -- metrics`: throughput of every metric on ShapeWorld-shaped inputs, in the
 * sizes the issue names (5,000 captions, 500 detection images, 200 panoptic images, 500 colour
 * images), plus the reward path a training step takes (`evaluate` with the default spec).
 *
 * Reference, measured in the same run: JSON.parse of the same input (what any tool pays just
 * to read it). The ratio says how many input-parses one scoring pass costs.
 */
import { sceneAt } from "@/lib/data";
import {
  bleu, ciderD, CiderDScorer, cocoDetectionEval, colorfulness, DEFAULT_REWARD_SPECS, evaluate, panopticQuality,
  shapeWorldRewardContext, shapeWorldTarget, type CocoDetection, type PanopticImage, type RewardSample,
} from "@/lib/rewards";
import { createRandom } from "@/lib/tasks";
import { row, time } from "./timing";

function captionsInput(n: number) {
  const rand = createRandom(1);
  const references: Record<string, string[]> = {};
  const candidates: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const caps = sceneAt("train", i).captions;
    const words = (caps[Math.floor(rand() * caps.length)] as string).split(" ");
    if (words.length > 3) words.splice(Math.floor(rand() * words.length), 1); // drop a word: imperfect candidates
    references[String(i)] = caps;
    candidates[String(i)] = words.join(" ");
  }
  return { references, candidates };
}

function detectionInput(n: number) {
  const rand = createRandom(2);
  const images: { id: number; width: number; height: number }[] = [];
  const annotations: { id: number; image_id: number; category_id: number; bbox: [number, number, number, number]; area: number; iscrowd: 0 }[] = [];
  const detections: CocoDetection[] = [];
  for (let i = 0; i < n; i++) {
    const s = sceneAt("val", i % 1000);
    images.push({ id: i, width: s.width, height: s.height });
    for (const o of s.objects) {
      annotations.push({ id: annotations.length + 1, image_id: i, category_id: o.categoryId, bbox: o.bbox, area: o.area, iscrowd: 0 });
      for (let k = 0; k < 5; k++) {
        const j = () => (rand() - 0.5) * 3;
        detections.push({ image_id: i, category_id: rand() < 0.85 ? o.categoryId : 1 + Math.floor(rand() * 6), bbox: [o.bbox[0] + j(), o.bbox[1] + j(), Math.max(1, o.bbox[2] + j()), Math.max(1, o.bbox[3] + j())], score: rand() });
      }
    }
    for (let k = 0; k < 8; k++) detections.push({ image_id: i, category_id: 1 + Math.floor(rand() * 6), bbox: [rand() * 28, rand() * 28, 2 + rand() * 10, 2 + rand() * 10], score: rand() * 0.5 });
  }
  return { groundTruth: { images, annotations, categories: [1, 2, 3, 4, 5, 6].map((id) => ({ id })) }, detections };
}

function panopticInput(n: number): PanopticImage[] {
  return Array.from({ length: n }, (_, i) => {
    const gt = sceneAt("val", i, { size: 64 });
    const other = sceneAt("val", i + 500, { size: 64 }); // a plausible but imperfect prediction
    const pred = Int32Array.from(gt.panoptic.segmentIds, (id, p) => (p % 64 < 60 ? id : (other.panoptic.segmentIds[p] as number) + 1000));
    const segs = [...gt.panoptic.segments.map((s) => ({ id: s.id, category_id: s.category_id })), ...other.panoptic.segments.map((s) => ({ id: s.id + 1000, category_id: s.category_id }))];
    const present = new Set(pred);
    return {
      id: i, width: 64, height: 64,
      groundTruth: { segmentIds: gt.panoptic.segmentIds, segments: gt.panoptic.segments.map((s) => ({ id: s.id, category_id: s.category_id, iscrowd: 0 as const })) },
      prediction: { segmentIds: pred, segments: segs.filter((s) => present.has(s.id)) },
    };
  });
}

export function benchMetrics(): void {
  const categories = [...Array(11).keys()].map((i) => ({ id: i + 1, isthing: i < 6 ? 1 : 0 }) as const);
  const caps = captionsInput(5000);
  const det = detectionInput(500);
  const pan = panopticInput(200);
  const colour = Array.from({ length: 500 }, (_, i) => sceneAt("val", i).rgb);
  const scorer = new CiderDScorer(Object.values(caps.references));
  const ids = Object.keys(caps.candidates);
  const panJson = JSON.stringify({ categories, images: pan.map((p) => ({ ...p, groundTruth: { ...p.groundTruth, segmentIds: Array.from(p.groundTruth.segmentIds) }, prediction: { ...p.prediction, segmentIds: Array.from(p.prediction.segmentIds) } })) });
  const colourJson = JSON.stringify({ images: colour.map((rgb) => ({ width: 32, height: 32, rgb: Array.from(rgb) })) });

  const rows: [string, number, () => unknown, string][] = [
    ["BLEU (corpus + per image)", 5000, () => bleu(caps), JSON.stringify(caps)],
    ["CIDEr-D (idf from the corpus)", 5000, () => ciderD(caps), JSON.stringify(caps)],
    ["CIDEr-D (cached idf, per caption)", 5000, () => ids.map((id) => scorer.score(caps.candidates[id]!, caps.references[id]!)), JSON.stringify(caps)],
    ["COCO AP suite (12 stats)", 500, () => cocoDetectionEval(det.groundTruth, det.detections), JSON.stringify(det)],
    ["panoptic quality, 64x64", 200, () => panopticQuality(categories, pan), panJson],
    ["colorfulness, 32x32", 500, () => colour.map((rgb) => colorfulness(rgb, 32, 32)), colourJson],
  ];

  // The reward path of a training step: default spec, 4 samples per input, targets from scenes.
  const ctx = shapeWorldRewardContext();
  for (const task of ["captioning", "detection", "panoptic", "colorization"] as const) {
    const inputs = Array.from({ length: 64 }, (_, i) => sceneAt("val", i));
    const targets = Object.fromEntries(inputs.map((s) => [String(s.seed), shapeWorldTarget(task, s)]));
    const samples = inputs.flatMap((s) => Array.from({ length: 4 }, (_, k) => ({ inputId: String(s.seed), output: perfectOutput(task, s, k) })));
    rows.push([`evaluate(default ${task} spec)`, samples.length, () => evaluate(DEFAULT_REWARD_SPECS[task], samples as RewardSample[], targets, ctx), JSON.stringify(samples)]);
  }

  const widths = [36, 8, 11, 13, 12];
  console.log(row(["metrics", "items", "ms", "items/s", "x JSON.parse"], widths));
  for (const [name, items, fn, json] of rows) {
    const t = time(fn);
    const ref = time(() => JSON.parse(json));
    console.log(row([name, items, t.ms.toFixed(1), Math.round((items * 1000) / t.ms).toLocaleString("en-US"), (t.ms / ref.ms).toFixed(2)], widths));
  }
}

/** A sample output per task derived from the scene (varied by k), to exercise the reward path. */
function perfectOutput(task: string, s: ReturnType<typeof sceneAt>, k: number): unknown {
  if (task === "captioning") return { text: s.captions[k % s.captions.length] };
  if (task === "detection") return { boxes: s.objects.slice(0, s.objects.length - (k % 2)).map((o) => ({ box: o.bbox, categoryId: o.categoryId })) };
  if (task === "panoptic") return { segmentIds: s.panoptic.segmentIds, segments: s.panoptic.segments.map((g) => ({ id: g.id, category_id: g.category_id })) };
  return { rgb: k === 0 ? s.rgb : Uint8Array.from(s.rgb, (v) => Math.min(255, v + k * 10)) };
}
