/**
 * The runs and reward-spec API as the tab calls it (page and Web Worker alike): one typed
 * function per route of lib/runs/contract.ts and /api/reward-specs. No TF.js, no React.
 * A refusal is an ApiError with the server's status, typed code and message.
 */
import type { CreateRunInput, MetricPoint, RunDetail, RunSample, RunStatusInput, RunSummary } from "@/lib/runs/contract";
import type { TaskId } from "@/lib/rewards/task-types";
import { ApiError, apiCall, queryString } from "@/lib/http/api-call";
import type { RewardSpecSummary, SavedRewardSpec as RewardSpecVersion } from "@/lib/reward-specs/contract";
import type { ServerCheckpoint } from "@/lib/training/browser-checkpoints";
import { shippedUri } from "@/lib/training/checkpoint-uris";
import type { SendResult } from "./outbox";

export { ApiError };
export type { RewardSpecSummary, SavedRewardSpec as RewardSpecVersion } from "@/lib/reward-specs/contract";

const call = async <T>(url: string, init?: Parameters<typeof apiCall>[1]): Promise<T> => (await apiCall<T>(url, init)).body;
const q = queryString;

/** Creates a run; the same `idempotencyKey` again (a retried launch) answers the run it made. */
export const createRun = async (body: CreateRunInput, idempotencyKey?: string) =>
  (await call<{ run: RunSummary }>("/api/runs", { json: body, ...(idempotencyKey ? { headers: { "idempotency-key": idempotencyKey } } : {}) })).run;
export const listRuns = async (query: { task?: TaskId; status?: string; mine?: boolean } = {}) =>
  (await call<{ runs: RunSummary[] }>(`/api/runs${q({ ...query, mine: query.mine ? "1" : undefined })}`)).runs;
export const getRun = async (id: string) => (await call<{ run: RunDetail }>(`/api/runs/${id}`)).run;
export const postRunStatus = async (id: string, body: RunStatusInput) => (await call<{ run: RunSummary }>(`/api/runs/${id}/status`, { json: body })).run;
/** Points from step `from` on (all when absent). */
export const getMetrics = async (id: string, from?: number) => (await call<{ points: MetricPoint[] }>(`/api/runs/${id}/metrics${q({ from })}`)).points;
export const getSamples = async (id: string, step?: number) => call<{ steps: number[]; samples: RunSample[] }>(`/api/runs/${id}/samples${q({ step })}`);
export const postSamples = async (id: string, body: { step: number; samples: { sceneSeed: number; output: unknown; rewards?: Record<string, number | null> }[] }) =>
  call<{ added: number }>(`/api/runs/${id}/samples`, { json: body });

/** Whether a failed request may succeed if sent again: no answer, a 5xx, a timeout or a throttle. */
export const retryable = (status: number | null) => status === null || status >= 500 || status === 408 || status === 429;

/** POST /api/runs/<id>/metrics as the outbox sends it: never throws, says whether to try again. */
export async function sendMetrics(id: string, points: MetricPoint[]): Promise<SendResult> {
  try {
    await call(`/api/runs/${id}/metrics`, { json: { points } });
    return { ok: true };
  } catch (err) {
    const status = err instanceof ApiError ? err.status : null;
    const text = err instanceof Error ? err.message : String(err);
    // 404 / 409: the run is gone or over, so the server will never take these points.
    if (status === 404 || status === 409) return { ok: false, retry: false, drop: true, message: text };
    return { ok: false, retry: retryable(status), message: text };
  }
}

export const listRewardSpecs = async (task: TaskId) => (await call<{ specs: RewardSpecSummary[] }>(`/api/reward-specs${q({ task })}`)).specs;
export const getRewardSpecVersion = async (versionId: string) => (await call<{ spec: RewardSpecVersion }>(`/api/reward-specs/${versionId}`)).spec;
/** Saves `spec` under `name`; the same content answers the version it already has (content-hashed). */
export const saveRewardSpec = async (name: string, spec: unknown) => (await call<{ spec: RewardSpecVersion }>("/api/reward-specs", { json: { name, spec } })).spec;

/** A checkpoint on the server as GET /api/checkpoints lists it. */
export type CheckpointListing = ServerCheckpoint;
export const listCheckpoints = async (task: TaskId) => (await call<{ checkpoints: CheckpointListing[] }>(`/api/checkpoints${q({ task })}`)).checkpoints;

/** The ids of the task's shipped MLE and tuned models among `list` (found by address), else its first two: the default pair to compare, rate or roll out. */
export function shippedPair(task: TaskId, list: readonly { id: string; uri: string }[]): { mle: string; tuned: string } {
  const byUri = (uri: string) => list.find((c) => c.uri === uri)?.id;
  const mle = byUri(shippedUri(task, "mle")) ?? list[0]?.id ?? "";
  return { mle, tuned: byUri(shippedUri(task, "tuned")) ?? list.find((c) => c.id !== mle)?.id ?? "" };
}
