/** Checkpoints as files (Node): <dir>/model.json, <dir>/weights.bin, <dir>/manifest.json. */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { manifestOf } from "../checkpoint";

/**
 * Writes artifacts to `dir` atomically: files go to a sibling temp folder that replaces `dir`
 * only once complete, so a crash never leaves a half-written checkpoint.
 */
export function saveCheckpointDir(dir: string, artifacts: tf.io.ModelArtifacts): void {
  const tmp = `${dir.replace(/\/$/, "")}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const data = artifacts.weightData;
  const buffers = data instanceof ArrayBuffer ? [data] : (data as ArrayBuffer[] | undefined) ?? [];
  writeFileSync(path.join(tmp, "weights.bin"), Buffer.concat(buffers.map((b) => Buffer.from(b))));
  const modelJson = {
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs }],
    userDefinedMetadata: artifacts.userDefinedMetadata,
  };
  writeFileSync(path.join(tmp, "model.json"), JSON.stringify(modelJson));
  writeFileSync(path.join(tmp, "manifest.json"), `${JSON.stringify(manifestOf(artifacts), null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  renameSync(tmp, dir);
}

/** Reads a checkpoint folder written by saveCheckpointDir (or any TF.js model.json + shards). */
export async function loadCheckpointDir(dir: string): Promise<tf.io.ModelArtifacts> {
  let json: tf.io.ModelJSON;
  try {
    json = JSON.parse(readFileSync(path.join(dir, "model.json"), "utf8")) as tf.io.ModelJSON;
  } catch (err) {
    throw new Error(`${dir}: no readable model.json (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((g) => g.weights);
    const buffers = manifest.flatMap((g) => g.paths.map((p) => readFileSync(path.join(dir, p))));
    const all = Buffer.concat(buffers);
    return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
  });
}
