import { StudioError } from "@/lib/errors";
import type { Db } from "../client";
import type { Role, User } from "../generated/sqlite/client";

/** A user as the admin page lists them: the row without its password hash, plus session activity. */
export interface UserWithActivity {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
  /** Sessions neither revoked nor expired at the time of the listing. */
  liveSessions: number;
  /** The latest use of any of the user's sessions (written at most once a minute), or null. */
  lastSeenAt: Date | null;
}

/** Every user in sign-up order, with live session counts and when they were last seen. */
export async function listUsersWithActivity(db: Db, input: { now: Date }): Promise<UserWithActivity[]> {
  const [users, live, seen] = await Promise.all([
    db.user.findMany({ orderBy: [{ createdAt: "asc" }, { email: "asc" }] }),
    db.session.groupBy({ by: ["userId"], where: { revokedAt: null, expiresAt: { gt: input.now } }, _count: { _all: true } }),
    db.session.groupBy({ by: ["userId"], _max: { lastSeenAt: true } }),
  ]);
  const liveBy = new Map(live.map((g) => [g.userId, g._count._all]));
  const seenBy = new Map(seen.map((g) => [g.userId, g._max.lastSeenAt]));
  return users.map((u) => ({
    id: u.id, email: u.email, name: u.name, role: u.role, disabledAt: u.disabledAt, createdAt: u.createdAt,
    liveSessions: liveBy.get(u.id) ?? 0, lastSeenAt: seenBy.get(u.id) ?? null,
  }));
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Refuses (409 `conflict:user`) a change that would leave no enabled admin. */
async function assertAnotherAdmin(tx: Tx, user: User, change: string): Promise<void> {
  if (user.role !== "admin" || user.disabledAt) return;
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: user.id } } });
  if (others === 0) {
    throw new StudioError("conflict:user", `${user.email} is the last admin: ${change} would leave no admin; make another user an admin first`);
  }
}

/**
 * Runs `change` on the user in a serializable transaction (two admins demoting each other at
 * once cannot both succeed); `not_found:user` for an unknown id.
 */
async function changeUser<T>(db: Db, input: { userId: string }, change: (tx: Tx, user: User) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId } });
      if (!user) throw new StudioError("not_found:user", `user ${input.userId.slice(0, 64)} was not found`);
      return change(tx, user);
    }, { isolationLevel: "Serializable" });
  } catch (err) {
    if ((err as { code?: unknown })?.code === "P2034") throw new StudioError("conflict:user", "another change to the users happened at the same time; try again", { cause: err });
    throw err;
  }
}

/** Gives a user another role; demoting the last enabled admin is `conflict:user`. */
export function setUserRole(db: Db, input: { userId: string; role: Role }): Promise<User> {
  return changeUser(db, input, async (tx, user) => {
    if (user.role === input.role) return user;
    if (input.role !== "admin") await assertAnotherAdmin(tx, user, `making them ${input.role === "engineer" ? "an engineer" : "a rater"}`);
    return tx.user.update({ where: { id: user.id }, data: { role: input.role } });
  });
}

/**
 * Disables an account and ends every session of it in one transaction (the last enabled admin
 * is `conflict:user`), or re-enables it. Returns the user and how many sessions were ended.
 */
export function setUserDisabled(db: Db, input: { userId: string; disabled: boolean; now: Date }): Promise<{ user: User; endedSessions: number }> {
  return changeUser(db, input, async (tx, user) => {
    if (!input.disabled) {
      return { user: await tx.user.update({ where: { id: user.id }, data: { disabledAt: null } }), endedSessions: 0 };
    }
    await assertAnotherAdmin(tx, user, "disabling the account");
    const updated = user.disabledAt ? user : await tx.user.update({ where: { id: user.id }, data: { disabledAt: input.now } });
    const { count } = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: input.now } });
    return { user: updated, endedSessions: count };
  });
}
