import { NextResponse } from "next/server";
import { z } from "zod";
import { changePassword, startSession } from "@/lib/auth";
import { route } from "@/lib/server/edge";

const PasswordChange = z
  .object({
    currentPassword: z.string({ error: "expected the current password" }).min(1, "expected the current password").max(1000),
    newPassword: z.string({ error: "expected the new password" }).min(10, "expected at least 10 characters").max(1000, "expected at most 1000 characters"),
  })
  .strict();

/**
 * POST /api/account/password { currentPassword, newPassword }: changes the signed-in user's
 * password and ends all of their sessions (every device); this browser gets a new one.
 * 200 `{ user, endedSessions }`; 401 `unauthorized:account` when the current password is wrong.
 */
export const POST = route({
  surface: "account",
  action: "change your password",
  access: "signed-in",
  body: { kind: "json", schema: PasswordChange, maxBytes: 4096 },
  handler: async ({ db, user, body, request }) => {
    const endedSessions = await changePassword(db, { userId: user.id, ...body });
    const response = NextResponse.json({ user, endedSessions });
    await startSession(db, response, { user, request });
    return response;
  },
});
