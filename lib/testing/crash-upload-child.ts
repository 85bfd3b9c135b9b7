/**
 * A server process killed mid-upload, for lib/server/checkpoint-crash.test.ts: stores the
 * shipped captioning model with the upload code (lib/server/checkpoint-store) and, at the point
 * named by its argument, says "paused" on stdout and blocks until its parent SIGKILLs it:
 *  - `writing`: half of the weights written into the temporary `.upload-*` folder;
 *  - `renamed`: the folder renamed into place, its row not inserted yet;
 *  - `stored`: the upload finished (row and files).
 * Run with `node --import tsx --conditions=react-server <this> <point> <data dir> <mle|tuned>` (the
 * shipped captioning model it uploads), DATABASE_URL set.
 */
import fs, { readFileSync, writeSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";

const [point, dataDir, model] = process.argv.slice(2) as ["writing" | "renamed" | "stored", string, "mle" | "tuned"];

/** Tells the parent, then blocks this thread for good (no event loop turn: nothing else runs). */
function pause(): never {
  writeSync(1, "paused\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error("unreachable");
}

const { writeFileSync, renameSync } = fs;
fs.writeFileSync = ((file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, ...rest: []) => {
  if (point === "writing" && String(file).includes(`${path.sep}.upload-`) && typeof data !== "string" && data.byteLength > 1000) {
    writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength >> 1));
    pause();
  }
  return writeFileSync(file, data, ...rest);
}) as typeof fs.writeFileSync;
fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
  renameSync(from, to);
  if (point === "renamed" && path.basename(String(from)).startsWith(".upload-")) pause();
}) as typeof fs.renameSync;
syncBuiltinESMExports(); // `import { writeFileSync } from "node:fs"` elsewhere sees the wrappers

const { resolveDatabase } = await import("@/lib/env/database");
const { createDb } = await import("@/lib/db/client");
const { checkpointsRoot, storeCheckpoint } = await import("@/lib/server/checkpoint-store");
const { parseCheckpointUpload } = await import("@/lib/training/manifest-schema");

const dir = path.resolve("public/models/captioning", model);
const modelJson = readFileSync(path.join(dir, "model.json"), "utf8");
const weightsFile = (JSON.parse(modelJson) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]!.paths[0]!;
const upload = parseCheckpointUpload({ modelJson, weights: new Uint8Array(readFileSync(path.join(dir, weightsFile))) });
await storeCheckpoint(createDb(resolveDatabase(process.env)), { root: checkpointsRoot(dataDir), ...upload });
pause();
