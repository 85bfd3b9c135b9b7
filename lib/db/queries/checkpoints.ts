import type { Db, Prisma } from "../client";
import type { Checkpoint, Task } from "../generated/sqlite/client";
import { rethrowAsStudioError } from "./prisma-errors";

export interface RegisterCheckpointInput {
  /** Chosen by the caller when the files' location must be known before the row exists (uploads). */
  id?: string;
  name: string;
  task: Task;
  architecture: string;
  uri: string;
  manifest: Prisma.InputJsonValue;
  evalMetrics?: Prisma.InputJsonValue;
  parentId?: string;
  producedById?: string;
  /** The step of that run it was saved at. */
  step?: number;
  uploaderId?: string;
  /** SHA-256 of an upload's files; unique, so the same content is one checkpoint. */
  contentHash?: string;
}

/** Records a checkpoint; an unknown parent or run is `not_found:checkpoint`. */
export async function registerCheckpoint(db: Db, input: RegisterCheckpointInput): Promise<Checkpoint> {
  try {
    return await db.checkpoint.create({ data: input });
  } catch (err) {
    rethrowAsStudioError(err, "checkpoint", `checkpoint ${input.name}`);
  }
}

/** Removes a checkpoint row (undoing a registration whose files could not be put in place). */
export async function deleteCheckpoint(db: Db, input: { id: string }): Promise<void> {
  try {
    await db.checkpoint.delete({ where: { id: input.id } });
  } catch (err) {
    rethrowAsStudioError(err, "checkpoint", `checkpoint ${input.id}`);
  }
}

/** Checkpoints, optionally of one task, oldest first. */
export function listCheckpoints(db: Db, input: { task?: Task } = {}): Promise<Checkpoint[]> {
  return db.checkpoint.findMany({ where: input.task ? { task: input.task } : {}, orderBy: { createdAt: "asc" } });
}

export function findCheckpoint(db: Db, input: { id: string }): Promise<Checkpoint | null> {
  return db.checkpoint.findUnique({ where: { id: input.id } });
}

/** The checkpoint uploaded with exactly this content, if any. */
export function findCheckpointByContentHash(db: Db, input: { contentHash: string }): Promise<Checkpoint | null> {
  return db.checkpoint.findUnique({ where: { contentHash: input.contentHash } });
}

/** Checkpoints whose files this server stores (their uri is under `uriPrefix`): id and uri only. */
export function listStoredCheckpointIds(db: Db, input: { uriPrefix: string }): Promise<{ id: string; uri: string }[]> {
  return db.checkpoint.findMany({ where: { uri: { startsWith: input.uriPrefix } }, select: { id: true, uri: true } });
}

/** The chain from a checkpoint up to its root (the MLE model it descends from), nearest first. */
export async function checkpointLineage(db: Db, input: { id: string }): Promise<Checkpoint[]> {
  const chain: Checkpoint[] = [];
  const seen = new Set<string>();
  let next: string | null = input.id;
  while (next && !seen.has(next)) {
    seen.add(next);
    const found: Checkpoint | null = await db.checkpoint.findUnique({ where: { id: next } });
    if (!found) break;
    chain.push(found);
    next = found.parentId;
  }
  return chain;
}

/**
 * Records a checkpoint the server ships (public/models/...) under its uri, once: the same uri
 * again updates its manifest and metrics, so shipping a new model is picked up at the next start.
 */
export function upsertShippedCheckpoint(
  db: Db,
  input: { name: string; task: Task; architecture: string; uri: string; manifest: Prisma.InputJsonValue; evalMetrics?: Prisma.InputJsonValue; parentId?: string },
): Promise<Checkpoint> {
  const { uri, ...rest } = input;
  return db.checkpoint.upsert({ where: { uri }, create: input, update: rest });
}

export function findCheckpointByUri(db: Db, input: { uri: string }): Promise<Checkpoint | null> {
  return db.checkpoint.findUnique({ where: { uri: input.uri } });
}
