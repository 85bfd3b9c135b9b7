import { NextResponse } from "next/server";
import { setUserDisabled, setUserRole, type User } from "@/lib/db";
import { route } from "@/lib/server/edge";
import { UserChange, UserParams } from "@/lib/server/user-schemas";

/**
 * PATCH /api/users/<id> { role?, disabled? } (admins): changes a user's role and / or disables
 * (ending every session) or re-enables the account. 200 `{ user, endedSessions }`; 404
 * `not_found:user`; 409 `conflict:user` when it would leave no enabled admin.
 */
export const PATCH = route({
  surface: "user",
  action: "change users",
  access: ["admin"],
  params: UserParams,
  body: { kind: "json", schema: UserChange, maxBytes: 1024 },
  handler: async ({ db, params, body }) => {
    const now = new Date();
    let endedSessions = 0;
    let user: User | undefined;
    // Enable before a role change and disable after it, so each step is checked against the admins left.
    if (body.disabled === false) ({ user } = await setUserDisabled(db, { userId: params.id, disabled: false, now }));
    if (body.role) user = await setUserRole(db, { userId: params.id, role: body.role });
    if (body.disabled === true) ({ user, endedSessions } = await setUserDisabled(db, { userId: params.id, disabled: true, now }));
    const { id, email, name, role, disabledAt } = user!; // the schema asks for role or disabled
    return NextResponse.json({ user: { id, email, name, role, disabledAt }, endedSessions });
  },
});
