/**
 * `npm run bench -- train`: ms per REINFORCE step (8 inputs x 4 samples: sampling, scoring under
 * the frozen MLE model, rewards, backward, Adam) and per MLE step (batch 32) for every task on
 * TF.js WASM in Node; and, for captioning, the same architecture and step shapes in PyTorch on CPU
 * (bench/torch_captioning.py, Debian python3-torch with OpenBLAS), measured in the same run, with
 * the ratio. Both run one thread (WASM has no threads in Node).
 *
 * The comparison alternates the two step by step (TF.js, PyTorch, TF.js, PyTorch, ...) in rounds,
 * so both meet the same load: on a shared machine the load moves within seconds, and runs of one
 * side after the other gave ratios 2x apart minutes apart. Each round's ratio is its best TF.js
 * step over its best PyTorch step; the bench prints the median of the rounds and their range.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface, type Interface } from "node:readline";
import * as tf from "@tensorflow/tfjs-core";
import { sceneAt } from "@/lib/data";
import { compileRewardSpec, DEFAULT_REWARD_SPECS, shapeWorldRewardContext, type TaskId } from "@/lib/rewards";
import { createRandom, TASKS, type Policy } from "@/lib/tasks";
import { mleStep, reinforceStep, ReinforceSettingsSchema, selectBackend } from "@/lib/training";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";
import { encodeCaption } from "@/lib/tasks/captioning";
import { row } from "./timing";

/** Rounds of the interleaved comparison, and steps a side in each round. */
const ROUNDS = 9;
const STEPS_A_ROUND = 3;
/** Issue 8's goals: TF.js at most this many times PyTorch's step time. */
const GOALS = { rl: 2.0, mle: 2.5 } as const;

/**
 * Best of `reps` runs after a warm-up. The minimum, not the median: on a shared machine the
 * least-disturbed run is the one that measures the code.
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

type TorchReply = { ms: number; phases_ms?: { sample: number; score: number; update: number }; torch?: string; threads?: number; error?: string };

/** bench/torch_captioning.py kept running, answering one command (a step) at a time. */
class TorchReference {
  private constructor(private readonly child: ChildProcessWithoutNullStreams, private readonly lines: AsyncIterator<string>, private readonly rl: Interface) {}

  /** Starts the script, or returns why it cannot run (no Debian python3-torch, say). */
  static async start(args: number[]): Promise<TorchReference | string> {
    // One thread all the way down: torch.set_num_threads(1) in the script, and OpenBLAS's own pool
    // (libopenblas0-pthread) pinned too, whose spinning threads otherwise stall on a busy machine.
    const env = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" };
    const child = spawn("/usr/bin/python3", ["bench/torch_captioning.py", ...args.map(String)], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    const failed = new Promise<string>((resolve) => {
      child.on("error", (err) => resolve(err.message));
      child.on("exit", () => resolve(stderr.trim().split("\n").pop() ?? "exited"));
    });
    const rl = createInterface({ input: child.stdout });
    const ref = new TorchReference(child, rl[Symbol.asyncIterator](), rl);
    const info = await Promise.race([ref.ask("info"), failed]);
    if (typeof info === "string") return `PyTorch not available (${info}); install: apt-get install python3-torch libopenblas0-pthread`;
    return ref;
  }

  async ask(command: string): Promise<TorchReply> {
    this.child.stdin.write(`${command}\n`);
    const next = await this.lines.next();
    if (next.done) throw new Error(`PyTorch reference exited during "${command}"`);
    const reply = JSON.parse(next.value) as TorchReply;
    if (reply.error) throw new Error(`PyTorch reference: ${reply.error}`);
    return reply;
  }

  close(): void {
    this.rl.close();
    this.child.stdin.end();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** One side's step, timed: TF.js's returns the REINFORCE phases where it has them. */
type Timed = { ms: number; phases?: Record<string, number> };

/**
 * `rounds` rounds; in each, `perRound` steps a side, alternating TF.js and PyTorch. Returns each
 * round's best on both sides and the best phases (per phase, over every step) on both.
 */
async function interleave(ours: () => Promise<Timed>, theirs: () => Promise<Timed>, rounds: number, perRound: number) {
  await ours();
  await theirs();
  const out: { ours: number; theirs: number }[] = [];
  const phases = { ours: new Map<string, number>(), theirs: new Map<string, number>() };
  const keep = (m: Map<string, number>, p?: Record<string, number>) => {
    for (const [k, v] of Object.entries(p ?? {})) m.set(k, Math.min(m.get(k) ?? Infinity, v));
  };
  for (let r = 0; r < rounds; r++) {
    let a = Infinity;
    let b = Infinity;
    for (let i = 0; i < perRound; i++) {
      const x = await ours();
      const y = await theirs();
      a = Math.min(a, x.ms);
      b = Math.min(b, y.ms);
      keep(phases.ours, x.phases);
      keep(phases.theirs, y.phases);
    }
    out.push({ ours: a, theirs: b });
  }
  return { rounds: out, phases };
}

/** `tasks`: the task ids to time (all when empty), e.g. `npm run bench -- train captioning`. */
export async function benchTrain(tasks: readonly string[] = []): Promise<void> {
  const choice = await selectBackend("wasm", { wasmPaths: nodeWasmPaths() });
  const ctx = shapeWorldRewardContext();
  const widths = [14, 8, 14, 12, 14, 12];
  console.log(`TF.js ${tf.version_core} on ${choice.backend} (1 thread), default model sizes; best of 5 steps`);
  console.log(row(["task", "params", "RL ms/step", "RL smp/s", "MLE ms/step", "MLE smp/s"], widths));
  for (const [id, task] of Object.entries(TASKS)) {
    if (!task || (tasks.length > 0 && !tasks.includes(id))) continue;
    const policy = task.createPolicy("default", 0);
    const reference = task.createPolicy("default", 0);
    const settings = ReinforceSettingsSchema.parse({ task: id, steps: 1, batchSize: 8, samples: 4, lr: 1e-4 });
    const setup = { policy, reference, spec: compileRewardSpec(DEFAULT_REWARD_SPECS[id as TaskId]), ctx, optimizer: tf.train.adam(1e-4), settings };
    const rlScenes = Array.from({ length: 8 }, (_, i) => sceneAt("train", i));
    const mleScenes = Array.from({ length: 32 }, (_, i) => sceneAt("train", 100 + i));
    const mleOpt = tf.train.adam(1e-3);
    const rlStep = async (): Promise<Timed> => {
      const t0 = performance.now();
      const { phases } = await reinforceStep(setup, rlScenes, 1);
      return { ms: performance.now() - t0, phases };
    };
    const mle = async (): Promise<Timed> => {
      const t0 = performance.now();
      await mleStep(policy, mleOpt, mleScenes, 1);
      return { ms: performance.now() - t0 };
    };
    const rlMs = await timeAsync(rlStep);
    const mleMs = await timeAsync(mle);
    console.log(row([id, policy.params.count().toLocaleString("en-US"), rlMs.toFixed(0), ((32 * 1000) / rlMs).toFixed(1), mleMs.toFixed(0), ((32 * 1000) / mleMs).toFixed(1)], widths));
    if (id === "captioning") await compareWithTorch(policy, rlScenes, mleScenes, rlStep, mle, async () => { await reinforceStep(setup, rlScenes, 1); });
    policy.dispose();
    reference.dispose();
  }
}

async function compareWithTorch(
  policy: Policy,
  rlScenes: ReturnType<typeof sceneAt>[],
  mleScenes: ReturnType<typeof sceneAt>[],
  rlStep: () => Promise<Timed>,
  mle: () => Promise<Timed>,
  profiledStep: () => Promise<void>,
): Promise<void> {
  const { actions } = await policy.sample(rlScenes, { n: 4, temperature: 1, rand: createRandom(1) });
  const decode = Math.max(...(actions as number[][]).map((a) => a.length)) - 1;
  // The padded length the timed MLE step trains on: mleStep(..., seed 1) draws one reference
  // caption per image with createRandom(1), in scene order (captioning mleLoss), and pads to
  // the longest. (The longest of all references, 27 tokens, gave PyTorch a third more decoder work.)
  const draw = createRandom(1);
  const tokens = Math.min(32, Math.max(...mleScenes.map((s) => encodeCaption(s.captions[Math.floor(draw() * s.captions.length)] as string).length)));
  console.log("");
  const torch = await TorchReference.start([32, tokens, 8, 4, decode]);
  if (typeof torch === "string") {
    console.log(torch);
    return;
  }
  try {
    const info = await torch.ask("info");
    const theirs = (cmd: string) => async (): Promise<Timed> => {
      const r = await torch.ask(cmd);
      return { ms: r.ms, ...(r.phases_ms ? { phases: r.phases_ms } : {}) };
    };
    const rl = await interleave(rlStep, theirs("rl"), ROUNDS, STEPS_A_ROUND);
    const ml = await interleave(mle, theirs("mle"), ROUNDS, STEPS_A_ROUND);
    console.log(`captioning vs PyTorch ${info.torch} on CPU, ${info.threads} thread (same architecture and shapes: MLE batch 32 x ${tokens} tokens; RL 8 x 4 samples, ${decode} decode steps)`);
    console.log(`${ROUNDS} rounds of ${STEPS_A_ROUND} steps a side, TF.js and PyTorch alternating step by step; a round's ratio is its best TF.js step over its best PyTorch step`);
    const w = [11, 10, 12, 14, 16, 8, 22];
    console.log(row(["step", "TF.js ms", "PyTorch ms", "median ratio", "rounds min-max", "goal", "rounds within goal"], w));
    for (const [name, r, goal] of [["REINFORCE", rl, GOALS.rl], ["MLE", ml, GOALS.mle]] as const) {
      const ratios = r.rounds.map((x) => x.ours / x.theirs);
      const within = ratios.filter((x) => x <= goal).length;
      console.log(row([name, median(r.rounds.map((x) => x.ours)).toFixed(0), median(r.rounds.map((x) => x.theirs)).toFixed(0), `${median(ratios).toFixed(2)}x`, `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x`, `<= ${goal.toFixed(1)}x`, `${within} of ${ratios.length}`], w));
    }
    console.log("(ms columns: the median over rounds of each round's best step)");
    console.log("");
    console.log("REINFORCE step by phase (best of every step above, each side)");
    console.log(row(["phase", "TF.js ms", "PyTorch ms", "TF.js / PyTorch"], [14, 12, 12, 16]));
    for (const [name, key] of [["sample", "sample"], ["score (ref.)", "score"], ["rewards", "reward"], ["update", "update"]] as const) {
      const ours = rl.phases.ours.get(key) ?? NaN;
      const them = rl.phases.theirs.get(key);
      console.log(row([name, ours.toFixed(0), them !== undefined ? them.toFixed(0) : "(not timed)", them !== undefined ? (ours / them).toFixed(2) : ""], [14, 12, 12, 16]));
    }
    // Raw matmul throughput on the model's typical shape, [1024, 64] @ [64, 128], both sides, interleaved.
    const a = tf.randomUniform([1024, 64]);
    const b = tf.randomUniform([64, 128]);
    const mm = await interleave(async () => {
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) tf.matMul(a, b).dispose();
      return { ms: performance.now() - t0 };
    }, theirs("matmul"), 1, 5);
    a.dispose();
    b.dispose();
    const gflops = (ms: number) => (2 * 1024 * 64 * 128 * 100) / (ms / 1000) / 1e9;
    const [m] = mm.rounds as [{ ours: number; theirs: number }];
    console.log("");
    console.log(`matmul [1024, 64] @ [64, 128]: TF.js WASM ${gflops(m.ours).toFixed(1)} GFLOP/s, PyTorch ${gflops(m.theirs).toFixed(1)} GFLOP/s (${(m.ours / m.theirs).toFixed(1)}x the time)`);
  } finally {
    torch.close();
  }
  const info = await tf.profile(profiledStep);
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
  const kernels = [...byName].map(([name, e]) => ({ name, ...e })).sort((x, y) => y.ms - x.ms);
  const total = kernels.reduce((s, k) => s + k.ms, 0);
  console.log("");
  console.log(`TF.js kernels in one REINFORCE step: ${kernelsOnly.length} calls, ${total.toFixed(0)} ms inside kernels (the rest of the step is dispatch, tidy bookkeeping, reads and JS); top 12:`);
  console.log(row(["kernel", "ms", "calls", "us/call"], [22, 10, 8, 10]));
  for (const k of kernels.slice(0, 12)) console.log(row([k.name, k.ms.toFixed(1), String(k.calls), ((k.ms * 1000) / k.calls).toFixed(0)], [22, 10, 8, 10]));
}
