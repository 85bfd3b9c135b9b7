/**
 * `npm run bench -- train`: ms per REINFORCE step (8 inputs x 4 samples: sampling, scoring under
 * the policy and the frozen MLE model, rewards, backward, Adam) and per MLE step (batch 32) for
 * every task on TF.js WASM in Node; and, for captioning, the same architecture and step shapes
 * in PyTorch on CPU (bench/torch_captioning.py, Debian python3-torch with OpenBLAS), measured
 * in the same run, with the ratio. Both run one thread (WASM has no threads in Node); times are
 * the best of 5 runs on both sides.
 */
import { spawnSync } from "node:child_process";
import * as tf from "@tensorflow/tfjs-core";
import { sceneAt } from "@/lib/data";
import { compileRewardSpec, DEFAULT_REWARD_SPECS, shapeWorldRewardContext, type TaskId } from "@/lib/rewards";
import { createRandom, TASKS } from "@/lib/tasks";
import { mleStep, reinforceStep, ReinforceSettingsSchema, selectBackend } from "@/lib/training";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";
import { encodeCaption } from "@/lib/tasks/captioning";
import { row } from "./timing";

/**
 * Best of `reps` runs after a warm-up. The minimum, not the median, on both sides (PyTorch's script
 * does the same): on a shared machine the least-disturbed run is the one that measures the code,
 * and PyTorch slows down more than TF.js under load, so medians drift the ratio with the load.
 */
async function timeAsync(fn: () => Promise<unknown>, reps = 5): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

type TorchResult = { mle_ms: number; rl_ms: number; torch: string; rl_phases_ms: { sample: number; score: number; update: number }; matmul_gflops: number };
type Phases = { sample: number; score: number; reward: number; update: number };

function torchCaptioning(batch: number, tokens: number, inputs: number, samples: number, decodeSteps: number): TorchResult | string {
  // One thread all the way down: torch.set_num_threads(1) in the script, and OpenBLAS's own pool
  // (libopenblas0-pthread) pinned too, whose spinning threads otherwise stall on a busy machine.
  const env = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" };
  const r = spawnSync("/usr/bin/python3", ["bench/torch_captioning.py", String(batch), String(tokens), String(inputs), String(samples), String(decodeSteps)], { encoding: "utf8", env });
  if (r.status !== 0) return `PyTorch not available (${(r.stderr || r.error?.message || "").trim().split("\n").pop()}); install: apt-get install python3-torch libopenblas0-pthread`;
  return JSON.parse(r.stdout);
}

/** `tasks`: the task ids to time (all when empty), e.g. `npm run bench -- train captioning`. */
export async function benchTrain(tasks: readonly string[] = []): Promise<void> {
  const choice = await selectBackend("wasm", { wasmPaths: nodeWasmPaths() });
  const ctx = shapeWorldRewardContext();
  const widths = [14, 8, 14, 12, 14, 12];
  console.log(`TF.js ${tf.version_core} on ${choice.backend} (1 thread), default model sizes`);
  console.log(row(["task", "params", "RL ms/step", "RL smp/s", "MLE ms/step", "MLE smp/s"], widths));
  let captioning: { rl: number; mle: number; tokens: number; decode: number; phases: Phases; kernels: { name: string; ms: number; calls: number }[]; kernelCalls: number } | undefined;
  for (const [id, task] of Object.entries(TASKS)) {
    if (!task || (tasks.length > 0 && !tasks.includes(id))) continue;
    const policy = task.createPolicy("default", 0);
    const reference = task.createPolicy("default", 0);
    const settings = ReinforceSettingsSchema.parse({ task: id, steps: 1, batchSize: 8, samples: 4, lr: 1e-4 });
    const setup = { policy, reference, spec: compileRewardSpec(DEFAULT_REWARD_SPECS[id as TaskId]), ctx, optimizer: tf.train.adam(1e-4), settings };
    const rlScenes = Array.from({ length: 8 }, (_, i) => sceneAt("train", i));
    const mleScenes = Array.from({ length: 32 }, (_, i) => sceneAt("train", 100 + i));
    const rl = await timeAsync(() => reinforceStep(setup, rlScenes, 1));
    const mleOpt = tf.train.adam(1e-3);
    const mle = await timeAsync(() => mleStep(policy, mleOpt, mleScenes, 1));
    console.log(row([id, policy.params.count().toLocaleString("en-US"), rl.toFixed(0), ((32 * 1000) / rl).toFixed(1), mle.toFixed(0), ((32 * 1000) / mle).toFixed(1)], widths));
    if (id === "captioning") {
      const { actions } = await policy.sample(rlScenes, { n: 4, temperature: 1, rand: createRandom(1) });
      const decode = Math.max(...(actions as number[][]).map((a) => a.length)) - 1;
      // The padded length the timed MLE step trains on: mleStep(..., seed 1) draws one reference
      // caption per image with createRandom(1), in scene order (captioning mleLoss), and pads to
      // the longest. (The longest of all references, 27 tokens, gave PyTorch a third more decoder work.)
      const draw = createRandom(1);
      const tokens = Math.min(32, Math.max(...mleScenes.map((s) => encodeCaption(s.captions[Math.floor(draw() * s.captions.length)] as string).length)));
      // Where the REINFORCE step spends its time: phases (best of 5 each) and kernels (one profiled step).
      const runs: Phases[] = [];
      for (let i = 0; i < 5; i++) runs.push((await reinforceStep(setup, rlScenes, 1)).phases);
      const best = (k: keyof Phases) => Math.min(...runs.map((r) => r[k]));
      const info = await tf.profile(async () => { await reinforceStep(setup, rlScenes, 1); });
      const byName = new Map<string, { ms: number; calls: number }>();
      // Kernels only: custom-gradient ops and fused ops also appear as scopes around their kernels.
      const kernelsOnly = info.kernels.filter((k) => tf.getKernel(k.name, tf.getBackend()) !== undefined);
      for (const k of kernelsOnly) {
        // Batched products (attention) take WASM's scalar loop, unbatched ones XNNPACK: apart.
        const batched = k.name === "BatchMatMul" && k.inputShapes.some((s) => s !== null && s.slice(0, -2).reduce((n, d) => n * d, 1) > 1);
        const name = k.name === "BatchMatMul" ? `BatchMatMul ${batched ? "batched" : "2-D"}` : k.name;
        const e = byName.get(name) ?? { ms: 0, calls: 0 };
        e.ms += typeof k.kernelTimeMs === "number" ? k.kernelTimeMs : 0;
        e.calls += 1;
        byName.set(name, e);
      }
      const kernels = [...byName].map(([name, e]) => ({ name, ...e })).sort((a, b) => b.ms - a.ms);
      captioning = { rl, mle, tokens, decode, phases: { sample: best("sample"), score: best("score"), reward: best("reward"), update: best("update") }, kernels, kernelCalls: kernelsOnly.length };
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
  console.log("");
  console.log("REINFORCE step by phase (best of 5 steps each)");
  const p = captioning.phases;
  const tp = torch.rl_phases_ms;
  console.log(row(["phase", "TF.js ms", "PyTorch ms", "TF.js / PyTorch"], [14, 12, 12, 16]));
  for (const [name, ours, theirs] of [["sample", p.sample, tp.sample], ["score (ref.)", p.score, tp.score], ["rewards", p.reward, 0], ["update", p.update, tp.update]] as const) {
    console.log(row([name, ours.toFixed(0), theirs ? theirs.toFixed(0) : "(not timed)", theirs ? (ours / theirs).toFixed(2) : ""], [14, 12, 12, 16]));
  }
  // Raw matmul throughput on the model's typical shape, [1024, 64] @ [64, 128], both sides.
  const a = tf.randomUniform([1024, 64]);
  const b = tf.randomUniform([64, 128]);
  const mmMs = (await timeAsync(async () => { for (let i = 0; i < 100; i++) tf.matMul(a, b).dispose(); })) / 100;
  a.dispose();
  b.dispose();
  const gflops = (2 * 1024 * 64 * 128) / (mmMs / 1000) / 1e9;
  console.log("");
  console.log(`matmul [1024, 64] @ [64, 128]: TF.js WASM ${gflops.toFixed(1)} GFLOP/s, PyTorch ${torch.matmul_gflops.toFixed(1)} GFLOP/s (${(torch.matmul_gflops / gflops).toFixed(1)}x)`);
  const total = captioning.kernels.reduce((a, k) => a + k.ms, 0);
  console.log("");
  console.log(`TF.js kernels in one REINFORCE step: ${captioning.kernelCalls} calls, ${total.toFixed(0)} ms inside kernels (the rest of the step is dispatch, tidy bookkeeping, reads and JS); top 12:`);
  console.log(row(["kernel", "ms", "calls", "us/call"], [22, 10, 8, 10]));
  for (const k of captioning.kernels.slice(0, 12)) console.log(row([k.name, k.ms.toFixed(1), String(k.calls), ((k.ms * 1000) / k.calls).toFixed(0)], [22, 10, 8, 10]));
}
