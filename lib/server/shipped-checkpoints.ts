/**
 * The models shipped in public/models/<task>/<mle|tuned>/ as Checkpoint rows, so compare,
 * campaigns and rollouts can name them like any uploaded checkpoint, and the MLE model as each
 * task's serving model when none is set. Run at every start.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureServingModel, upsertShippedCheckpoint, type Db, type Prisma } from "@/lib/db";
import { TASK_IDS } from "@/lib/rewards/task-types";
import { shippedUri } from "@/lib/training/checkpoint-uris";

interface ShippedManifest { task: string; architecture?: { kind?: string }; evalMetrics?: Record<string, number> | null }

/** Registers every shipped model found under `publicDir`; the MLE one is its tuned sibling's parent. Returns how many. */
export async function registerShippedCheckpoints(db: Db, input: { publicDir: string }): Promise<number> {
  let count = 0;
  for (const task of TASK_IDS) {
    let mleId: string | undefined;
    for (const kind of ["mle", "tuned"] as const) {
      const uri = shippedUri(task, kind);
      const file = path.join(input.publicDir, uri);
      if (!existsSync(file)) continue;
      const modelJson = JSON.parse(readFileSync(file, "utf8")) as { userDefinedMetadata?: { manifest?: ShippedManifest } };
      const manifest = modelJson.userDefinedMetadata?.manifest;
      if (!manifest || manifest.task !== task) continue;
      const row = await upsertShippedCheckpoint(db, {
        name: `shipped ${task} ${kind === "mle" ? "MLE" : "tuned"}`,
        task,
        architecture: manifest.architecture?.kind ?? "unknown",
        uri,
        manifest: manifest as unknown as Prisma.InputJsonValue,
        ...(manifest.evalMetrics ? { evalMetrics: manifest.evalMetrics } : {}),
        ...(kind === "tuned" && mleId ? { parentId: mleId } : {}),
      });
      if (kind === "mle") mleId = row.id;
      count++;
    }
    // Until a roll-out promotes another, the MLE model answers the task's predictions.
    if (mleId) await ensureServingModel(db, { task, checkpointId: mleId });
  }
  return count;
}
