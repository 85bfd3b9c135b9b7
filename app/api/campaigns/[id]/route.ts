import { NextResponse } from "next/server";
import { campaignDetail } from "@/lib/db";
import { IdParams, type CampaignDetail } from "@/lib/rating/contract";
import { route } from "@/lib/server/edge";
import { ownedCampaign } from "@/lib/server/rating-access";

/** GET /api/campaigns/<id>: the campaign with its settings, raters and vote counts. The owner or an admin. */
export const GET = route({
  surface: "campaign",
  action: "read this campaign",
  access: ["engineer", "admin"],
  params: IdParams,
  authorize: async ({ db, params, user }) => { await ownedCampaign(db, { id: params.id, user, action: "read it" }); },
  handler: async ({ db, params }) => {
    const d = (await campaignDetail(db, { id: params.id }))!;
    const c = d.campaign;
    const campaign: CampaignDetail = {
      id: c.id, name: c.name, task: c.task, status: c.status, a: c.a, b: c.b, instructions: c.instructions,
      votesPerPair: c.votesPerPair, goldCount: c.goldCount, specVersionId: c.specVersionId, raters: d.raters,
      pairs: c._count.pairs, votes: d.votes, skips: d.skips, wanted: c._count.pairs * c.votesPerPair,
      createdAt: c.createdAt.toISOString(), openedAt: c.openedAt?.toISOString() ?? null, closedAt: c.closedAt?.toISOString() ?? null,
    };
    return NextResponse.json({ campaign });
  },
});
