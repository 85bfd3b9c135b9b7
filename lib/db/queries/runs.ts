import { StudioError } from "@/lib/errors";
import type { Db, Prisma } from "../client";
import type { Run, RunKind, RunMetricPoint, RunStatus, Sample, Task } from "../generated/sqlite/client";
import { rethrowAsStudioError } from "./prisma-errors";

/** Which status a run may move to from each status. Finished runs stay finished. */
const NEXT_STATUS: Record<RunStatus, readonly RunStatus[]> = {
  queued: ["running", "cancelled", "failed"],
  running: ["completed", "failed", "cancelled"],
  completed: [],
  failed: [],
  cancelled: [],
};

export async function createRun(
  db: Db,
  input: {
    ownerId: string;
    task: Task;
    kind: RunKind;
    settings: Prisma.InputJsonValue;
    baseCheckpointId?: string;
    rewardSpecVersionId?: string;
  },
): Promise<Run> {
  try {
    return await db.run.create({ data: input });
  } catch (err) {
    rethrowAsStudioError(err, "run", "the run");
  }
}

/**
 * Moves a run to `status` if the transition is allowed (`conflict:run` otherwise), stamping
 * startedAt / finishedAt. Read and write happen in one transaction.
 */
export function updateRunStatus(
  db: Db,
  input: { runId: string; status: RunStatus; error?: string; backend?: string },
): Promise<Run> {
  return db.$transaction(async (tx) => {
    const run = await tx.run.findUnique({ where: { id: input.runId } });
    if (!run) throw new StudioError("not_found:run", `run ${input.runId} was not found`);
    if (!NEXT_STATUS[run.status].includes(input.status)) {
      throw new StudioError("conflict:run", `run ${run.id} is ${run.status} and cannot become ${input.status}`);
    }
    const now = new Date();
    return tx.run.update({
      where: { id: run.id },
      data: {
        status: input.status,
        error: input.error ?? null,
        backend: input.backend ?? run.backend,
        startedAt: input.status === "running" ? now : run.startedAt,
        finishedAt: NEXT_STATUS[input.status].length === 0 ? now : null,
      },
    });
  });
}

export interface MetricPointInput {
  step: number;
  phase: "train" | "eval";
  metrics: Prisma.InputJsonValue;
}

/**
 * Appends a batch of metric points as the trainer streams them. All or nothing: a step logged
 * twice (`conflict:run_metrics`) or an unknown run rolls the whole batch back.
 */
export async function appendRunMetrics(db: Db, input: { runId: string; points: MetricPointInput[] }): Promise<number> {
  try {
    const res = await db.$transaction([
      db.runMetricPoint.createMany({ data: input.points.map((p) => ({ ...p, runId: input.runId })) }),
    ]);
    return res[0].count;
  } catch (err) {
    rethrowAsStudioError(err, "run_metrics", `a metric point of run ${input.runId}`);
  }
}

/** A run's metric points in step order, optionally of one phase. */
export function listRunMetrics(db: Db, input: { runId: string; phase?: "train" | "eval" }): Promise<RunMetricPoint[]> {
  return db.runMetricPoint.findMany({
    where: { runId: input.runId, ...(input.phase ? { phase: input.phase } : {}) },
    orderBy: [{ phase: "asc" }, { step: "asc" }],
  });
}

/** Stores model outputs (with their reward terms, when scored) in one transaction. */
export async function recordSamples(
  db: Db,
  input: {
    checkpointId: string;
    runId?: string;
    step?: number;
    samples: { sceneSeed: number; output: Prisma.InputJsonValue; rewards?: Prisma.InputJsonValue }[];
  },
): Promise<number> {
  const { samples, ...common } = input;
  try {
    const res = await db.$transaction([db.sample.createMany({ data: samples.map((s) => ({ ...common, ...s })) })]);
    return res[0].count;
  } catch (err) {
    rethrowAsStudioError(err, "sample", "a sample");
  }
}

export function listSamples(db: Db, input: { checkpointId: string; sceneSeeds?: number[] }): Promise<Sample[]> {
  return db.sample.findMany({
    where: { checkpointId: input.checkpointId, ...(input.sceneSeeds ? { sceneSeed: { in: input.sceneSeeds } } : {}) },
    orderBy: [{ sceneSeed: "asc" }, { createdAt: "asc" }],
  });
}
