import { NextResponse } from "next/server";
import { z } from "zod";
import { endUserSessions } from "@/lib/auth";
import { route } from "@/lib/server/edge";

const UserParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected a user id") });

/** DELETE /api/users/<id>/sessions: an admin ends every session of a user. 200 `{ endedSessions }`. */
export const DELETE = route({
  surface: "user",
  action: "end a user's sessions",
  access: ["admin"],
  params: UserParams,
  handler: async ({ db, params }) => NextResponse.json({ endedSessions: await endUserSessions(db, { userId: params.id }) }),
});
