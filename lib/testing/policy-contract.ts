/**
 * The checks every task's policy must pass, as measurements the task tests assert on: tensor
 * leaks of an MLE and a REINFORCE step, batched vs per-row log-probabilities, and a checkpoint
 * round trip through files. One implementation, so the four task suites stay in step.
 */
import * as tf from "@tensorflow/tfjs-core";
import path from "node:path";
import type { Scene } from "@/lib/data";
import { compileRewardSpec, DEFAULT_REWARD_SPECS, RewardContext, type TaskId } from "@/lib/rewards";
import { createRandom, type Policy } from "@/lib/tasks";
import { fromArtifacts, toArtifacts, type CheckpointManifest } from "@/lib/training/checkpoint";
import { mleStep, trainMle } from "@/lib/training/mle";
import { loadCheckpointDir, saveCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { reinforceStep, type ReinforceSetup } from "@/lib/training/reinforce";
import { MleSettingsSchema, ReinforceSettingsSchema } from "@/lib/training/settings";

/** Runs a warm-up MLE step (optimizer slots appear on the first), then `steps` more. */
export async function measureMleSteps(policy: Policy, scenes: Scene[], steps: number, lr = 3e-3) {
  const opt = tf.train.adam(lr);
  try {
    await mleStep(policy, opt, scenes, 1);
    const before = tf.memory().numTensors;
    const first = await mleStep(policy, opt, scenes, 2);
    const leaked = tf.memory().numTensors - before;
    let last = first;
    for (let i = 0; i < steps; i++) last = await mleStep(policy, opt, scenes, 3 + i);
    return { first, last, leaked };
  } finally {
    opt.dispose();
  }
}

/**
 * The small REINFORCE setup the task suites step: the task's default reward spec, 2 inputs x 3
 * samples at lr 1e-3 unless `settings` says otherwise.
 */
export function smokeReinforceSetup(policy: Policy, reference: Policy, opts: { ctx?: RewardContext; settings?: Record<string, unknown> } = {}): ReinforceSetup {
  return {
    policy, reference, spec: compileRewardSpec(DEFAULT_REWARD_SPECS[policy.task]), ctx: opts.ctx ?? new RewardContext(), optimizer: tf.train.adam(1e-3),
    settings: ReinforceSettingsSchema.parse({ task: policy.task, steps: 1, batchSize: 2, lr: 1e-3, samples: 3, ...opts.settings }),
  };
}

/** Two REINFORCE steps; `leaked` counts tensors the second one left behind. */
export async function measureReinforceSteps(setup: ReinforceSetup, scenes: Scene[]) {
  const first = await reinforceStep(setup, scenes, 1);
  const before = tf.memory().numTensors;
  const second = await reinforceStep(setup, scenes, 2);
  return { first, second, leaked: tf.memory().numTensors - before };
}

/** log p of n samples per scene scored as one batch, and each row scored alone. */
export async function batchedAndSingleLogp<A extends unknown[]>(policy: Policy<TaskId, A>, scenes: Scene[], n: number, seed: number) {
  const { actions } = await policy.sample(scenes, { n, temperature: 1, rand: createRandom(seed) });
  const read = async (t: tf.Tensor) => {
    const v = Array.from(await t.data());
    t.dispose();
    return v;
  };
  const batched = await read(tf.tidy(() => policy.score(scenes, actions, { n, temperature: 1 }).logp));
  const singles: number[] = [];
  for (let i = 0; i < actions.length; i++) {
    singles.push(...(await read(tf.tidy(() => policy.score([scenes[Math.floor(i / n)] as Scene], [actions[i]] as A, { n: 1, temperature: 1 }).logp))));
  }
  return { actions, batched, singles };
}

/**
 * Trains `policy` two MLE steps, saves it (with optimizer state) to `dir`, loads it back.
 * The caller disposes `loaded` (and `policy`).
 */
export async function checkpointRoundTrip(policy: Policy, dir: string) {
  const opt = tf.train.adam(1e-3);
  const settings = MleSettingsSchema.parse({ task: policy.task, size: "smoke", steps: 2, batchSize: 2, lr: 1e-3 });
  await trainMle(policy, opt, settings);
  const manifest: CheckpointManifest = {
    format: "reward-studio-checkpoint/1", task: policy.task, architecture: policy.architecture, params: policy.params.count(),
    parent: null, run: { kind: "mle", step: 2, seed: 0, settings }, rewardSpec: null, evalMetrics: null, createdAt: new Date(0).toISOString(),
  };
  saveCheckpointDir(dir, await toArtifacts(policy, manifest, opt));
  const opt2 = tf.train.adam(1e-3);
  const { policy: loaded, manifest: loadedManifest } = await fromArtifacts(await loadCheckpointDir(path.resolve(dir)), opt2);
  const optimizerWeights = [(await opt.getWeights()).length, (await opt2.getWeights()).length] as const;
  opt.dispose();
  opt2.dispose();
  return { manifest, loaded, loadedManifest, optimizerWeights };
}
