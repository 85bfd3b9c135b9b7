/**
 * Evaluates an MLE checkpoint and its tuned children on the test split and prints the
 * docs/RESULTS.md rows: every metric as MLE, then tuned mean ± std over the seeds, and whether
 * tuned beats MLE on the task metric by more than 3 standard deviations.
 * Usage: npx tsx scripts/results-table.ts <task-metric> <count> <mle-dir> <tuned-dir>...
 */
import { sampleMeanStd } from "@/lib/rewards";
import { selectBackend } from "@/lib/training";
import { evaluateCheckpointDir } from "@/lib/training/node/evaluate-dir";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";

const [metric, countArg, mleDir, ...tunedDirs] = process.argv.slice(2);
if (!metric || !countArg || !mleDir || tunedDirs.length === 0) {
  console.error("usage: npx tsx scripts/results-table.ts <task-metric> <count> <mle-dir> <tuned-dir>...");
  process.exit(2);
}
await selectBackend("wasm", { wasmPaths: nodeWasmPaths() });

const evalDir = (dir: string) => evaluateCheckpointDir(dir, "test", Number(countArg));

const mle = await evalDir(mleDir);
const tuned = [];
for (const d of tunedDirs) tuned.push(await evalDir(d));
const f = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(2) : v.toFixed(4));
console.log(`| metric | MLE | tuned (mean ± sample std over ${tuned.length} seeds) |`);
console.log("|---|---|---|");
for (const k of Object.keys(mle)) {
  const s = sampleMeanStd(tuned.map((t) => t[k] as number));
  console.log(`| ${k === metric ? `**${k}**` : k} | ${f(mle[k] as number)} | ${f(s.mean)} ± ${f(s.std)} |`);
}
const s = sampleMeanStd(tuned.map((t) => t[metric] as number));
const margin = (s.mean - (mle[metric] as number)) / Math.max(s.std, 1e-12);
console.log(`\n${metric}: tuned - MLE = ${f(s.mean - (mle[metric] as number))} = ${margin.toFixed(1)} std (bar: > 3)`);
console.log(JSON.stringify({ metric, mle, tuned }));
