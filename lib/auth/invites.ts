/**
 * Invite links: an admin creates one (a role attached, an expiry, optionally the one email that
 * may use it); the link carries a random token of which only the SHA-256 is stored; the new
 * engineer or rater opens it, sets a name and a password, and is signed in. Each works once.
 */
import { claimInviteForNewUser, createInviteRow, findInviteByTokenHash, findUserByEmail, type Db, type Invite, type Role } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { hashPassword } from "./password";
import { hashSessionToken, isSessionToken, newSessionToken } from "./session";
import { toSessionUser, type SessionUser } from "./sessions";

/** An invite lasts a week unless its creator says otherwise (at most 30 days). */
export const INVITE_DEFAULT_HOURS = 7 * 24;
export const INVITE_MAX_HOURS = 30 * 24;

/** The path of an invite's page; the token appears only here, once, for the admin to pass on. */
export const invitePath = (token: string): string => `/invite/${token}`;

/** Creates an invite for `role` by admin `createdById`; returns its token (never stored) and row. */
export async function createInvite(
  db: Db,
  input: { createdById: string; role: Role; email?: string | null; expiresInHours?: number; now?: Date },
): Promise<{ token: string; invite: Invite }> {
  const now = input.now ?? new Date();
  const hours = input.expiresInHours ?? INVITE_DEFAULT_HOURS;
  const email = input.email ? input.email.trim().toLowerCase() : null;
  if (email && (await findUserByEmail(db, { email }))) {
    throw new StudioError("conflict:invite", `email: ${email} already has an account`, { field: "email" });
  }
  const token = newSessionToken();
  const invite = await createInviteRow(db, {
    tokenHash: hashSessionToken(token), role: input.role, email, expiresAt: new Date(now.getTime() + hours * 3_600_000), createdById: input.createdById, now,
  });
  return { token, invite };
}

/**
 * The invite a token opens, if it can still be used; otherwise why not, as a typed error:
 * `not_found:invite` (no such link), `conflict:invite` (already used), `gone:invite` (expired).
 */
export async function openInvite(db: Db, input: { token: string; now?: Date }): Promise<Invite> {
  const now = input.now ?? new Date();
  const invite = isSessionToken(input.token) ? await findInviteByTokenHash(db, { tokenHash: hashSessionToken(input.token) }) : null;
  if (!invite) throw new StudioError("not_found:invite", "this invite link is not valid; ask an admin for a new one", { field: "token" });
  if (invite.usedAt) throw new StudioError("conflict:invite", "this invite link was already used; sign in, or ask an admin for a new one", { field: "token" });
  if (invite.expiresAt <= now) {
    throw new StudioError("gone:invite", `this invite link expired on ${invite.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC; ask an admin for a new one`, { field: "token" });
  }
  return invite;
}

/**
 * Accepts an invite: creates the account (the invite's email, or the one given when the invite
 * names none) with the invite's role, name and password, and returns it to be signed in. A
 * second use, an expired link or a taken email is refused and creates nothing.
 */
export async function acceptInvite(
  db: Db,
  input: { token: string; name: string; password: string; email?: string; now?: Date },
): Promise<SessionUser> {
  const now = input.now ?? new Date();
  const invite = await openInvite(db, { token: input.token, now });
  const given = input.email?.trim().toLowerCase();
  if (invite.email && given && given !== invite.email) {
    throw new StudioError("bad_request:invite", `email: this invite is for ${invite.email}`, { field: "email" });
  }
  const email = invite.email ?? given;
  if (!email) throw new StudioError("bad_request:invite", "email: expected the email to sign in with", { field: "email" });
  const passwordHash = await hashPassword(input.password);
  const user = await claimInviteForNewUser(db, { inviteId: invite.id, now, user: { email, name: input.name.trim(), role: invite.role, passwordHash } });
  if (!user) {
    // Claimed (or expired) between the check above and the transaction: say which.
    await openInvite(db, { token: input.token, now });
    throw new StudioError("conflict:invite", "this invite link was already used", { field: "token" });
  }
  return toSessionUser(user);
}
