/**
 * Panoptic segmentation: ViT encoder over RGB patches, per-location categorical outputs for the
 * semantic class and an instance slot (UViM-like), turned into a panoptic map; reward PQ.
 *
 * Each location is an independent draw: class c ~ p(c); if c is a thing, slot s ~ q(s), else
 * no slot (stuff has no instances, so a slot there would change nothing the reward sees and
 * only add variance to REINFORCE). Hence, over locations l,
 *   log p(y | x) = sum_l log p(c_l) + sum_{l: c_l thing} log q(s_l),
 *   entropy     = sum_l H(p_l) + P_l(thing) H(q_l)   (the exact entropy of that two-stage draw).
 * `score` at temperature t rates the tempered distribution softmax(logits / t) that `sample` draws
 * from at t (the policy REINFORCE tunes); greedy decoding is the same argmax at every t.
 */
import * as tf from "@tensorflow/tfjs-core";
import { generateScene, type Scene } from "@/lib/data";
import type { PanopticOutput } from "@/lib/rewards";
import { rgbBatch, repeatRows } from "../images";
import { ParamStore } from "../nn/params";
import { drawIndex, type Random } from "../nn/random";
import type { Policy, SampleOptions } from "../types";
import { encodeScene, isThingClass, NUM_CLASSES, THING_MASK, toPanopticOutput, type LocationLabels } from "./encoding";
import { panopticLogits, PANOPTIC_SIZES, type PanopticConfig } from "./model";

export { PANOPTIC_SIZES, panopticLogits, type PanopticConfig } from "./model";
export { canonicalSlots, encodeScene, toPanopticOutput, NUM_CLASSES, type LocationLabels } from "./encoding";

/** What the policy chose: per sample, the class and slot of every location. */
export type PanopticActions = LocationLabels[];

/** One-hot rows [R, L, NUM_CLASSES] and [R, L, slots] (all zero at stuff locations), built in JS. */
function oneHots(labels: readonly LocationLabels[], slots: number): { cls: tf.Tensor3D; slot: tf.Tensor3D } {
  const l = labels[0]?.classes.length ?? 0;
  const cls = new Float32Array(labels.length * l * NUM_CLASSES);
  const slot = new Float32Array(labels.length * l * slots);
  labels.forEach((lab, r) => {
    for (let p = 0; p < l; p++) {
      const k = lab.classes[p] as number;
      cls[(r * l + p) * NUM_CLASSES + k] = 1;
      if (isThingClass(k)) slot[(r * l + p) * slots + (lab.slots[p] as number) - 1] = 1;
    }
  });
  return { cls: tf.tensor3d(cls, [labels.length, l, NUM_CLASSES]), slot: tf.tensor3d(slot, [labels.length, l, slots]) };
}

/** Creates a panoptic policy with seeded initial weights. */
export function createPanopticPolicy(config: PanopticConfig = PANOPTIC_SIZES.default, seed = 0): Policy<"panoptic", PanopticActions> {
  const params = new ParamStore(seed);
  const { slots } = config;
  const split = (logits: tf.Tensor3D) => {
    const [r, l] = logits.shape;
    return { cls: tf.slice(logits, [0, 0, 0], [r, l, NUM_CLASSES]), slot: tf.slice(logits, [0, 0, NUM_CLASSES], [r, l, slots]) };
  };
  const logitsOf = (scenes: readonly Scene[]) => panopticLogits(params, config, rgbBatch(scenes));

  /** Summed log p of `labels` and entropy per row, [R] each, from logits [R, L, C]. */
  function scoreLogits(logits: tf.Tensor3D, labels: readonly LocationLabels[]): { logp: tf.Tensor1D; entropy: tf.Tensor1D } {
    const { cls, slot } = split(logits);
    const lpc = tf.logSoftmax(cls);
    const lps = tf.logSoftmax(slot);
    const hot = oneHots(labels, slots);
    const logp = tf.add(tf.sum(tf.mul(lpc, hot.cls), [1, 2]), tf.sum(tf.mul(lps, hot.slot), [1, 2]));
    const pc = tf.exp(lpc);
    const hc = tf.neg(tf.sum(tf.mul(pc, lpc), -1));
    const hs = tf.neg(tf.sum(tf.mul(tf.exp(lps), lps), -1));
    const pThing = tf.sum(tf.mul(pc, tf.tensor1d(THING_MASK as number[])), -1);
    return { logp: logp as tf.Tensor1D, entropy: tf.sum(tf.add(hc, tf.mul(pThing, hs)), -1) as tf.Tensor1D };
  }

  /** Draws `n` label maps per scene (or the argmax map when `greedy`) from probabilities read back. */
  async function draw(scenes: readonly Scene[], n: number, temperature: number, rand: Random, greedy: boolean): Promise<LocationLabels[]> {
    const probs = tf.tidy(() => {
      const { cls, slot } = split(logitsOf(scenes));
      const t = greedy ? 1 : temperature;
      return [tf.softmax(tf.div(cls, t)), tf.softmax(tf.div(slot, t))];
    });
    try {
      const [pc, ps] = (await Promise.all(probs.map((x) => x.data()))) as [Float32Array, Float32Array];
      const l = scenes[0] ? scenes[0].width * scenes[0].height : 0;
      const out: LocationLabels[] = [];
      for (let b = 0; b < scenes.length; b++) {
        for (let k = 0; k < n; k++) {
          const lab: LocationLabels = { classes: new Uint8Array(l), slots: new Uint8Array(l) };
          for (let p = 0; p < l; p++) {
            const cls = drawIndex(pc, (b * l + p) * NUM_CLASSES, NUM_CLASSES, rand, greedy);
            lab.classes[p] = cls;
            if (isThingClass(cls)) lab.slots[p] = 1 + drawIndex(ps, (b * l + p) * slots, slots, rand, greedy);
          }
          out.push(lab);
        }
      }
      return out;
    } finally {
      for (const x of probs) x.dispose();
    }
  }

  const convert = (lab: LocationLabels): PanopticOutput => toPanopticOutput(lab, slots);

  const policy: Policy<"panoptic", PanopticActions> = {
    task: "panoptic",
    architecture: { task: "panoptic", kind: "vit-per-location", config: config as unknown as Record<string, unknown> },
    params,
    mleLoss(scenes) {
      // Per-location cross-entropy of the class everywhere and of the slot at thing pixels,
      // summed per location and averaged over locations.
      const labels = scenes.map((s) => encodeScene(s, slots));
      return tf.tidy(() => {
        const { logp } = scoreLogits(logitsOf(scenes), labels);
        const locations = scenes.length * (labels[0]?.classes.length ?? 1);
        return tf.div(tf.neg(tf.sum(logp)), locations) as tf.Scalar;
      });
    },
    async sample(scenes, opts: SampleOptions) {
      const actions = await draw(scenes, opts.n, opts.temperature, opts.rand, opts.greedy ?? false);
      return { actions, outputs: actions.map(convert) };
    },
    async greedy(scenes) {
      return (await draw(scenes, 1, 1, () => 0, true)).map(convert);
    },
    score(scenes, actions, n, temperature = 1) {
      return tf.tidy(() => scoreLogits(tf.div(repeatRows(logitsOf(scenes), n), temperature), actions));
    },
    outputSize: (o) => o.segments.length,
    dispose: () => params.dispose(),
  };
  // Variables are created on first use: run one forward pass so they all exist from the start.
  tf.tidy(() => policy.mleLoss([generateScene(0, { size: config.vit.imageSize })], () => 0));
  return policy;
}
