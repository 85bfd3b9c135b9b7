import { NextResponse } from "next/server";
import { acceptInvite, startSession } from "@/lib/auth";
import { route } from "@/lib/server/edge";
import { InviteAcceptance } from "@/lib/server/user-schemas";

/**
 * POST /api/invites/accept { token, name, password, email? } (JSON, same-origin): creates the
 * invited account and signs it in. 201 `{ user }` with the session cookie; 404 `not_found:invite`,
 * 409 `conflict:invite` (already used), 410 `gone:invite` (expired), 409 `conflict:user` (email taken).
 */
export const POST = route({
  surface: "invite",
  action: "accept an invite",
  access: "public",
  body: { kind: "json", schema: InviteAcceptance, maxBytes: 4096 },
  handler: async ({ db, body, request }) => {
    const user = await acceptInvite(db, body);
    const response = NextResponse.json({ user }, { status: 201 });
    await startSession(db, response, { user, request });
    return response;
  },
});
