import type { Db } from "../client";
import type { Role, User } from "../generated/sqlite/client";
import { rethrowAsStudioError } from "./prisma-errors";

/** Creates a user; a taken email is `conflict:user`. */
export async function createUser(db: Db, input: { email: string; name: string; role: Role }): Promise<User> {
  try {
    return await db.user.create({ data: input });
  } catch (err) {
    rethrowAsStudioError(err, "user", `a user with email ${input.email}`);
  }
}

/** Creates the user or updates its name and role (demo seeding, admin edits). */
export function upsertUserByEmail(db: Db, input: { email: string; name: string; role: Role }): Promise<User> {
  return db.user.upsert({
    where: { email: input.email },
    create: input,
    update: { name: input.name, role: input.role },
  });
}

export function findUserByEmail(db: Db, input: { email: string }): Promise<User | null> {
  return db.user.findUnique({ where: { email: input.email } });
}

/** Users, optionally of one role, in sign-up order. */
export function listUsers(db: Db, input: { role?: Role } = {}): Promise<User[]> {
  return db.user.findMany({ where: input.role ? { role: input.role } : {}, orderBy: { createdAt: "asc" } });
}

export function findUserById(db: Db, input: { id: string }): Promise<User | null> {
  return db.user.findUnique({ where: { id: input.id } });
}

/** Sets a user's password hash (lib/auth hashPassword); an unknown email is `not_found:user`. */
export async function setUserPasswordHash(db: Db, input: { email: string; passwordHash: string }): Promise<User> {
  try {
    return await db.user.update({ where: { email: input.email }, data: { passwordHash: input.passwordHash } });
  } catch (err) {
    rethrowAsStudioError(err, "user", `user ${input.email}`);
  }
}

/** Gives the user a password hash only if it has none yet (seeding must not undo a change). True when set. */
export async function setInitialPasswordHash(db: Db, input: { email: string; passwordHash: string }): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { email: input.email, passwordHash: null }, data: { passwordHash: input.passwordHash } });
  return count > 0;
}
