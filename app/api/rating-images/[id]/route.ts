import { findRatingImage, isCampaignRater } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { IdParams } from "@/lib/rating/contract";
import { route } from "@/lib/server/edge";

/**
 * GET /api/rating-images/<id>: a picture shown to raters (PNG). Its id is opaque and random, so
 * the address says nothing of which model drew it. The campaign's raters, its owner and admins.
 */
export const GET = route({
  surface: "rating_image",
  action: "see this picture",
  access: "signed-in",
  params: IdParams,
  handler: async ({ db, params, user }) => {
    const img = await findRatingImage(db, { id: params.id });
    if (!img) throw new StudioError("not_found:rating_image", "no picture with this id");
    const allowed = user.role === "admin" || img.campaign.ownerId === user.id || (await isCampaignRater(db, { campaignId: img.campaignId, userId: user.id }));
    if (!allowed) throw new StudioError("forbidden:rating_image", "this picture belongs to a campaign you are not part of");
    return new Response(new Uint8Array(img.png), { headers: { "content-type": "image/png", "cache-control": "private, max-age=3600" } });
  },
});
