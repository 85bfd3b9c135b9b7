/**
 * The samples a run shows at each evaluation: the greedy outputs on the first few held-out
 * scenes (the same scenes every time, so a person can watch one image's output change over the
 * run), each scored by the run's reward, term by term. Outputs as plain JSON (plainOutput).
 */
import * as tf from "@tensorflow/tfjs-core";
import { evaluate, plainOutput, shapeWorldTarget, type CompiledRewardSpec, type RewardContext } from "@/lib/rewards";
import { createRandom, type Policy } from "@/lib/tasks";
import { imageSizeOf } from "./evaluate";
import { heldOutScenes } from "./scenes";

/** How many held-out (val) scenes a run's sample panel shows: val scenes 0..EVAL_SAMPLE_SCENES-1. */
export const EVAL_SAMPLE_SCENES = 4;

export interface EvalSample {
  /** The scene's seed (generateScene(sceneSeed, { size }) draws it again), as every Sample row names scenes. */
  sceneSeed: number;
  output: unknown;
  /** Each term's raw value and the composite (with the spec's KL folded in), null where not finite. */
  rewards: Record<string, number | null>;
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

/** Greedy outputs of `policy` on val scenes 0..count-1, scored by `spec` (KL to `reference` at `temperature`). */
export async function evalSamples(opts: { policy: Policy; reference: Policy; spec: CompiledRewardSpec; ctx: RewardContext; temperature: number; count?: number }): Promise<EvalSample[]> {
  const { policy, reference, spec, ctx, temperature } = opts;
  const scenes = heldOutScenes("val", opts.count ?? EVAL_SAMPLE_SCENES, imageSizeOf(policy));
  const drawn = await policy.sample(scenes, { n: 1, temperature, rand: createRandom(0), greedy: true });
  const score = { n: 1, temperature };
  const own = tf.tidy(() => policy.score(scenes, drawn.actions, score));
  const logp = await read(own.logp);
  const entropy = await read(own.entropy);
  const refLogp = await read(tf.tidy(() => reference.score(scenes, drawn.actions, score).logp));
  const mle = spec.needsMleOutput ? await reference.greedy(scenes) : undefined;
  const rows = drawn.outputs.map((output, i) => ({ inputId: String(i), output, mle: mle?.[i], kl: (logp[i] as number) - (refLogp[i] as number), entropy: entropy[i] }));
  const targets = Object.fromEntries(scenes.map((s, i) => [String(i), shapeWorldTarget(policy.task, s)]));
  const scored = evaluate(spec, rows as never, targets, ctx).samples;
  const num = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
  return drawn.outputs.map((output, i) => ({
    sceneSeed: scenes[i]!.seed,
    output: plainOutput(output as never),
    rewards: { ...Object.fromEntries(Object.entries(scored[i]?.values ?? {}).map(([k, v]) => [k, num(v)])), composite: num(scored[i]?.composite) },
  }));
}
