import { StudioError } from "@/lib/errors";
import type { Db, Prisma } from "../client";
import type {
  Checkpoint, PredictionLog, Rollout, RolloutEvent, RolloutStage, RolloutStageName, RolloutStatus, Task,
} from "../generated/sqlite/client";
import { rethrowAsStudioError } from "./prisma-errors";

export type RolloutWithHistory = Rollout & { stages: RolloutStage[]; events: RolloutEvent[] };

export interface StageInput {
  name: RolloutStageName;
  trafficPercent: number;
  gate: Prisma.InputJsonValue;
}

/** Creates a draft roll-out with its stages and a `created` event, in one transaction. */
export async function createRollout(
  db: Db,
  input: {
    name: string;
    task: Task;
    candidateId: string;
    baselineId: string;
    guardrails: Prisma.InputJsonValue;
    ownerId: string;
    stages: StageInput[];
  },
): Promise<RolloutWithHistory> {
  const { stages, ...rollout } = input;
  try {
    return await db.rollout.create({
      data: {
        ...rollout,
        stages: { create: stages.map((s, position) => ({ ...s, position })) },
        events: { create: { type: "created", details: { stages: stages.map((s) => s.name) }, actorId: input.ownerId } },
      },
      include: { stages: { orderBy: { position: "asc" } }, events: { orderBy: { createdAt: "asc" } } },
    });
  } catch (err) {
    rethrowAsStudioError(err, "rollout", `roll-out ${input.name}`);
  }
}

/** What a transition writes: the state the machine computed, the event, and the version it read. */
export interface AppliedTransition {
  rolloutId: string;
  /** The version the caller read; the write happens only if it is still the current one. */
  version: number;
  state: { status: RolloutStatus; stageIndex: number; stageStartedAt: Date | null; approvedStage: number | null; reason: string | null };
  event: { type: string; stage?: RolloutStageName; details: Prisma.InputJsonValue; actorId?: string };
  now: Date;
}

/**
 * Applies one transition in one transaction: the state (only if the roll-out is still at the
 * version the caller read: else 409, someone else moved it), its append-only event, the stages'
 * start and end times, and on completion the candidate as the task's serving model.
 */
export async function applyRolloutTransition(db: Db, input: AppliedTransition): Promise<RolloutWithHistory> {
  try {
    return await moveInTransaction(db, input);
  } catch (err) {
    // Another process held SQLite's write lock for the same move (P1008): it wrote, this one did
    // not, which is the same answer as losing the version check. (PostgreSQL waits, then sees the new version.)
    if ((err as { code?: unknown })?.code === "P1008") throw new StudioError("conflict:rollout", "the roll-out was being changed by another process; reload and try again", { cause: err });
    throw err;
  }
}

function moveInTransaction(db: Db, input: AppliedTransition): Promise<RolloutWithHistory> {
  return db.$transaction(async (tx) => {
    const found = await tx.rollout.findUnique({ where: { id: input.rolloutId }, include: { stages: { orderBy: { position: "asc" } } } });
    if (!found) throw new StudioError("not_found:rollout", `roll-out ${input.rolloutId} was not found`);
    const moved = await tx.rollout.updateMany({ where: { id: found.id, version: input.version }, data: { ...input.state, version: { increment: 1 } } });
    if (moved.count === 0) throw new StudioError("conflict:rollout", `roll-out "${found.name}" was changed meanwhile (by another request or server process); reload and try again`);
    await tx.rolloutEvent.create({ data: { rolloutId: found.id, ...input.event } });
    const before = found.stages[found.stageIndex];
    const after = found.stages[input.state.stageIndex];
    const ended = input.state.status === "completed" || input.state.status === "rolled_back";
    if (before && (before.position !== after?.position || ended) && found.status !== "draft") await tx.rolloutStage.update({ where: { id: before.id }, data: { endedAt: input.now } });
    if (after && !ended && (after.position !== before?.position || found.status === "draft")) await tx.rolloutStage.update({ where: { id: after.id }, data: { startedAt: input.now } });
    if (input.state.status === "completed") {
      await tx.servingModel.upsert({ where: { task: found.task }, create: { task: found.task, checkpointId: found.candidateId }, update: { checkpointId: found.candidateId } });
    }
    return tx.rollout.findUniqueOrThrow({ where: { id: found.id }, include: { stages: { orderBy: { position: "asc" } }, events: { orderBy: { createdAt: "asc" } } } });
  });
}

export function findRollout(db: Db, input: { id: string }): Promise<RolloutWithHistory | null> {
  return db.rollout.findUnique({
    where: { id: input.id },
    include: { stages: { orderBy: { position: "asc" } }, events: { orderBy: { createdAt: "asc" } } },
  });
}

/** The task's live roll-out (active or paused), if any: at most one per task. */
export function liveRollout(db: Db, input: { task: Task }): Promise<(Rollout & { stages: RolloutStage[]; candidate: Checkpoint; baseline: Checkpoint }) | null> {
  return db.rollout.findFirst({
    where: { task: input.task, status: { in: ["active", "paused"] } },
    include: { stages: { orderBy: { position: "asc" } }, candidate: true, baseline: true },
    orderBy: { createdAt: "desc" },
  });
}

export function listRollouts(db: Db, input: { task?: Task } = {}) {
  return db.rollout.findMany({
    where: input.task ? { task: input.task } : {},
    include: { candidate: { select: { id: true, name: true } }, baseline: { select: { id: true, name: true } }, stages: { orderBy: { position: "asc" } } },
    orderBy: [{ createdAt: "desc" }], take: 100,
  });
}

/** A roll-out's predictions (served and shadow; since `since`, of one stage, of one checkpoint), oldest first, with what the gates read. */
export function rolloutPredictions(db: Db, input: { rolloutId: string; since?: Date; stage?: RolloutStageName; checkpointId?: string; limit?: number }) {
  return db.predictionLog.findMany({
    where: {
      rolloutId: input.rolloutId,
      ...(input.since ? { createdAt: { gte: input.since } } : {}),
      ...(input.stage ? { stage: input.stage } : {}),
      ...(input.checkpointId ? { checkpointId: input.checkpointId } : {}),
    },
    select: { checkpointId: true, stage: true, shadow: true, metrics: true, error: true, latencyMs: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.limit ?? 20_000,
  });
}

export interface PredictionInput {
  checkpointId: string;
  rolloutId?: string;
  stage?: RolloutStageName;
  shadow?: boolean;
  requestId: string;
  task?: Task;
  keyHash?: string;
  sceneSeed?: number;
  output: Prisma.InputJsonValue;
  metrics?: Prisma.InputJsonValue;
  latencyMs: number;
  error?: string;
}

/** Appends served (or shadow) predictions in one transaction. */
export async function logPredictions(db: Db, input: { entries: PredictionInput[] }): Promise<number> {
  try {
    const res = await db.$transaction([db.predictionLog.createMany({ data: input.entries })]);
    return res[0].count;
  } catch (err) {
    rethrowAsStudioError(err, "prediction_log", "a prediction");
  }
}

/** The newest predictions of a roll-out, newest first. */
export function recentPredictions(db: Db, input: { rolloutId: string; limit?: number }): Promise<PredictionLog[]> {
  return db.predictionLog.findMany({
    where: { rolloutId: input.rolloutId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit ?? 100,
  });
}
