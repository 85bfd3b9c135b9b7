/**
 * Checkpoints uploaded to this server: read the multipart upload TF.js sends, store the files
 * under `<data dir>/checkpoints/<id>/` and register the row, serve them back. Server-only; the
 * route handlers under app/api/checkpoints only validate, authorise and call these.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { findCheckpoint, findCheckpointByContentHash, registerCheckpoint, type Checkpoint, type Db, type Prisma } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import type { ServerCheckpoint } from "@/lib/training/browser-checkpoints";
import type { CheckpointManifest } from "@/lib/training/checkpoint";
import { SERVER_CHECKPOINTS } from "@/lib/training/checkpoint-uris";
import { parseCheckpointUpload } from "@/lib/training/manifest-schema";
import { saveCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { CHECKPOINT_ID, uploadFolderName } from "./checkpoint-paths";
import { findUnstorable } from "./unstorable";

export { checkpointsRoot } from "./checkpoint-paths";

/** Largest upload accepted: the smoke and default models are 0.2-3 MB with optimizer state. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;


/** Where a stored checkpoint's model.json is served. */
export const serverCheckpointUri = (id: string): string => `${SERVER_CHECKPOINTS}/${id}/model.json`;
const SERVER_URI = /^\/api\/checkpoints\/([A-Za-z0-9_-]{1,64})\/model\.json$/;
const FILE_NAME = /^(model\.json|weights-[0-9a-f]{16}\.bin)$/;
const ID = CHECKPOINT_ID;

/** The checkpoint as GET /api/checkpoints lists it. */
export function describeCheckpoint(c: Checkpoint): ServerCheckpoint {
  const m = c.manifest as unknown as Partial<CheckpointManifest>;
  return {
    id: c.id, name: c.name, task: c.task, kind: m.run?.kind ?? null, params: m.params ?? 0, step: m.run?.step ?? null,
    parent: m.parent ?? null, evalMetrics: (c.evalMetrics as ServerCheckpoint["evalMetrics"]) ?? null,
    createdAt: c.createdAt.toISOString(), savedAt: m.createdAt ?? c.createdAt.toISOString(), uri: c.uri,
  };
}

/** What an upload must look like, for the edge's 415 and 400 messages. */
export const UPLOAD_FORM = "the files model.json and model.weights.bin, as tf.io.http(url).save() sends";

/**
 * Checks the multipart form `tf.io.http(url).save()` sends: `model.json` (the topology,
 * weights manifest and our manifest) and `model.weights.bin` (all weights, in order).
 */
export async function parseCheckpointForm(form: FormData): Promise<ReturnType<typeof parseCheckpointUpload>> {
  const json = form.get("model.json");
  const weights = form.get("model.weights.bin");
  if (json === null) throw new StudioError("bad_request:checkpoint", "model.json: missing", { field: "model.json" });
  if (!(weights instanceof Blob)) throw new StudioError("bad_request:checkpoint", "model.weights.bin: missing (expected a file)", { field: "model.weights.bin" });
  const modelJson = typeof json === "string" ? json : utf8(new Uint8Array(await json.arrayBuffer()));
  refuseUnstorable(modelJson);
  return parseCheckpointUpload({
    modelJson,
    weights: new Uint8Array(await weights.arrayBuffer()),
  });
}

/** model.json's text, refused unless it is UTF-8 (Blob.text() would turn bad bytes into U+FFFD and store that). */
function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new StudioError("bad_request:checkpoint", "model.json: expected UTF-8 text", { field: "model.json" });
  }
}

/** model.json's text and keys end up in the database (the manifest) and on disk: refuse what they cannot keep. */
function refuseUnstorable(modelJson: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(modelJson);
  } catch {
    return; // parseCheckpointUpload says why it is not JSON
  }
  const found = findUnstorable(parsed);
  if (found) throw new StudioError("bad_request:checkpoint", `model.json: ${found.field ? `${found.field}: ` : ""}${found.message}`, { field: "model.json" });
}

/** The id of the server checkpoint a parent address names, when it is one of ours and exists. */
async function serverParentId(db: Db, parent: string | null): Promise<string | undefined> {
  const id = parent?.match(SERVER_URI)?.[1];
  return id && (await findCheckpoint(db, { id })) ? id : undefined;
}

/** SHA-256 of a stored folder's model.json and weights: what "the same content" means for uploads. */
function contentHashOf(dir: string): string {
  const h = createHash("sha256").update(readFileSync(path.join(dir, "model.json")));
  for (const f of readdirSync(dir).filter((f) => FILE_NAME.test(f) && f !== "model.json").sort()) h.update(readFileSync(path.join(dir, f)));
  return h.digest("hex");
}

const isConflict = (err: unknown) => err instanceof StudioError && err.code === "conflict:checkpoint";

/**
 * Stores a checked upload, files first: written into a temporary folder under `root`, renamed
 * to `root/<id>`, and only then the row that lists it. A crash leaves at most a folder without
 * a row, which the sweep at start removes; never a listed checkpoint without files. The same
 * content uploaded again (by anyone) returns the existing checkpoint, `created: false`.
 */
export async function storeCheckpoint(
  db: Db,
  input: {
    root: string; artifacts: Parameters<typeof saveCheckpointDir>[1]; manifest: CheckpointManifest; name?: string; uploaderId?: string;
    /** The run that produced it and the step it was saved at. */
    producedById?: string; step?: number;
  },
): Promise<{ checkpoint: Checkpoint; created: boolean }> {
  const { manifest } = input;
  const id = randomBytes(12).toString("base64url"); // 96 random bits, 16 URL-safe characters
  mkdirSync(input.root, { recursive: true });
  const tmp = path.join(input.root, uploadFolderName(id));
  const final = path.join(input.root, id);
  try {
    saveCheckpointDir(tmp, input.artifacts);
    const contentHash = contentHashOf(tmp);
    const existing = await findCheckpointByContentHash(db, { contentHash });
    if (existing) return { checkpoint: existing, created: false };
    renameSync(tmp, final);
    try {
      const checkpoint = await registerCheckpoint(db, {
        id,
        name: input.name ?? `${manifest.task}-${manifest.run?.kind ?? "model"}-step${manifest.run?.step ?? 0}`,
        task: manifest.task,
        architecture: manifest.architecture.kind,
        uri: serverCheckpointUri(id),
        manifest: manifest as unknown as Prisma.InputJsonValue,
        ...(manifest.evalMetrics ? { evalMetrics: manifest.evalMetrics as Prisma.InputJsonValue } : {}),
        parentId: await serverParentId(db, manifest.parent),
        contentHash,
        ...(input.uploaderId ? { uploaderId: input.uploaderId } : {}),
        ...(input.producedById ? { producedById: input.producedById, step: input.step } : {}),
      });
      return { checkpoint, created: true };
    } catch (err) {
      rmSync(final, { recursive: true, force: true });
      // The same content registered by a concurrent upload between our look-up and insert.
      const winner = isConflict(err) ? await findCheckpointByContentHash(db, { contentHash }) : null;
      if (winner) return { checkpoint: winner, created: false };
      throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A stored checkpoint's file (model.json or its weights) with its content type; `not_found:checkpoint`
 * for an unknown id, a name that is not one of its files, or anything that tries to leave the folder.
 */
export async function readCheckpointFile(db: Db, input: { root: string; id: string; file: string }): Promise<{ body: Buffer; type: string }> {
  const missing = new StudioError("not_found:checkpoint", `no checkpoint file /api/checkpoints/${input.id.slice(0, 64)}/${input.file.slice(0, 64)}`);
  if (!ID.test(input.id) || !FILE_NAME.test(input.file)) throw missing;
  const row = await findCheckpoint(db, { id: input.id });
  if (!row || row.uri !== serverCheckpointUri(input.id)) throw missing;
  try {
    const body = readFileSync(path.join(input.root, input.id, input.file));
    return { body, type: input.file.endsWith(".json") ? "application/json" : "application/octet-stream" };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw missing;
    throw err;
  }
}
