/**
 * Creating runs and checking who may write to one: the runs routes validate, then call these.
 * Server-only.
 */
import "server-only";
import { createHash } from "node:crypto";
import type { SessionUser } from "@/lib/auth";
import { createRun, findCheckpoint, findCheckpointByUri, findRunSummary, findSpecVersionForRun, type Db, type Prisma, type Run, type RunWithSummary } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import type { z } from "zod";
import { TASK_EVAL_METRIC } from "@/lib/training/metric-points";
import { parseRunSettings, type CreateRunRequest } from "./run-schemas";

/**
 * The id of the run that `key` creates for `userId`: derived, so the same key from the same user
 * names the same row, and the primary key makes a concurrent second create fail instead of
 * making a twin. (No column for the key is needed.)
 */
export const idempotentRunId = (userId: string, key: string): string =>
  `idem${createHash("sha256").update(`${userId}\u0000${key}`, "utf8").digest("base64url").slice(0, 28)}`;

type CreateBody = z.output<typeof CreateRunRequest>;

function sameRequest(run: Run, body: CreateBody): boolean {
  return run.task === body.task && run.kind === body.kind && run.rewardSpecVersionId === (body.rewardSpecVersionId ?? null)
    && run.baseCheckpointId === (body.baseCheckpointId ?? null) && run.baseUri === (body.baseUri ?? null);
}

/** Checks the reward spec version and base checkpoint against the run's task; returns the base model's eval value when known. */
async function checkReferences(db: Db, body: CreateBody, evalMetric: string): Promise<number | undefined> {
  if (body.rewardSpecVersionId) {
    const v = await findSpecVersionForRun(db, { id: body.rewardSpecVersionId });
    if (!v) throw new StudioError("not_found:run", `rewardSpecVersionId: reward spec version ${body.rewardSpecVersionId} was not found; save the reward spec first`, { field: "rewardSpecVersionId" });
    if (v.spec.task !== body.task) {
      throw new StudioError("bad_request:run", `rewardSpecVersionId: "${v.spec.name}" v${v.version} is a ${v.spec.task} reward; the run is ${body.task}`, { field: "rewardSpecVersionId" });
    }
  }
  if (!body.baseCheckpointId) return undefined;
  const base = await findCheckpoint(db, { id: body.baseCheckpointId });
  if (!base) throw new StudioError("not_found:run", `baseCheckpointId: checkpoint ${body.baseCheckpointId} was not found`, { field: "baseCheckpointId" });
  if (base.task !== body.task) {
    throw new StudioError("bad_request:run", `baseCheckpointId: ${base.name} is a ${base.task} checkpoint; the run is ${body.task}`, { field: "baseCheckpointId" });
  }
  const value = (base.evalMetrics as Record<string, unknown> | null)?.[evalMetric];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * A base named by its address that the server knows as a checkpoint (a shipped model's
 * /models/<task>/mle/model.json, an upload's /api/checkpoints/<id>/model.json) is that checkpoint:
 * the run then links it as well, and its held-out metric is the run's reference value.
 */
async function resolveBase(db: Db, body: CreateBody): Promise<CreateBody> {
  if (body.baseCheckpointId || !body.baseUri) return body;
  const known = await findCheckpointByUri(db, { uri: body.baseUri });
  if (!known) return body;
  return { ...body, baseCheckpointId: known.id }; // the address is kept too: the tab loads the base from it
}

/**
 * Creates a run for `user` (queued), after checking its references. With an idempotency key the
 * same key from the same user returns the run it made (`created: false`); the same key with a
 * different task, kind, spec or base is `conflict:run`.
 */
export async function createRunFor(db: Db, input: { user: SessionUser; body: CreateBody; idempotencyKey?: string }): Promise<{ run: RunWithSummary; created: boolean }> {
  const { user } = input;
  const body = await resolveBase(db, input.body);
  const id = input.idempotencyKey === undefined ? undefined : idempotentRunId(user.id, input.idempotencyKey);
  const replay = async (): Promise<{ run: RunWithSummary; created: boolean } | null> => {
    const existing = id ? await findRunSummary(db, { id }) : null;
    if (!existing) return null;
    if (!sameRequest(existing, body)) {
      throw new StudioError("conflict:run", `Idempotency-Key was already used for run ${existing.id} (${existing.task}, ${existing.kind}); use a new key for a different run`, { field: "Idempotency-Key" });
    }
    return { run: existing, created: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const evalMetric = TASK_EVAL_METRIC[body.task];
  const baseEval = await checkReferences(db, body, evalMetric);
  const settings = parseRunSettings(body);
  if (!settings.success) throw new StudioError("bad_request:run", "settings: invalid", { field: "settings" }); // the schema checked them already
  try {
    const run = await createRun(db, {
      ...(id ? { id } : {}), ownerId: user.id, task: body.task, kind: body.kind, name: body.name, source: body.source,
      settings: settings.data as Prisma.InputJsonValue, evalMetric,
      ...(body.baseCheckpointId ? { baseCheckpointId: body.baseCheckpointId } : {}), ...(body.baseUri ? { baseUri: body.baseUri } : {}),
      ...(body.rewardSpecVersionId ? { rewardSpecVersionId: body.rewardSpecVersionId } : {}), ...(baseEval !== undefined ? { baseEval } : {}),
    });
    return { run: (await findRunSummary(db, { id: run.id }))!, created: true };
  } catch (err) {
    // The same key sent twice at once: the other request made the run.
    const raced = err instanceof StudioError && err.code === "conflict:run" ? await replay() : null;
    if (raced) return raced;
    throw err;
  }
}
