import { NextResponse } from "next/server";
import { createInvite, invitePath } from "@/lib/auth";
import { listOpenInvites } from "@/lib/db";
import { route } from "@/lib/server/edge";
import { InviteRequest } from "@/lib/server/user-schemas";

/**
 * POST /api/invites { role, email?, expiresInHours? } (admins): a one-time link for a new account.
 * 201 `{ invite: { id, role, email, expiresAt, path } }`; the path (with its token) is shown this once.
 */
export const POST = route({
  surface: "invite",
  action: "create invite links",
  access: ["admin"],
  body: { kind: "json", schema: InviteRequest, maxBytes: 4096 },
  handler: async ({ db, user, body }) => {
    const { token, invite } = await createInvite(db, { createdById: user.id, ...body });
    return NextResponse.json(
      { invite: { id: invite.id, role: invite.role, email: invite.email, expiresAt: invite.expiresAt, path: invitePath(token) } },
      { status: 201 },
    );
  },
});

/** GET /api/invites (admins): the invites not used yet and not expired (no links: their tokens are not kept). */
export const GET = route({
  surface: "invite",
  action: "see invite links",
  access: ["admin"],
  handler: async ({ db }) => {
    const invites = await listOpenInvites(db, { now: new Date() });
    return NextResponse.json({
      invites: invites.map((i) => ({ id: i.id, role: i.role, email: i.email, expiresAt: i.expiresAt, createdAt: i.createdAt, createdBy: i.createdBy.email })),
    });
  },
});
