import { NextResponse } from "next/server";
import { endUserSessions } from "@/lib/auth";
import { route } from "@/lib/server/edge";
import { UserParams } from "@/lib/server/user-schemas";

/** DELETE /api/users/<id>/sessions: an admin ends every session of a user. 200 `{ endedSessions }`. */
export const DELETE = route({
  surface: "user",
  action: "end a user's sessions",
  access: ["admin"],
  params: UserParams,
  handler: async ({ db, params }) => NextResponse.json({ endedSessions: await endUserSessions(db, { userId: params.id }) }),
});
