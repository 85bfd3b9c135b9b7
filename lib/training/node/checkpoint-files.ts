/** Checkpoints as files (Node): <dir>/model.json, <dir>/weights-<hash>.bin, <dir>/manifest.json. */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { manifestOf } from "../checkpoint";

/**
 * Writes artifacts into `dir` (other files there, e.g. metrics.jsonl, are kept). The weights go
 * to a content-named file first; renaming model.json into place is the commit point, so a crash
 * never leaves a model.json pointing at half-written weights. Old weight files are removed after.
 */
export function saveCheckpointDir(dir: string, artifacts: tf.io.ModelArtifacts): void {
  mkdirSync(dir, { recursive: true });
  const data = artifacts.weightData;
  const buffers = data instanceof ArrayBuffer ? [data] : ((data as ArrayBuffer[] | undefined) ?? []);
  const bytes = Buffer.concat(buffers.map((b) => Buffer.from(b)));
  const weightsFile = `weights-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.bin`;
  const write = (name: string, body: string | Buffer) => {
    writeFileSync(path.join(dir, `${name}.tmp`), body);
    renameSync(path.join(dir, `${name}.tmp`), path.join(dir, name));
  };
  write(weightsFile, bytes);
  write("manifest.json", `${JSON.stringify(manifestOf(artifacts), null, 2)}\n`);
  write("model.json", JSON.stringify({
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs }],
    userDefinedMetadata: artifacts.userDefinedMetadata,
  }));
  for (const f of readdirSync(dir)) if (/^weights-.*\.bin$/.test(f) && f !== weightsFile) rmSync(path.join(dir, f));
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
