import { describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { RewardContext } from "./context";
import { evaluate } from "./evaluate";
import { REWARD_TERMS, REWARD_TERM_IDS, rewardTerm, specNeedsMleOutput, termsForTask } from "./registry";
import { shapeWorldTarget } from "./shapeworld";
import { TASK_IDS, type OutputOf, type TaskId } from "./task-types";
import type { RewardSample } from "./types";

/** A learned human-preference model of `task` on its first own term (what a campaign's fit gives). */
const learned = (task: TaskId) => ({ campaign: "c1", task, features: [{ term: termsForTask(task).find((id) => REWARD_TERMS[id].task === task)!, mean: 0.5, scale: 2, weight: 3 }] });

// A scene with objects, used as its own "perfect" prediction.
const scene = [...Array(50).keys()].map((i) => sceneAt("val", i)).find((s) => s.objects.length >= 2)!;

describe("reward term catalogue", () => {
  it("every term has metadata, a valid range and strict params with defaults", () => {
    for (const [id, t] of Object.entries(REWARD_TERMS)) {
      expect(t.label, id).not.toBe("");
      expect(t.description.length, id).toBeGreaterThan(20);
      expect(t.range[0], id).toBeLessThanOrEqual(t.range[1]);
      // A learned term has no defaults: it is added with a fitted model as its params.
      if ((t as { needsParams?: boolean }).needsParams) expect(() => t.params.parse({}), id).toThrow();
      else expect(() => t.params.parse({}), id).not.toThrow();
      expect(t.params.safeParse({ surely_not_a_param: 1 }).success, id).toBe(false);
    }
    for (const task of TASK_IDS) expect(termsForTask(task)).toEqual(expect.arrayContaining(["kl", "entropy"]));
  });

  it("detection: the ground truth itself gets the full paper reward, AP 1, no count error, no drift", () => {
    // Default class weights are uniform (1 each), and the paper's reward is not divided by the
    // number of ground-truth boxes: a perfect output scores the number of boxes.
    const target = shapeWorldTarget("detection", scene);
    const output = { boxes: target.boxes.map((b) => ({ box: b.box, categoryId: b.categoryId })) };
    const r = evaluate(
      { task: "detection", terms: ["detection_reward", "coco_ap", "box_count_error", "box_drift"].map((term) => ({ term, weight: 1 })) },
      [{ inputId: "s", output, mle: output }, { inputId: "s", output: { boxes: [] }, mle: output }],
      { s: target },
    );
    // pycocotools divides by (tp + fp + np.spacing(1)): a perfect AP is 1 - 1e-16, not 1.
    expect(r.samples[0]!.values).toEqual({ detection_reward: expect.closeTo(target.boxes.length, 12), coco_ap: expect.closeTo(1, 12), box_count_error: 0, box_drift: 0 });
    expect(r.samples[1]!.values).toEqual({ detection_reward: 0, coco_ap: 0, box_count_error: target.boxes.length, box_drift: 1 });
  });

  it("panoptic: the ground-truth map gets PQ 1; relabelling one thing costs PQ and shows as drift", () => {
    const target = shapeWorldTarget("panoptic", scene);
    const perfect = { segmentIds: target.segmentIds, segments: target.segments };
    const thing = target.segments.find((s) => s.category_id <= 6)!;
    const wrong = { segmentIds: target.segmentIds, segments: target.segments.map((s) => (s.id === thing.id ? { ...s, category_id: (s.category_id % 6) + 1 } : s)) };
    const r = evaluate(
      { task: "panoptic", terms: [{ term: "pq", weight: 1 }, { term: "segment_count_error", weight: 0 }, { term: "segment_drift", weight: 0 }] },
      [{ inputId: "s", output: perfect, mle: perfect }, { inputId: "s", output: wrong, mle: perfect }],
      { s: target },
    );
    expect(r.samples[0]!.values).toEqual({ pq: 1, segment_count_error: 0, segment_drift: 0 });
    expect(r.samples[1]!.values.pq).toBeLessThan(1);
    const area = target.segments.length && Array.from(target.segmentIds).filter((id) => id === thing.id).length;
    expect(r.samples[1]!.values.segment_drift).toBeCloseTo(area / target.segmentIds.length, 12);
  });

  it("colorization: the true colours have fidelity 1; grey has colourfulness 0", () => {
    const target = shapeWorldTarget("colorization", scene);
    const grey = { rgb: Array.from(scene.gray).flatMap((g) => [g, g, g]) };
    const r = evaluate(
      { task: "colorization", terms: [{ term: "colorfulness", weight: 1 }, { term: "chroma_fidelity", weight: 1 }, { term: "chroma_drift", weight: 0 }] },
      [{ inputId: "s", output: { rgb: target.rgb }, mle: grey }, { inputId: "s", output: grey, mle: grey }],
      { s: target },
    );
    expect(r.samples[0]!.values.chroma_fidelity).toBe(1);
    expect(r.samples[0]!.values.colorfulness).toBeGreaterThan(10);
    expect(r.samples[0]!.values.chroma_drift).toBeGreaterThan(0);
    expect(r.samples[1]!.values).toEqual({ colorfulness: 0, chroma_fidelity: expect.any(Number), chroma_drift: 0 });
    expect(r.samples[1]!.values.chroma_fidelity).toBeLessThan(1);
  });

  it("captioning: a reference caption beats a vague one on CIDEr-D and BLEU", () => {
    const target = shapeWorldTarget("captioning", scene);
    const r = evaluate(
      { task: "captioning", terms: [{ term: "cider_d", weight: 1 }, { term: "bleu", weight: 0 }] },
      [{ inputId: "s", output: { text: scene.captions[0]! } }, { inputId: "s", output: { text: "a picture" } }],
      { s: target },
      // idf from a corpus of many images: with one image every n-gram has df = N and idf 0.
      new RewardContext({ captionReferences: [...Array(100).keys()].map((i) => sceneAt("val", i).captions) }),
    );
    expect(r.samples[0]!.values.cider_d).toBeGreaterThan(r.samples[1]!.values.cider_d!);
    expect(r.samples[0]!.values.bleu).toBeGreaterThan(r.samples[1]!.values.bleu!);
  });

  it("captioning: the grounded terms read the caption against the scene's own objects", () => {
    // Two red crosses and a blue square, on the grass (the target as shapeWorldTarget makes it).
    const target = {
      references: ["two red crosses and a blue square on the grass"],
      objects: [{ className: "cross", colorName: "red", stuff: "grass" }, { className: "cross", colorName: "red", stuff: "grass" }, { className: "square", colorName: "blue", stuff: "grass" }],
    } as const;
    const spec = { task: "captioning" as const, terms: [{ term: "object_recall", weight: 1 }, { term: "object_hallucination", weight: -1 }, { term: "count_accuracy", weight: 1 }] };
    const r = evaluate(spec, [
      { inputId: "s", output: { text: "two red crosses and a blue square on the grass" } },
      { inputId: "s", output: { text: "three red crosses and a green ring" } },
      { inputId: "s", output: { text: "three shapes on the grass" } },
    ], { s: target }, new RewardContext());
    expect(r.samples.map((s) => s.values)).toEqual([
      { object_recall: 1, object_hallucination: 0, count_accuracy: 1 },
      { object_recall: 2 / 3, object_hallucination: 2 / 4, count_accuracy: 0 },
      { object_recall: 0, object_hallucination: 0, count_accuracy: 1 },
    ]);
    const own = shapeWorldTarget("captioning", scene);
    expect(own.objects).toHaveLength(scene.objects.length);
    expect(evaluate(spec, [{ inputId: "s", output: { text: scene.captions[0]! } }], { s: own }, new RewardContext()).samples[0]!.values.object_recall).toBe(1);
    // A target without objects (references from elsewhere) is refused by name.
    expect(() => evaluate(spec, [{ inputId: "s", output: { text: "a red cross" } }], { s: { references: ["a red cross"] } }, new RewardContext())).toThrow(/object_recall needs the scene's objects/);
  });

  it("a term that reads the MLE model's output says so in its definition (needs.mleOutput), and only those", () => {
    // Each task's ground truth as its own output; no sample.mle. A term declaring the need must
    // refuse by name; every other term must score without it.
    const truth: { [T in TaskId]: OutputOf<T> } = {
      captioning: { text: scene.captions[0]! },
      detection: { boxes: shapeWorldTarget("detection", scene).boxes.map((b) => ({ box: b.box, categoryId: b.categoryId })) },
      panoptic: { segmentIds: shapeWorldTarget("panoptic", scene).segmentIds, segments: shapeWorldTarget("panoptic", scene).segments },
      colorization: { rgb: shapeWorldTarget("colorization", scene).rgb },
    };
    const ctx = new RewardContext({ captionReferences: [scene.captions] });
    const declared: string[] = [];
    for (const id of REWARD_TERM_IDS) {
      const def = rewardTerm(id)!;
      const task: TaskId = def.task === "any" ? "captioning" : def.task;
      const sample: RewardSample = { inputId: "s", output: truth[task], kl: 0, entropy: 0 };
      const params = def.needsParams ? def.params.parse(learned(task)) : def.params.parse({});
      const score = () => def.score(sample as never, shapeWorldTarget(task, scene) as never, params, ctx);
      if (def.needs?.mleOutput) {
        declared.push(id);
        expect(score, id).toThrow(/needs the MLE model's output/);
      } else expect(score, id).not.toThrow();
    }
    expect(declared).toEqual(["caption_drift", "box_drift", "segment_drift", "chroma_drift"]);
    expect(specNeedsMleOutput({ terms: [{ term: "cider_d" }, { term: "kl" }] })).toBe(false);
    expect(specNeedsMleOutput({ terms: [{ term: "cider_d" }, { term: "caption_drift" }] })).toBe(true);
  });

  it("human_preference scores the fitted model: Σ weight · (term − mean) / scale, checked against its task", () => {
    const target = shapeWorldTarget("captioning", scene);
    const ctx = new RewardContext({ captionReferences: [...Array(100).keys()].map((i) => sceneAt("val", i).captions) });
    const params = { campaign: "c1", task: "captioning", features: [
      { term: "cider_d", mean: 1, scale: 0.5, weight: 2 },
      { term: "caption_length", params: { min: 6 }, mean: 0, scale: 1, weight: -1 },
    ] };
    const spec = { task: "captioning" as const, terms: [{ term: "human_preference", weight: 1, params }, { term: "cider_d", weight: 0 }, { term: "caption_length", weight: 0, params: { min: 6 } }] };
    const samples = [{ inputId: "s", output: { text: scene.captions[0]! } }, { inputId: "s", output: { text: "a picture" } }];
    const r = evaluate(spec, samples, { s: target }, ctx);
    for (const s of r.samples) {
      expect(s.values.human_preference).toBeCloseTo(2 * ((s.values.cider_d! - 1) / 0.5) - s.values.caption_length!, 12);
    }
    expect(() => evaluate({ ...spec, task: "detection" as const, terms: [spec.terms[0]!] }, [], {}, ctx)).toThrow(/learned for captioning; this spec is for detection/);
    expect(() => evaluate({ task: "captioning", terms: [{ term: "human_preference", weight: 1, params: { ...params, features: [{ term: "pq", mean: 0, scale: 1, weight: 1 }] } }] }, samples, { s: target }, ctx)).toThrow(/not a captioning term/);
  });
});
