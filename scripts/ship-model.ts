/**
 * Copies a trained checkpoint into public/models/<task>/<mle|tuned>/ without its optimizer
 * state (a few hundred kB instead of ~3x that), so the app can load it the moment it starts.
 * Usage: npx tsx scripts/ship-model.ts <checkpoint-dir> <mle|tuned>
 */
import path from "node:path";
import { fromArtifacts, selectBackend, toArtifacts } from "@/lib/training";
import { loadCheckpointDir, saveCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";

const [dir, kind] = process.argv.slice(2);
if (!dir || (kind !== "mle" && kind !== "tuned")) {
  console.error("usage: npx tsx scripts/ship-model.ts <checkpoint-dir> <mle|tuned>");
  process.exit(2);
}
await selectBackend("wasm", { wasmPaths: nodeWasmPaths() });
const { policy, manifest } = await fromArtifacts(await loadCheckpointDir(dir));
const out = path.join("public/models", manifest.task, kind);
const shipped = { ...manifest, parent: manifest.parent ? `models/${manifest.task}/mle` : null };
saveCheckpointDir(out, await toArtifacts(policy, shipped));
console.log(`shipped ${dir} -> ${out} (${manifest.params.toLocaleString("en-US")} params)`);
