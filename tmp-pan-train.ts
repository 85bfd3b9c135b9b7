import * as tf from "@tensorflow/tfjs-core";
import { selectBackend } from "@/lib/training/backend";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";
import { createRandom } from "@/lib/tasks";
import { createPanopticPolicy, PANOPTIC_SIZES, type PanopticConfig } from "@/lib/tasks/panoptic";
import { panopticTask } from "@/lib/tasks/panoptic/task";
import { trainMle } from "@/lib/training/mle";
import { heldOutScenes } from "@/lib/training/scenes";
import { MleSettingsSchema } from "@/lib/training/settings";

await selectBackend("wasm", { wasmPaths: nodeWasmPaths() });
const cfg: PanopticConfig = JSON.parse(process.env.CFG ?? "null") ?? PANOPTIC_SIZES.default;
const steps = Number(process.env.STEPS ?? 1500);
const evalEvery = Number(process.env.EVAL ?? 300);
const lr = Number(process.env.LR ?? 1e-3);
const policy = createPanopticPolicy(cfg, 0);
const opt = tf.train.adam(lr);
const settings = MleSettingsSchema.parse({ task: "panoptic", steps, batchSize: 32, lr, warmup: 100, evalEvery, evalCount: 200 });
const val = heldOutScenes("val", 200);
const t0 = performance.now();
let losses: number[] = [];
const fmt = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k}=${v.toFixed(3)}`).join(" ");
console.log("params", policy.params.count(), JSON.stringify(cfg), "lr", lr, "steps", steps);
await trainMle(policy, opt, settings, {
  onStep: (s) => { losses.push(s.loss); if ((s.step + 1) % 50 === 0) { console.log(`step ${s.step + 1} loss ${(losses.reduce((a, b) => a + b, 0) / losses.length).toFixed(4)} ms ${s.ms.toFixed(0)} t ${((performance.now() - t0) / 1000).toFixed(0)}s`); losses = []; } },
  onEval: async (e) => { console.log(`EVAL step ${e.step + 1} greedy ${fmt(e.metrics)}`); },
});
// Sampled outputs (t = 1 and t = 0.5) on the same scenes.
for (const t of [1, 0.5]) {
  const outs = [];
  for (let i = 0; i < val.length; i += 50) outs.push(...(await policy.sample(val.slice(i, i + 50), { n: 1, temperature: t, rand: createRandom(7) })).outputs);
  console.log(`SAMPLED t=${t} ${fmt(panopticTask.evalMetrics(outs, val))}`);
}
console.log("total s", ((performance.now() - t0) / 1000).toFixed(0));
