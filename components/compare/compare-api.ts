/**
 * The compare page's calls to the server: checkpoints of a task, the comparison cache, draft
 * campaigns. A refusal throws an Error carrying the server's message and typed code.
 */
import type { CampaignPost, CampaignSummary, ComparisonKey, ComparisonPost, StoredComparison } from "@/lib/compare/contract";
import type { TaskId } from "@/lib/rewards/task-types";
import type { ServerCheckpoint } from "@/lib/training/browser-checkpoints";

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code: string) {
    super(message);
    this.name = "ApiError";
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { cache: "no-store", ...init });
  const body = (await res.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
  if (!res.ok) throw new ApiError(body?.message ?? `the server answered HTTP ${res.status}`, res.status, body?.code ?? `http:${res.status}`);
  return body as T;
}

const json = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export const listCheckpoints = async (task: TaskId) => (await call<{ checkpoints: ServerCheckpoint[] }>(`/api/checkpoints?task=${task}`)).checkpoints;

/** The cached comparison for `key`, or null when the server has none. */
export async function cachedComparison(key: ComparisonKey): Promise<StoredComparison | null> {
  const q = new URLSearchParams(Object.entries(key).map(([k, v]) => [k, String(v)]));
  try {
    return (await call<{ comparison: StoredComparison }>(`/api/comparisons?${q}`)).comparison;
  } catch (err) {
    if (err instanceof ApiError && err.code === "not_found:comparison") return null;
    throw err;
  }
}

export const saveComparison = async (body: ComparisonPost) => (await call<{ comparison: StoredComparison }>("/api/comparisons", json(body))).comparison;

export const listDrafts = async (task: TaskId) => (await call<{ campaigns: CampaignSummary[] }>(`/api/campaigns?status=draft&task=${task}`)).campaigns;

export const sendPairs = (body: CampaignPost) => call<{ campaign: CampaignSummary; added: number }>("/api/campaigns", json(body));
