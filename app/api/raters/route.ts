import { NextResponse } from "next/server";
import { listRatableUsers } from "@/lib/db";
import { route } from "@/lib/server/edge";

/** GET /api/raters: the active accounts a campaign can invite (raters first), for the campaign form. Engineers and admins. */
export const GET = route({
  surface: "rater",
  action: "list raters",
  access: ["engineer", "admin"],
  handler: async ({ db }) => NextResponse.json({ raters: await listRatableUsers(db) }),
});
