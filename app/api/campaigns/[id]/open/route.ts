import { NextResponse } from "next/server";
import { findCampaign } from "@/lib/db";
import { IdParams, OpenCampaignSchema } from "@/lib/rating/contract";
import { openCampaign } from "@/lib/server/campaign-open";
import { describeCampaign } from "@/lib/server/compare-store";
import { route } from "@/lib/server/edge";
import { ownedCampaign } from "@/lib/server/rating-access";

/**
 * POST /api/campaigns/<id>/open (OpenCampaignSchema): the draft's settings (raters, votes per
 * pair, gold pairs, instructions, reward spec), then both checkpoints' outputs for every pair are
 * computed on the server and stored, and the campaign opens to its raters. 200 `{ campaign,
 * seconds }`; opening an open campaign again answers 200 with it as it is. The owner or an admin.
 */
export const POST = route({
  surface: "campaign",
  action: "open this campaign",
  access: ["engineer", "admin"],
  params: IdParams,
  body: { kind: "json", schema: OpenCampaignSchema, maxBytes: 64 * 1024 },
  authorize: async ({ db, params, user }) => { await ownedCampaign(db, { id: params.id, user, action: "open it" }); },
  handler: async ({ db, params, body }) => {
    const before = await findCampaign(db, { id: params.id });
    if (before && before.status !== "draft") return NextResponse.json({ campaign: describeCampaign(before), seconds: 0 });
    const { seconds } = await openCampaign(db, { campaignId: params.id, settings: body });
    return NextResponse.json({ campaign: describeCampaign((await findCampaign(db, { id: params.id }))!), seconds });
  },
});
