import { existsSync } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import type { ZodError } from "zod";
import { fromArtifacts, selectBackend, type BackendChoice, type CheckpointManifest } from "@/lib/training";
import type { Policy } from "@/lib/tasks";
import { loadCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";
import { UsageError } from "./errors";

/** Starts the requested TF.js backend for the CLI (WASM by default in Node). */
export async function startBackend(request: string): Promise<BackendChoice> {
  try {
    return await selectBackend(request, { wasmPaths: nodeWasmPaths() });
  } catch (err) {
    throw new UsageError(`--backend: ${(err as Error).message}`);
  }
}

/** Loads a checkpoint folder; a missing or foreign folder is a usage error naming the flag. */
export async function loadCheckpoint(dir: string, flag: string, optimizer?: tf.Optimizer): Promise<{ policy: Policy; manifest: CheckpointManifest }> {
  if (!existsSync(path.join(dir, "model.json"))) throw new UsageError(`${flag}: ${dir} is not a checkpoint folder (no model.json)`);
  try {
    return await fromArtifacts(await loadCheckpointDir(dir), optimizer);
  } catch (err) {
    throw new UsageError(`${flag}: ${dir}: ${(err as Error).message}`);
  }
}

/** Maps a settings field to the flag that sets it, for error messages. */
const FLAGS: Record<string, string> = {
  batchSize: "--batch", evalEvery: "--eval-every", evalCount: "--eval-count", entropyBonus: "--entropy-bonus", gradClip: "--grad-clip",
};

/** The first settings problem as a usage error naming the flag. */
export function settingsError(err: ZodError): UsageError {
  const issue = err.issues[0];
  const key = String(issue?.path[0] ?? "settings");
  const flag = FLAGS[key] ?? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return new UsageError(`${flag}: ${issue?.message ?? "invalid"}`);
}
