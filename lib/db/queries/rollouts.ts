import { StudioError } from "@/lib/errors";
import type { Db, Prisma } from "../client";
import type {
  PredictionLog, Rollout, RolloutEvent, RolloutStage, RolloutStageName, RolloutStatus, Task,
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

/**
 * Changes a roll-out's status and appends the event that explains it (advanced, paused,
 * guardrail breach, rolled back...) atomically: there is never a status without its event.
 */
export function transitionRollout(
  db: Db,
  input: {
    rolloutId: string;
    status: RolloutStatus;
    event: { type: string; stage?: RolloutStageName; details: Prisma.InputJsonValue; actorId?: string };
  },
): Promise<RolloutWithHistory> {
  return db.$transaction(async (tx) => {
    const found = await tx.rollout.findUnique({ where: { id: input.rolloutId } });
    if (!found) throw new StudioError("not_found:rollout", `roll-out ${input.rolloutId} was not found`);
    if (found.status === "rolled_back" || found.status === "completed") {
      throw new StudioError("conflict:rollout", `roll-out ${found.name} is ${found.status}; start a new one`);
    }
    await tx.rolloutEvent.create({ data: { rolloutId: found.id, ...input.event } });
    return tx.rollout.update({
      where: { id: found.id },
      data: { status: input.status },
      include: { stages: { orderBy: { position: "asc" } }, events: { orderBy: { createdAt: "asc" } } },
    });
  });
}

export function findRollout(db: Db, input: { id: string }): Promise<RolloutWithHistory | null> {
  return db.rollout.findUnique({
    where: { id: input.id },
    include: { stages: { orderBy: { position: "asc" } }, events: { orderBy: { createdAt: "asc" } } },
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
