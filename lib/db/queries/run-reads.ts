import type { Db, Prisma } from "../client";
import type { RunStatus, Sample, Task } from "../generated/sqlite/client";
import { rethrowAsStudioError } from "./prisma-errors";

const SUMMARY = {
  owner: { select: { id: true, name: true, email: true } },
  rewardSpecVersion: { select: { id: true, specId: true, version: true, hash: true, spec: { select: { name: true } } } },
} as const satisfies Prisma.RunInclude;

/** A run with what its summary shows: owner and reward spec version (with the spec's name). */
export type RunWithSummary = Prisma.RunGetPayload<{ include: typeof SUMMARY }>;

const DETAIL = {
  owner: SUMMARY.owner,
  rewardSpecVersion: { select: { ...SUMMARY.rewardSpecVersion.select, body: true } },
  checkpoints: { select: { id: true, step: true, uri: true, createdAt: true }, orderBy: [{ step: "asc" }, { createdAt: "asc" }] },
} as const satisfies Prisma.RunInclude;

/** A run with its summary's relations, the reward spec body and the checkpoints it produced (by step). */
export type RunWithDetail = Prisma.RunGetPayload<{ include: typeof DETAIL }>;

/** Runs newest first, optionally of one task, status and owner; at most `take` (200). */
export function listRuns(db: Db, input: { task?: Task; status?: RunStatus; ownerId?: string; take?: number } = {}): Promise<RunWithSummary[]> {
  return db.run.findMany({
    where: { ...(input.task ? { task: input.task } : {}), ...(input.status ? { status: input.status } : {}), ...(input.ownerId ? { ownerId: input.ownerId } : {}) },
    include: SUMMARY,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.take ?? 200,
  });
}

export function findRunSummary(db: Db, input: { id: string }): Promise<RunWithSummary | null> {
  return db.run.findUnique({ where: { id: input.id }, include: SUMMARY });
}

export function findRunDetail(db: Db, input: { id: string }): Promise<RunWithDetail | null> {
  return db.run.findUnique({ where: { id: input.id }, include: DETAIL });
}

/**
 * Stores a run's eval samples at one step, idempotent per (run, step, sceneSeed): samples already
 * stored are kept as they are and not counted (the first of a seed within the batch wins).
 * One transaction; a concurrent copy that loses the race on the unique key is retried once.
 */
export async function recordRunSamples(
  db: Db,
  input: { runId: string; step: number; samples: { sceneSeed: number; output: Prisma.InputJsonValue; rewards?: Prisma.InputJsonValue }[] },
): Promise<number> {
  const attempt = () => db.$transaction(async (tx) => {
    const fresh = new Map(input.samples.map((s) => [s.sceneSeed, s] as const).reverse());
    const existing = await tx.sample.findMany({ where: { runId: input.runId, step: input.step, sceneSeed: { in: [...fresh.keys()] } }, select: { sceneSeed: true } });
    for (const e of existing) fresh.delete(e.sceneSeed);
    if (fresh.size === 0) return 0;
    const { count } = await tx.sample.createMany({ data: [...fresh.values()].map((s) => ({ ...s, runId: input.runId, step: input.step })) });
    return count;
  });
  try {
    return await attempt();
  } catch (err) {
    if ((err as { code?: unknown })?.code === "P2002") return attempt();
    rethrowAsStudioError(err, "run_samples", `a sample of run ${input.runId}`);
  }
}

/** Every step of a run that has samples, ascending. */
export async function listRunSampleSteps(db: Db, input: { runId: string }): Promise<number[]> {
  const rows = await db.sample.findMany({ where: { runId: input.runId, step: { not: null } }, select: { step: true }, distinct: ["step"], orderBy: { step: "asc" } });
  return rows.map((r) => r.step!);
}

/** A run's samples at one step, by scene seed. */
export function listRunSamples(db: Db, input: { runId: string; step: number }): Promise<Sample[]> {
  return db.sample.findMany({ where: { runId: input.runId, step: input.step }, orderBy: { sceneSeed: "asc" } });
}

/** A reward spec version with its spec's task, for checking a new run against it. */
export function findSpecVersionForRun(db: Db, input: { id: string }) {
  return db.rewardSpecVersion.findUnique({ where: { id: input.id }, select: { id: true, version: true, spec: { select: { name: true, task: true } } } });
}
