import { randomBytes } from "node:crypto";
import { NextResponse } from "next/server";
import { lastVoteOf, nextAssignment, raterProgress } from "@/lib/db";
import { ASSIGNMENT_TTL_MS, IdParams, type NextAnswer } from "@/lib/rating/contract";
import { route } from "@/lib/server/edge";
import { ratedCampaign, raterAssignment } from "@/lib/server/rating-access";

/** Uniform in [0, 1) from the operating system's generator: raters cannot predict which side is which. */
const random = () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48;

/**
 * GET /api/campaigns/<id>/next: the rater's next assignment (the one they hold, else a new one:
 * a pair with a free slot they have not seen, sides drawn at random and kept), or `{ assignment:
 * null, reason }` when they are done or the campaign is closed. `undo` names the assignment of
 * their last vote while it can be taken back. Invited raters only.
 */
export const GET = route({
  surface: "rating",
  action: "rate in this campaign",
  access: "signed-in",
  params: IdParams,
  handler: async ({ db, params, user }) => {
    const campaign = await ratedCampaign(db, { id: params.id, user });
    const last = campaign.status === "open" ? await lastVoteOf(db, { campaignId: campaign.id, raterId: user.id }) : null;
    const undo = last ? { assignmentId: last.assignmentId } : null;
    if (campaign.status !== "open") {
      const answer: NextAnswer = { assignment: null, reason: "closed", progress: await raterProgress(db, { campaign, raterId: user.id }), undo: null };
      return NextResponse.json(answer);
    }
    const a = await nextAssignment(db, { campaign, raterId: user.id, now: new Date(), ttlMs: ASSIGNMENT_TTL_MS, random });
    const progress = await raterProgress(db, { campaign, raterId: user.id });
    const answer: NextAnswer = a ? { assignment: raterAssignment(a, campaign, progress), undo } : { assignment: null, reason: "done", progress, undo };
    return NextResponse.json(answer);
  },
});
