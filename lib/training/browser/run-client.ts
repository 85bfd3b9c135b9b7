/**
 * The runs and reward-spec API as the tab calls it (page and Web Worker alike): one typed
 * function per route of lib/runs/contract.ts and /api/reward-specs. No TF.js, no React.
 * A refusal is an ApiError with the server's status, typed code and message.
 */
import type { CreateRunInput, MetricPoint, RunDetail, RunSample, RunStatusInput, RunSummary } from "@/lib/runs/contract";
import type { TaskId } from "@/lib/rewards/task-types";
import type { SendResult } from "./outbox";

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code: string) {
    super(message);
    this.name = "ApiError";
  }
}

/** A reward spec with its versions, as GET /api/reward-specs lists it. */
export interface RewardSpecSummary {
  id: string;
  name: string;
  task: TaskId;
  owner: { id: string; name: string };
  versions: { id: string; version: number; hash: string; createdAt: string; author: { id: string; name: string } }[];
}

/** One version of a reward spec with its body (the RewardSpec JSON). */
export interface RewardSpecVersion {
  id: string;
  name: string;
  task: TaskId;
  version: number;
  hash: string;
  body: unknown;
}

async function call<T>(url: string, init?: RequestInit & { json?: unknown; headers?: Record<string, string> }): Promise<T> {
  const { json, headers, ...rest } = init ?? {};
  const res = await fetch(url, {
    cache: "no-store",
    ...rest,
    ...(json !== undefined ? { method: rest.method ?? "POST", body: JSON.stringify(json), headers: { "content-type": "application/json", ...headers } } : {}),
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    throw new ApiError(body?.message ?? `the server answered HTTP ${res.status}`, res.status, body?.code ?? `http:${res.status}`);
  }
  return (await res.json()) as T;
}

const q = (params: Record<string, string | number | boolean | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();
  return s ? `?${s}` : "";
};

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

/** A checkpoint on the server as GET /api/checkpoints lists it (the fields the Runs pages use). */
export interface CheckpointListing {
  id: string;
  name: string;
  task: TaskId;
  kind: "mle" | "reinforce" | null;
  step: number | null;
  evalMetrics: Record<string, number | null> | null;
  uri: string;
}
export const listCheckpoints = async (task: TaskId) => (await call<{ checkpoints: CheckpointListing[] }>(`/api/checkpoints${q({ task })}`)).checkpoints;
