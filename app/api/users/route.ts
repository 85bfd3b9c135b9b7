import { NextResponse } from "next/server";
import { listUsersWithActivity } from "@/lib/db";
import { route } from "@/lib/server/edge";

/** GET /api/users (admins): every user with role, disabled time, live sessions and last seen. */
export const GET = route({
  surface: "user",
  action: "list users",
  access: ["admin"],
  handler: async ({ db }) => NextResponse.json({ users: await listUsersWithActivity(db, { now: new Date() }) }),
});
