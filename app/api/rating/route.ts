import { NextResponse } from "next/server";
import { raterCampaigns } from "@/lib/db";
import type { RaterCampaign } from "@/lib/rating/contract";
import { route } from "@/lib/server/edge";
import { raterTitle } from "@/lib/server/rating-access";

/** GET /api/rating: the open campaigns you are invited to rate, with your progress in each. Anyone signed in. */
export const GET = route({
  surface: "rating",
  action: "see your rating campaigns",
  access: "signed-in",
  handler: async ({ db, user }) => {
    const rows = await raterCampaigns(db, { userId: user.id });
    const campaigns: RaterCampaign[] = rows.map(({ campaign: c, voted, remaining }) => ({
      id: c.id, name: raterTitle(c), task: c.task, instructions: c.instructions, voted, remaining,
    }));
    return NextResponse.json({ campaigns });
  },
});
