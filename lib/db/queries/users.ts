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
