import { NextResponse } from "next/server";
import { closeCampaign, findCampaign } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { IdParams } from "@/lib/rating/contract";
import { describeCampaign } from "@/lib/server/compare-store";
import { route } from "@/lib/server/edge";
import { ownedCampaign } from "@/lib/server/rating-access";

/** POST /api/campaigns/<id>/close: no more assignments or votes; results stay. Idempotent. 409 for a draft. The owner or an admin. */
export const POST = route({
  surface: "campaign",
  action: "close this campaign",
  access: ["engineer", "admin"],
  params: IdParams,
  authorize: async ({ db, params, user }) => { await ownedCampaign(db, { id: params.id, user, action: "close it" }); },
  handler: async ({ db, params }) => {
    const c = await findCampaign(db, { id: params.id });
    if (c?.status === "draft") throw new StudioError("conflict:campaign", `campaign "${c.name}" is a draft; open it first (or leave it)`);
    await closeCampaign(db, { campaignId: params.id, now: new Date() });
    return NextResponse.json({ campaign: describeCampaign((await findCampaign(db, { id: params.id }))!) });
  },
});
