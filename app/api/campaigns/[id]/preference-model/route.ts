import { NextResponse } from "next/server";
import { campaignVotes } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { IdParams, ResultsQuerySchema } from "@/lib/rating/contract";
import { learnPreference } from "@/lib/rating/learned-reward";
import { trainerRewardContext, type TaskId } from "@/lib/rewards";
import { route } from "@/lib/server/edge";
import { ownedCampaign } from "@/lib/server/rating-access";

/**
 * GET /api/campaigns/<id>/preference-model?exclude=<rater id>,...: a reward learned from the
 * campaign's votes (Bradley–Terry on the task's own reward terms of both outputs), as the params
 * of a `human_preference` term, with its held-out pairwise accuracy (5-fold by pair) against the
 * majority side, each with a Wilson interval. 409 while there are too few decisive votes. The owner or an admin.
 */
export const GET = route({
  surface: "campaign",
  action: "learn a reward from this campaign",
  access: ["engineer", "admin"],
  params: IdParams,
  query: ResultsQuerySchema,
  handler: async ({ db, params, query, user }) => {
    // Ownership is checked here, where the campaign is read anyway (a read takes no same-origin check).
    const campaign = await ownedCampaign(db, { id: params.id, user, action: "learn a reward from it" });
    if (campaign.status === "draft") throw new StudioError("conflict:campaign", `campaign "${campaign.name}" is a draft: it has no votes yet`);
    const { pairs, votes } = await campaignVotes(db, { campaignId: campaign.id });
    return NextResponse.json(learnPreference({ task: campaign.task as TaskId, campaignId: campaign.id, pairs, votes }, trainerRewardContext(), { exclude: query.exclude }));
  },
});
