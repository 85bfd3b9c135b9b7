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
import { readFileSync } from "node:fs";
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

type TorchReply = { ms: number; phases_ms?: { sample: number; score: number; update: number }; torch?: string; threads?: number; blas?: string; error?: string };

/** bench/torch_captioning.py kept running, answering one command (a step) at a time. */
class TorchReference {
  /** The script's `info` reply: torch version, threads, BLAS core. */
  info: TorchReply = { ms: 0 };

  private constructor(private readonly child: ChildProcessWithoutNullStreams, private readonly lines: AsyncIterator<string>, private readonly rl: Interface) {}

  /** Starts the script, or returns why it cannot run (no Debian python3-torch, say). */
  static async start(args: number[]): Promise<TorchReference | string> {
    // One thread all the way down: torch.set_num_threads(1) in the script, and OpenBLAS's own pool
    // (libopenblas0-pthread) pinned too, whose spinning threads otherwise stall on a busy machine.
    // And OpenBLAS's kernels for this CPU: under this VM its CPUID probe answers "Prescott" (SSE3)
    // on an AVX-512 Xeon, and sgemm ran at 24 GFLOP/s instead of 120 (1024 x 1024, one thread).
    const env = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", ...openblasCore() };
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
    ref.info = info;
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

/**
 * OPENBLAS_CORETYPE for the CPU's widest vector unit, from /proc/cpuinfo's flags (Linux); none
 * elsewhere or where the caller set one.
 */
function openblasCore(): { OPENBLAS_CORETYPE?: string } {
  if (process.env.OPENBLAS_CORETYPE) return {};
  let flags: string[] = [];
  try {
    flags = (/^flags\s*:(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "").trim().split(/\s+/);
  } catch {
    return {};
  }
  if (["avx512f", "avx512bw", "avx512vl", "avx512dq"].every((f) => flags.includes(f))) return { OPENBLAS_CORETYPE: "SKYLAKEX" };
  if (flags.includes("avx2") && flags.includes("fma")) return { OPENBLAS_CORETYPE: "HASWELL" };
  return {};
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
  let comparison: (() => Promise<void>) | undefined;
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
    const dispose = () => {
      policy.dispose();
      reference.dispose();
    };
    // The captioning comparison runs after the table, its models kept until then.
    if (id === "captioning") comparison = async () => {
      await compareWithTorch(policy, rlScenes, mleScenes, rlStep, mle, async () => { await reinforceStep(setup, rlScenes, 1); });
      dispose();
    };
    else dispose();
  }
  await comparison?.();
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
    const { info } = torch;
    const theirs = (cmd: string) => async (): Promise<Timed> => {
      const r = await torch.ask(cmd);
      return { ms: r.ms, ...(r.phases_ms ? { phases: r.phases_ms } : {}) };
    };
    const rl = await interleave(rlStep, theirs("rl"), ROUNDS, STEPS_A_ROUND);
    const ml = await interleave(mle, theirs("mle"), ROUNDS, STEPS_A_ROUND);
    console.log(`captioning vs PyTorch ${info.torch} on CPU, ${info.threads} thread, BLAS ${info.blas} (same architecture and shapes: MLE batch 32 x ${tokens} tokens; RL 8 x 4 samples, ${decode} decode steps)`);
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
    // Where each side spends a step, by kind of work: one profiled step each (TF.js's kernels,
    // PyTorch's ops by their own CPU time), after the timed rounds.
    for (const [name, step, cmd] of [["MLE", mle, "profile-mle"], ["REINFORCE", profiledStep, "profile-rl"]] as const) {
      const ours = await tfjsByKind(step);
      const theirs = torchByKind((await torch.ask(cmd)) as unknown as { profiled_ms: number; ops: [string, number, number][] });
      printKinds(name, ours, theirs);
      if (name === "REINFORCE") printKernels(ours.kernels);
    }
  } finally {
    torch.close();
  }
}

/** Kinds of work a training step's kernels (TF.js) or ops (PyTorch) do. */
const KINDS = ["matrix products", "layout (transpose, copy, concat, gather)", "reductions, softmax, LayerNorm", "element-wise (incl. Adam)"] as const;
type Kind = (typeof KINDS)[number];
type ByKind = { wallMs: number; kinds: Map<Kind, { ms: number; calls: number }>; kernels: { name: string; ms: number; calls: number }[] };

/** The kernels (TF.js) and ops (PyTorch, without `aten::`) of each kind but element-wise, the rest. */
const MEMBERS: Record<Exclude<Kind, "element-wise (incl. Adam)">, { tfjs: string[]; torch: string[] }> = {
  "matrix products": {
    tfjs: ["BatchMatMul", "_FusedMatMul", "DepthwiseConv2dNative", "Conv2D"],
    torch: ["mm", "addmm", "bmm", "baddbmm", "addmv", "mv", "dot", "addbmm"],
  },
  "layout (transpose, copy, concat, gather)": {
    tfjs: ["Transpose", "Identity", "Concat", "SplitV", "Slice", "GatherV2", "Reshape", "Tile", "Pack", "Cast", "OneHot", "PadV2"],
    torch: ["copy_", "clone", "cat", "contiguous", "index_select", "gather", "index", "one_hot", "_to_copy", "scatter", "scatter_add_", "index_add_", "stack", "repeat", "fill_", "zero_", "zeros", "zeros_like", "new_zeros", "embedding"],
  },
  "reductions, softmax, LayerNorm": {
    tfjs: ["Sum", "Mean", "Max", "Min", "Softmax", "ArgMax", "Prod"],
    torch: ["sum", "mean", "max", "amax", "min", "argmax", "_softmax", "_log_softmax", "_softmax_backward_data", "_log_softmax_backward_data", "native_layer_norm", "native_layer_norm_backward", "norm", "linalg_vector_norm", "nll_loss_forward", "nll_loss_backward", "multinomial", "cumsum"],
  },
};
const kindBySide = (side: "tfjs" | "torch") => new Map(Object.entries(MEMBERS).flatMap(([kind, m]) => m[side].map((name) => [name, kind as Kind] as const)));
const TFJS_KIND = kindBySide("tfjs");
const TORCH_KIND = kindBySide("torch");
/** PyTorch ops that do no arithmetic of their own: views, dispatch wrappers, autograd bookkeeping. */
const TORCH_NO_WORK = new Set(["view", "reshape", "_reshape_alias", "as_strided", "transpose", "t", "expand", "select", "slice", "unsqueeze", "squeeze", "permute", "detach", "alias", "empty", "empty_like", "empty_strided", "to", "linear", "matmul", "layer_norm", "softmax", "log_softmax", "cross_entropy_loss", "nll_loss", "nll_loss_nd", "numpy_T", "result_type", "lift_fresh", "item", "_local_scalar_dense", "is_nonzero", "resolve_conj", "resolve_neg", "split", "split_with_sizes", "unbind", "chunk", "narrow", "flatten", "view_as", "expand_as"]);

/** PyTorch op -> kind; undefined for ops that do no work (and for non-aten scopes). */
function torchKind(op: string): Kind | undefined {
  if (!op.startsWith("aten::")) return undefined;
  const name = op.slice("aten::".length);
  return TORCH_KIND.get(name) ?? (TORCH_NO_WORK.has(name) ? undefined : "element-wise (incl. Adam)");
}

async function tfjsByKind(step: () => Promise<unknown>): Promise<ByKind> {
  const t0 = performance.now();
  const info = await tf.profile(async () => { await step(); });
  const wallMs = performance.now() - t0;
  // Kernels only: custom-gradient ops and fused ops also appear as scopes around their kernels.
  const kernelsOnly = info.kernels.filter((k) => tf.getKernel(k.name, tf.getBackend()) !== undefined);
  const kinds = new Map<Kind, { ms: number; calls: number }>();
  const byName = new Map<string, { ms: number; calls: number }>();
  for (const k of kernelsOnly) {
    const ms = typeof k.kernelTimeMs === "number" ? k.kernelTimeMs : 0;
    const kind = TFJS_KIND.get(k.name) ?? "element-wise (incl. Adam)";
    const e = kinds.get(kind) ?? { ms: 0, calls: 0 };
    kinds.set(kind, { ms: e.ms + ms, calls: e.calls + 1 });
    // Batched products (attention) take WASM's scalar loop, unbatched ones XNNPACK: apart.
    const batched = k.name === "BatchMatMul" && k.inputShapes.some((sh) => sh !== null && sh.slice(0, -2).reduce((n, d) => n * d, 1) > 1);
    const name = k.name === "BatchMatMul" ? `BatchMatMul ${batched ? "batched" : "2-D"}` : k.name;
    const f = byName.get(name) ?? { ms: 0, calls: 0 };
    byName.set(name, { ms: f.ms + ms, calls: f.calls + 1 });
  }
  return { wallMs, kinds, kernels: [...byName].map(([name, e]) => ({ name, ...e })).sort((x, y) => y.ms - x.ms) };
}

function torchByKind(r: { profiled_ms: number; ops: [string, number, number][] }): ByKind {
  const kinds = new Map<Kind, { ms: number; calls: number }>();
  for (const [op, ms, calls] of r.ops) {
    const kind = torchKind(op);
    if (!kind) continue;
    const e = kinds.get(kind) ?? { ms: 0, calls: 0 };
    kinds.set(kind, { ms: e.ms + ms, calls: e.calls + calls });
  }
  return { wallMs: r.profiled_ms, kinds, kernels: [] };
}

function printKinds(step: string, ours: ByKind, theirs: ByKind): void {
  const w = [42, 10, 8, 12, 8, 8];
  console.log("");
  console.log(`${step} step by kind of work (one profiled step a side: TF.js kernel times, PyTorch ops' own CPU time; both profilers add overhead)`);
  console.log(row(["kind", "TF.js ms", "calls", "PyTorch ms", "calls", "ratio"], w));
  let a = 0;
  let b = 0;
  for (const kind of KINDS) {
    const x = ours.kinds.get(kind) ?? { ms: 0, calls: 0 };
    const y = theirs.kinds.get(kind) ?? { ms: 0, calls: 0 };
    a += x.ms;
    b += y.ms;
    console.log(row([kind, x.ms.toFixed(1), String(x.calls), y.ms.toFixed(1), String(y.calls), y.ms > 0 ? `${(x.ms / y.ms).toFixed(1)}x` : ""], w));
  }
  console.log(row(["outside kernels (dispatch, autograd, JS)", (ours.wallMs - a).toFixed(1), "", (theirs.wallMs - b).toFixed(1), "", `${((ours.wallMs - a) / (theirs.wallMs - b)).toFixed(1)}x`], w));
  console.log(row(["step, profiled", ours.wallMs.toFixed(1), "", theirs.wallMs.toFixed(1), "", `${(ours.wallMs / theirs.wallMs).toFixed(1)}x`], w));
}

function printKernels(kernels: ByKind["kernels"]): void {
  const total = kernels.reduce((s, k) => s + k.ms, 0);
  const calls = kernels.reduce((s, k) => s + k.calls, 0);
  console.log("");
  console.log(`TF.js kernels in one REINFORCE step: ${calls} calls, ${total.toFixed(0)} ms inside kernels; top 12:`);
  console.log(row(["kernel", "ms", "calls", "us/call"], [22, 10, 8, 10]));
  for (const k of kernels.slice(0, 12)) console.log(row([k.name, k.ms.toFixed(1), String(k.calls), ((k.ms * 1000) / k.calls).toFixed(0)], [22, 10, 8, 10]));
}
