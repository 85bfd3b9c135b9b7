/**
 * Panoptic segmentation: ViT encoder over RGB patches, per-location logits for the 11 classes and
 * S instance slots, decoded as mask classification (see ./encoding.ts): each location draws a
 * region — a stuff class, or a thing slot — and each slot draws one thing class for its whole
 * mask. Distributions, from per-location logits c (classes) and q (slots):
 *   p(region = stuff k) = softmax(c)[k],  p(region = slot s) = P(thing) softmax(q)[s];
 *   slot class logits z_s = sum_l w_ls log softmax(c_l over things), w_ls = p_l(slot s) / sum_l p_l(slot s)
 *   (mask pooling: an object's pixels vote together). Hence, over locations l and used slots s,
 *   log p(y | x) = sum_l log p(region_l) + sum_{s used} log p(class_s),
 *   entropy = sum_l H(region_l) + sum_{s used} H(class_s).
 * At temperature t each categorical (region, slot class) is p^(1/t) renormalised, softmax(log p / t)
 * (pooling weights stay at t = 1): the policy REINFORCE tunes at t, with the same argmax at every
 * t, which is greedy decoding.
 * MLE: cross-entropy of each location's region with objects matched to slots by the best
 * permutation (Hungarian matching, as DETR and MaskFormer train), plus each object's class from
 * logits pooled over its true mask.
 */
import * as tf from "@tensorflow/tfjs-core";
import { generateScene, type Scene } from "@/lib/data";
import type { PanopticOutput } from "@/lib/rewards";
import { rgbBatch, repeatRows } from "../images";
import { ParamStore } from "../nn/params";
import { drawIndex, type Random } from "../nn/random";
import type { Policy, SampleOptions } from "../types";
import { encodeScene, NO_CLASS, NUM_CLASSES, NUM_STUFF, NUM_THINGS, toPanopticOutput, usedSlots, type PanopticAction } from "./encoding";
import { panopticLogits, PANOPTIC_SIZES, type PanopticConfig } from "./model";

export { PANOPTIC_SIZES, panopticLogits, type PanopticConfig } from "./model";
export { canonicalSlots, encodeScene, toPanopticOutput, usedSlots, NO_CLASS, NUM_CLASSES, NUM_STUFF, NUM_THINGS, type PanopticAction } from "./encoding";

/** What the policy chose: per sample, the region of every location and the class of every slot. */
export type PanopticActions = PanopticAction[];

/** Log-probabilities of regions [R, L, NUM_STUFF + S] and of slot classes [R, S, NUM_THINGS]. */
export function panopticDistributions(logits: tf.Tensor3D, slots: number, t = 1, masks?: tf.Tensor3D): { region: tf.Tensor3D; slotClass: tf.Tensor3D } {
  return tf.tidy(() => {
    const [r, l] = logits.shape;
    const c = tf.slice(logits, [0, 0, 0], [r, l, NUM_CLASSES]);
    const q = tf.slice(logits, [0, 0, NUM_CLASSES], [r, l, slots]);
    const lpc = tf.logSoftmax(c);
    const logThing = tf.logSumExp(tf.slice(lpc, [0, 0, 0], [r, l, NUM_THINGS]), -1, true);
    const region1 = tf.concat([tf.slice(lpc, [0, 0, NUM_THINGS], [r, l, NUM_STUFF]), tf.add(logThing, tf.logSoftmax(q))], -1) as tf.Tensor3D;
    const region = t === 1 ? region1 : (tf.logSoftmax(tf.div(region1, t)) as tf.Tensor3D);
    // Pooling weights: the given masks (MLE: the true ones), else p(slot s at l) at t = 1.
    const weights = masks ?? tf.exp(tf.slice(region1, [0, 0, NUM_STUFF], [r, l, slots]));
    const w = tf.div(weights, tf.add(tf.sum(weights, 1, true), 1e-6));
    const pooled = tf.matMul(tf.transpose(w, [0, 2, 1]), tf.logSoftmax(tf.slice(c, [0, 0, 0], [r, l, NUM_THINGS]))); // [R, S, T]
    return { region, slotClass: tf.logSoftmax(t === 1 ? pooled : tf.div(pooled, t)) as tf.Tensor3D };
  });
}

/** One-hot actions built in JS: regions [R, L, NUM_STUFF + S], used slots' classes [R, S, NUM_THINGS]. */
function oneHots(actions: readonly PanopticAction[], slots: number): { region: tf.Tensor3D; cls: tf.Tensor3D } {
  const l = actions[0]?.regions.length ?? 0;
  const k = NUM_STUFF + slots;
  const region = new Float32Array(actions.length * l * k);
  const cls = new Float32Array(actions.length * slots * NUM_THINGS);
  actions.forEach((a, r) => {
    for (let p = 0; p < l; p++) region[(r * l + p) * k + (a.regions[p] as number)] = 1;
    usedSlots(a.regions, slots).forEach((used, s) => {
      if (used) cls[(r * slots + s) * NUM_THINGS + (a.slotClasses[s] as number)] = 1;
    });
  });
  return { region: tf.tensor3d(region, [actions.length, l, k]), cls: tf.tensor3d(cls, [actions.length, slots, NUM_THINGS]) };
}

/** [S * S, S!]: column k has a 1 at (g, pi_k(g)) for each of the S! permutations pi_k. */
function permutationMatrix(s: number): tf.Tensor2D {
  if (s > 6) throw new RangeError(`slot matching is exhaustive: ${s} slots would be ${s}! permutations`);
  const perms: number[][] = [];
  const grow = (prefix: number[]) => {
    if (prefix.length === s) perms.push(prefix);
    else for (let v = 0; v < s; v++) if (!prefix.includes(v)) grow([...prefix, v]);
  };
  grow([]);
  const m = new Float32Array(s * s * perms.length);
  perms.forEach((p, k) => p.forEach((to, g) => { m[(g * s + to) * perms.length + k] = 1; }));
  return tf.tensor2d(m, [s * s, perms.length]);
}

/** Creates a panoptic policy with seeded initial weights. */
export function createPanopticPolicy(config: PanopticConfig = PANOPTIC_SIZES.default, seed = 0): Policy<"panoptic", PanopticActions> {
  const params = new ParamStore(seed);
  const { slots } = config;
  const logitsOf = (scenes: readonly Scene[]) => panopticLogits(params, config, rgbBatch(scenes));

  /** Summed log p of `actions` and entropy per row, [R] each, from logits [R, L, C] at t. */
  function scoreLogits(logits: tf.Tensor3D, actions: readonly PanopticAction[], t: number): { logp: tf.Tensor1D; entropy: tf.Tensor1D } {
    const { region, slotClass } = panopticDistributions(logits, slots, t);
    const hot = oneHots(actions, slots);
    const used = tf.sum(hot.cls, -1); // [R, S]: 1 for used slots
    const logp = tf.add(tf.sum(tf.mul(region, hot.region), [1, 2]), tf.sum(tf.mul(slotClass, hot.cls), [1, 2]));
    const hRegion = tf.neg(tf.sum(tf.mul(tf.exp(region), region), [1, 2]));
    const hClass = tf.neg(tf.sum(tf.mul(tf.sum(tf.mul(tf.exp(slotClass), slotClass), -1), used), -1));
    return { logp: logp as tf.Tensor1D, entropy: tf.add(hRegion, hClass) as tf.Tensor1D };
  }

  /** Draws `n` actions per scene (or the argmax when `greedy`) from probabilities read back. */
  async function draw(scenes: readonly Scene[], n: number, temperature: number, rand: Random, greedy: boolean): Promise<PanopticAction[]> {
    const probs = tf.tidy(() => {
      const d = panopticDistributions(logitsOf(scenes), slots, greedy ? 1 : temperature);
      return [tf.exp(d.region), tf.exp(d.slotClass)];
    });
    try {
      const [pr, pc] = (await Promise.all(probs.map((x) => x.data()))) as [Float32Array, Float32Array];
      const l = scenes[0] ? scenes[0].width * scenes[0].height : 0;
      const k = NUM_STUFF + slots;
      const out: PanopticAction[] = [];
      for (let b = 0; b < scenes.length; b++) {
        for (let j = 0; j < n; j++) {
          const a: PanopticAction = { regions: new Uint8Array(l), slotClasses: new Uint8Array(slots) };
          for (let p = 0; p < l; p++) a.regions[p] = drawIndex(pr, (b * l + p) * k, k, rand, greedy);
          // Every slot draws (a fixed number of draws per sample); unused ones are then dropped.
          for (let s = 0; s < slots; s++) a.slotClasses[s] = drawIndex(pc, (b * slots + s) * NUM_THINGS, NUM_THINGS, rand, greedy);
          usedSlots(a.regions, slots).forEach((used, s) => {
            if (!used) a.slotClasses[s] = NO_CLASS;
          });
          out.push(a);
        }
      }
      return out;
    } finally {
      for (const x of probs) x.dispose();
    }
  }

  const convert = (a: PanopticAction): PanopticOutput => toPanopticOutput(a, slots);

  const policy: Policy<"panoptic", PanopticActions> = {
    task: "panoptic",
    architecture: { task: "panoptic", kind: "vit-mask-classification", config: config as unknown as Record<string, unknown> },
    params,
    mleLoss(scenes) {
      // Cross-entropy of every location's region (mean over locations), with the image's objects
      // matched to slots by the assignment the model already likes best (exhaustive over the S!
      // permutations, DETR/MaskFormer's Hungarian matching): the model keeps its own slot order
      // instead of having to learn a global ranking. Plus every object's class from logits pooled
      // over its true mask (mean over objects), which does not depend on the matching.
      const targets = scenes.map((s) => encodeScene(s, slots));
      return tf.tidy(() => {
        const hot = oneHots(targets, slots);
        const [b, l] = [targets.length, hot.region.shape[1]];
        const objects = tf.slice(hot.region, [0, 0, NUM_STUFF], [b, l, slots]); // [B, L, S] true masks
        const { region, slotClass } = panopticDistributions(logitsOf(scenes), slots, 1, objects);
        const stuff = tf.sum(tf.mul(tf.slice(region, [0, 0, 0], [b, l, NUM_STUFF]), tf.slice(hot.region, [0, 0, 0], [b, l, NUM_STUFF])));
        // cost[b, g, s] = sum over object g's pixels of log p(slot s); best permutation per image.
        const cost = tf.matMul(tf.transpose(objects, [0, 2, 1]), tf.slice(region, [0, 0, NUM_STUFF], [b, l, slots]));
        const matched = tf.sum(tf.max(tf.matMul(tf.reshape(cost, [b, slots * slots]), permutationMatrix(slots)), 1));
        const objectCount = Math.max(1, targets.reduce((a, t) => a + usedSlots(t.regions, slots).filter(Boolean).length, 0));
        return tf.neg(tf.add(
          tf.div(tf.add(stuff, matched), b * l),
          tf.div(tf.sum(tf.mul(slotClass, hot.cls)), objectCount),
        )) as tf.Scalar;
      });
    },
    async sample(scenes, opts: SampleOptions) {
      const actions = await draw(scenes, opts.n, opts.temperature, opts.rand, opts.greedy ?? false);
      return { actions, outputs: actions.map(convert) };
    },
    async greedy(scenes) {
      return (await draw(scenes, 1, 1, () => 0, true)).map(convert);
    },
    score(scenes, actions, { n, temperature }) {
      return tf.tidy(() => scoreLogits(repeatRows(logitsOf(scenes), n), actions, temperature));
    },
    outputSize: (o) => o.segments.length,
    dispose: () => params.dispose(),
  };
  // Variables are created on first use: run one forward pass so they all exist from the start.
  policy.mleLoss([generateScene(0, { size: config.vit.imageSize })], () => 0).dispose();
  return policy;
}
