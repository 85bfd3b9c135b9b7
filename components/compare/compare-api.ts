/**
 * The compare page's calls to the server: checkpoints of a task, the comparison cache, draft
 * campaigns. A refusal throws an Error carrying the server's message and typed code.
 */
import type { CampaignPost, CampaignSummary, ComparisonKey, ComparisonPost, StoredComparison } from "@/lib/compare/contract";
import type { TaskId } from "@/lib/rewards/task-types";
import { ApiError, apiCall } from "@/lib/http/api-call";
import { listCheckpoints } from "@/lib/training/browser/run-client";

const call = async <T>(url: string, init?: Parameters<typeof apiCall>[1]): Promise<T> => (await apiCall<T>(url, init)).body;

export { listCheckpoints };

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

export const saveComparison = async (body: ComparisonPost) => (await call<{ comparison: StoredComparison }>("/api/comparisons", { json: body })).comparison;

export const listDrafts = async (task: TaskId) => (await call<{ campaigns: CampaignSummary[] }>(`/api/campaigns?status=draft&task=${task}`)).campaigns;

export const sendPairs = (body: CampaignPost) => call<{ campaign: CampaignSummary; added: number }>("/api/campaigns", { json: body });
