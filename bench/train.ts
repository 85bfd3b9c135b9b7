/**
 * `npm run bench -- train`: ms per REINFORCE step (8 inputs x 4 samples: sampling, scoring under
 * the policy and the frozen MLE model, rewards, backward, Adam) and per MLE step (batch 32) for
 * every task on TF.js WASM in Node; and, for captioning, the same architecture and step shapes
 * in PyTorch on CPU (bench/torch_captioning.py, Debian python3-torch with OpenBLAS), measured
 * in the same run, with the ratio. Both run one thread (WASM has no threads in Node).
 */
import { spawnSync } from "node:child_process";
import * as tf from "@tensorflow/tfjs-core";
import { sceneAt } from "@/lib/data";
import { DEFAULT_REWARD_SPECS, parseRewardSpec, shapeWorldRewardContext, type TaskId } from "@/lib/rewards";
import { createRandom, TASKS } from "@/lib/tasks";
import { mleStep, reinforceStep, ReinforceSettingsSchema, selectBackend } from "@/lib/training";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";
import { encodeCaption } from "@/lib/tasks/captioning";
import { row } from "./timing";

async function timeAsync(fn: () => Promise<unknown>, reps = 3): Promise<number> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)] as number;
}

function torchCaptioning(batch: number, tokens: number, inputs: number, samples: number, decodeSteps: number): { mle_ms: number; rl_ms: number; torch: string } | string {
  const r = spawnSync("/usr/bin/python3", ["bench/torch_captioning.py", String(batch), String(tokens), String(inputs), String(samples), String(decodeSteps)], { encoding: "utf8" });
  if (r.status !== 0) return `PyTorch not available (${(r.stderr || r.error?.message || "").trim().split("\n").pop()}); install: apt-get install python3-torch libopenblas0-pthread`;
  return JSON.parse(r.stdout);
}

export async function benchTrain(): Promise<void> {
  const choice = await selectBackend("wasm", { wasmPaths: nodeWasmPaths() });
  const ctx = shapeWorldRewardContext();
  const widths = [14, 8, 14, 12, 14, 12];
  console.log(`TF.js ${tf.version_core} on ${choice.backend} (1 thread), default model sizes`);
  console.log(row(["task", "params", "RL ms/step", "RL smp/s", "MLE ms/step", "MLE smp/s"], widths));
  let captioning: { rl: number; mle: number; tokens: number; decode: number } | undefined;
  for (const [id, task] of Object.entries(TASKS)) {
    if (!task) continue;
    const policy = task.createPolicy("default", 0);
    const reference = task.createPolicy("default", 0);
    const settings = ReinforceSettingsSchema.parse({ task: id, steps: 1, batchSize: 8, samples: 4, lr: 1e-4 });
    const setup = { policy, reference, spec: parseRewardSpec(DEFAULT_REWARD_SPECS[id as TaskId]), ctx, optimizer: tf.train.adam(1e-4), settings };
    const rlScenes = Array.from({ length: 8 }, (_, i) => sceneAt("train", i));
    const mleScenes = Array.from({ length: 32 }, (_, i) => sceneAt("train", 100 + i));
    const rl = await timeAsync(() => reinforceStep(setup, rlScenes, 1));
    const mleOpt = tf.train.adam(1e-3);
    const mle = await timeAsync(() => mleStep(policy, mleOpt, mleScenes, 1));
    console.log(row([id, policy.params.count().toLocaleString("en-US"), rl.toFixed(0), ((32 * 1000) / rl).toFixed(1), mle.toFixed(0), ((32 * 1000) / mle).toFixed(1)], widths));
    if (id === "captioning") {
      const { actions } = await policy.sample(rlScenes, { n: 4, temperature: 1, rand: createRandom(1) });
      const decode = Math.max(...(actions as number[][]).map((a) => a.length)) - 1;
      const tokens = Math.max(...mleScenes.map((s) => Math.max(...s.captions.map((c) => encodeCaption(c).length))));
      captioning = { rl, mle, tokens, decode };
    }
    policy.dispose();
    reference.dispose();
  }
  if (!captioning) return;
  const torch = torchCaptioning(32, captioning.tokens, 8, 4, captioning.decode);
  console.log("");
  if (typeof torch === "string") {
    console.log(torch);
    return;
  }
  console.log(`captioning vs PyTorch ${torch.torch} on CPU (same architecture and shapes: MLE batch 32 x ${captioning.tokens} tokens; RL 8 x 4 samples, ${captioning.decode} decode steps)`);
  console.log(row(["step", "TF.js ms", "PyTorch ms", "TF.js / PyTorch"], [14, 12, 12, 16]));
  console.log(row(["REINFORCE", captioning.rl.toFixed(0), torch.rl_ms.toFixed(0), (captioning.rl / torch.rl_ms).toFixed(2)], [14, 12, 12, 16]));
  console.log(row(["MLE", captioning.mle.toFixed(0), torch.mle_ms.toFixed(0), (captioning.mle / torch.mle_ms).toFixed(2)], [14, 12, 12, 16]));
}
