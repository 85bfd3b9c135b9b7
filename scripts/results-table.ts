/**
 * Evaluates an MLE checkpoint and its tuned children on the test split and prints the
 * docs/RESULTS.md rows: every metric as MLE, then tuned mean ± std over the seeds, and whether
 * tuned beats MLE on the task metric by more than 3 standard deviations.
 * Usage: npx tsx scripts/results-table.ts <task-metric> <count> <mle-dir> <tuned-dir>...
 */
import { meanStd } from "@/lib/rewards";
import { evaluatePolicy, fromArtifacts, selectBackend } from "@/lib/training";
import { loadCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";

const [metric, countArg, mleDir, ...tunedDirs] = process.argv.slice(2);
if (!metric || !countArg || !mleDir || tunedDirs.length === 0) {
  console.error("usage: npx tsx scripts/results-table.ts <task-metric> <count> <mle-dir> <tuned-dir>...");
  process.exit(2);
}
await selectBackend("wasm", { wasmPaths: nodeWasmPaths() });

async function evalDir(dir: string): Promise<Record<string, number>> {
  const { policy } = await fromArtifacts(await loadCheckpointDir(dir));
  try {
    return await evaluatePolicy(policy, "test", Number(countArg));
  } finally {
    policy.dispose();
  }
}

const mle = await evalDir(mleDir);
const tuned = [];
for (const d of tunedDirs) tuned.push(await evalDir(d));
/** Mean and sample standard deviation (n - 1 in the denominator: the honest one for 3 seeds). */
function seedStats(values: number[]): { mean: number; std: number } {
  const { mean, std } = meanStd(values);
  return { mean, std: values.length > 1 ? std * Math.sqrt(values.length / (values.length - 1)) : 0 };
}
const f = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(2) : v.toFixed(4));
console.log(`| metric | MLE | tuned (mean ± sample std over ${tuned.length} seeds) |`);
console.log("|---|---|---|");
for (const k of Object.keys(mle)) {
  const s = seedStats(tuned.map((t) => t[k] as number));
  console.log(`| ${k === metric ? `**${k}**` : k} | ${f(mle[k] as number)} | ${f(s.mean)} ± ${f(s.std)} |`);
}
const s = seedStats(tuned.map((t) => t[metric] as number));
const margin = (s.mean - (mle[metric] as number)) / Math.max(s.std, 1e-12);
console.log(`\n${metric}: tuned - MLE = ${f(s.mean - (mle[metric] as number))} = ${margin.toFixed(1)} std (bar: > 3)`);
console.log(JSON.stringify({ metric, mle, tuned }));
