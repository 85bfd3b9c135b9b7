import { StudioError } from "@/lib/errors";
import { BASE_PREFIX, EVAL_PREFIX, isTrainPoint } from "@/lib/training/metric-points";
import type { Db, Prisma } from "../client";
import type { Run, RunKind, RunMetricPoint, RunStatus, Sample, Task } from "../generated/sqlite/client";
import { rethrowAsStudioError } from "./prisma-errors";

/**
 * Which status a run may move to from each status. A paused run resumes; a running one whose
 * trainer went quiet is still "running" here and is shown as interrupted (`isInterrupted`), and
 * resuming it is running -> running with a fresh heartbeat. Finished runs stay finished.
 */
const NEXT_STATUS: Record<RunStatus, readonly RunStatus[]> = {
  queued: ["running", "cancelled", "failed"],
  running: ["running", "paused", "completed", "failed", "cancelled"],
  paused: ["running", "cancelled", "failed"],
  completed: [],
  failed: [],
  cancelled: [],
};

/** A running run whose trainer has not been heard from for this long is shown as interrupted. */
export const RUN_HEARTBEAT_TIMEOUT_MS = 60_000;

/** Whether a run says "running" but its trainer (a closed tab, a stopped server) went quiet. */
export function isInterrupted(run: Pick<Run, "status" | "heartbeatAt" | "startedAt">, now = new Date()): boolean {
  if (run.status !== "running") return false;
  const last = run.heartbeatAt ?? run.startedAt;
  return !last || now.getTime() - last.getTime() > RUN_HEARTBEAT_TIMEOUT_MS;
}

export async function createRun(
  db: Db,
  input: {
    /** Chosen by the caller when the id must be known in advance (an idempotent create). */
    id?: string;
    ownerId: string;
    task: Task;
    kind: RunKind;
    settings: Prisma.InputJsonValue;
    name?: string;
    source?: "tab" | "cli";
    baseCheckpointId?: string;
    baseUri?: string;
    rewardSpecVersionId?: string;
    evalMetric?: string;
    baseEval?: number;
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
 * startedAt (first start), heartbeatAt and finishedAt. Read and write happen in one transaction.
 */
export function updateRunStatus(
  db: Db,
  input: { runId: string; status: RunStatus; error?: string; backend?: string; backendReason?: string },
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
        backendReason: input.backendReason ?? run.backendReason,
        startedAt: input.status === "running" ? (run.startedAt ?? now) : run.startedAt,
        heartbeatAt: input.status === "running" ? now : run.heartbeatAt,
        finishedAt: NEXT_STATUS[input.status].length === 0 ? now : null,
      },
    });
  });
}

/** One logged number: `value` null when it was not finite. */
export interface MetricPointInput {
  step: number;
  name: string;
  value: number | null;
}


/**
 * Stores a batch of metric points, idempotent per (run, step, name): points already stored are
 * left as they are and not counted, so a retried batch stores nothing twice. Returns how many
 * were new. Also records the trainer's sign of life, the steps done, and the best value of the
 * run's eval metric. A run that is not running or paused is `conflict:run`; an unknown one
 * `not_found:run`. One transaction; a concurrent copy of the same batch that loses the race on
 * the unique key is retried once, and then finds its points stored.
 */
export async function appendRunMetrics(db: Db, input: { runId: string; points: MetricPointInput[] }): Promise<{ added: number; run: Run }> {
  const attempt = () => db.$transaction(async (tx) => {
    const run = await tx.run.findUnique({ where: { id: input.runId } });
    if (!run) throw new StudioError("not_found:run", `run ${input.runId} was not found`);
    if (run.status !== "running" && run.status !== "paused") {
      throw new StudioError("conflict:run", `run ${run.id} is ${run.status}; points are taken only while it runs`);
    }
    // Within the batch, the first point of a (step, name) wins, as it would across batches.
    const unique = new Map<string, MetricPointInput>();
    for (const p of input.points) if (!unique.has(`${p.step}\u0000${p.name}`)) unique.set(`${p.step}\u0000${p.name}`, p);
    const steps = [...new Set(input.points.map((p) => p.step))];
    const existing = await tx.runMetricPoint.findMany({
      where: { runId: run.id, step: { in: steps }, name: { in: [...new Set(input.points.map((p) => p.name))] } },
      select: { step: true, name: true },
    });
    for (const e of existing) unique.delete(`${e.step}\u0000${e.name}`);
    const fresh = [...unique.values()];
    if (fresh.length > 0) await tx.runMetricPoint.createMany({ data: fresh.map((p) => ({ ...p, runId: run.id })) });
    const trainSteps = input.points.filter((p) => isTrainPoint(p.name)).map((p) => p.step + 1);
    // The base checkpoint evaluated on the run's own scenes is a better reference than its stored metrics.
    const base = run.evalMetric ? fresh.find((p) => p.name === BASE_PREFIX + run.evalMetric && p.value !== null)?.value : undefined;
    const evals = run.evalMetric ? input.points.filter((p) => p.name === EVAL_PREFIX + run.evalMetric && p.value !== null).map((p) => p.value as number) : [];
    const best = evals.length > 0 ? Math.max(run.bestEval ?? -Infinity, ...evals) : run.bestEval;
    const updated = await tx.run.update({
      where: { id: run.id },
      data: { heartbeatAt: new Date(), stepsDone: Math.max(run.stepsDone, ...trainSteps), bestEval: best, ...(typeof base === "number" ? { baseEval: base } : {}) },
    });
    return { added: fresh.length, run: updated };
  });
  try {
    return await attempt();
  } catch (err) {
    if ((err as { code?: unknown })?.code !== "P2002") {
      if (err instanceof StudioError) throw err;
      rethrowAsStudioError(err, "run_metrics", `a metric point of run ${input.runId}`);
    }
    return attempt();
  }
}

/** A run's metric points in (step, name) order, optionally only those whose name starts with `prefix`. */
export function listRunMetrics(db: Db, input: { runId: string; prefix?: string; fromStep?: number }): Promise<RunMetricPoint[]> {
  return db.runMetricPoint.findMany({
    where: { runId: input.runId, ...(input.prefix ? { name: { startsWith: input.prefix } } : {}), ...(input.fromStep !== undefined ? { step: { gte: input.fromStep } } : {}) },
    orderBy: [{ step: "asc" }, { name: "asc" }],
  });
}

/** Stores model outputs (with their reward terms, when scored) in one transaction. */
export async function recordSamples(
  db: Db,
  input: {
    checkpointId?: string;
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
