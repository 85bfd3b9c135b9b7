import { NextResponse } from "next/server";
import { campaignVotes } from "@/lib/db";
import { IdParams, ResultsQuerySchema } from "@/lib/rating/contract";
import { campaignResults } from "@/lib/rating/results";
import { route } from "@/lib/server/edge";
import { ownedCampaign } from "@/lib/server/rating-access";

const composite = (r: unknown): number | null => {
  const c = (r as { composite?: unknown } | null)?.composite;
  return typeof c === "number" && Number.isFinite(c) ? c : null;
};

/**
 * GET /api/campaigns/<id>/results?exclude=<rater id>,...: win rate of B over A (Wilson), ties as
 * half, Bradley–Terry with a bootstrap interval by pair (seeded), position bias, agreement
 * (Cohen's, Fleiss'), each rater against gold and the consensus with a below-chance flag, and the
 * scenes where people and the reward disagree; the excluded raters' votes left out. The owner or an admin.
 */
export const GET = route({
  surface: "campaign",
  action: "read this campaign's results",
  access: ["engineer", "admin"],
  params: IdParams,
  query: ResultsQuerySchema,
  handler: async ({ db, params, query, user }) => {
    // Ownership is checked here, where the campaign is read anyway (a read takes no same-origin check).
    const campaign = await ownedCampaign(db, { id: params.id, user, action: "read its results" });
    const { pairs, votes } = await campaignVotes(db, { campaignId: campaign.id });
    const results = campaignResults({
      votesPerPair: campaign.votesPerPair,
      pairs: pairs.map((p) => ({ id: p.id, sceneSeed: p.sceneSeed, note: p.note, gold: p.gold, rewardA: composite(p.rewardA), rewardB: composite(p.rewardB), outputA: p.outputA, outputB: p.outputB })),
      votes: votes.map((v) => ({ pairId: v.pairId, raterId: v.raterId, raterName: v.rater.name, choice: v.choice, aShownLeft: v.aShownLeft, comment: v.comment })),
    }, { exclude: query.exclude });
    return NextResponse.json({ results });
  },
});
