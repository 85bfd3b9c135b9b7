/**
 * The rating pages' calls to the server: campaigns (create, open, close, read, results), raters
 * to invite, and a rater's assignments and votes. A refusal throws an ApiError with the server's
 * message and typed code.
 */
import type { CampaignPost, CampaignSummary } from "@/lib/compare/contract";
import { ApiError, apiCall, queryString } from "@/lib/http/api-call";
import type { CampaignDetail, NextAnswer, OpenCampaign, RaterCampaign, SideChoice, VoteAnswer } from "@/lib/rating/contract";
import type { CampaignResults } from "@/lib/rating/results";
import type { TaskId } from "@/lib/rewards/task-types";

const call = async <T>(url: string, init?: Parameters<typeof apiCall>[1]): Promise<T> => (await apiCall<T>(url, init)).body;

/** A refusal's field (its first part: "scenes" for "scenes.count") and message, for the form to show by that field. */
export function fieldError(err: unknown): { field: string; message: string } | null {
  return err instanceof ApiError && err.field ? { field: err.field.split(".")[0]!, message: err.message } : null;
}

export interface Ratable { id: string; name: string; email: string; role: string }

export const listCampaigns = async (task?: TaskId) => (await call<{ campaigns: CampaignSummary[] }>(`/api/campaigns${queryString({ task })}`)).campaigns;
export const createCampaign = (body: CampaignPost) => call<{ campaign: CampaignSummary; added: number; seconds?: number }>("/api/campaigns", { json: body });
export const campaignDetail = async (id: string) => (await call<{ campaign: CampaignDetail }>(`/api/campaigns/${id}`)).campaign;
export const openCampaign = (id: string, settings: OpenCampaign) => call<{ campaign: CampaignSummary; seconds: number }>(`/api/campaigns/${id}/open`, { json: settings });
export const closeCampaign = (id: string) => call<{ campaign: CampaignSummary }>(`/api/campaigns/${id}/close`, { method: "POST" });
export const campaignResults = async (id: string, exclude: readonly string[]) =>
  (await call<{ results: CampaignResults }>(`/api/campaigns/${id}/results${queryString({ exclude: exclude.join(",") })}`)).results;
export const listRatable = async () => (await call<{ raters: Ratable[] }>("/api/raters")).raters;

export const myCampaigns = async () => (await call<{ campaigns: RaterCampaign[] }>("/api/rating")).campaigns;
export const nextAssignment = (campaignId: string) => call<NextAnswer>(`/api/campaigns/${campaignId}/next`);
/** Sends a vote; `key` names it, so a retry (or a second click) stores nothing twice. */
export const castVote = (assignmentId: string, body: { choice: SideChoice; comment: string }, key: string) =>
  call<VoteAnswer>(`/api/assignments/${assignmentId}/vote`, { json: body, headers: { "idempotency-key": key } });
export const undoVote = (assignmentId: string) => call<{ undone: boolean }>(`/api/assignments/${assignmentId}/vote`, { method: "DELETE" });
