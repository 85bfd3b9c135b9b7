import type { Db } from "../client";
import type { SignInThrottle } from "../generated/sqlite/client";

/** How many failures a key may have within a window before it is locked, and for how long. */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
  lockMs: number;
}

/** The throttle rows of these keys (absent keys have no failures). */
export function findThrottles(db: Db, input: { keys: string[] }): Promise<SignInThrottle[]> {
  return db.signInThrottle.findMany({ where: { key: { in: input.keys } } });
}

const isUniqueViolation = (err: unknown) => (err as { code?: unknown })?.code === "P2002";

/**
 * Counts one failure for `key` at `now` and locks the key when it reaches the rule's limit
 * within the window. The count is an atomic increment, so server processes sharing the
 * database count together; a failure after the window has passed starts a new window.
 */
export async function recordThrottleFailure(db: Db, input: { key: string; now: Date; rule: ThrottleRule }): Promise<SignInThrottle> {
  const { key, now, rule } = input;
  const windowOpen = { key, windowStartedAt: { gt: new Date(now.getTime() - rule.windowMs) } };
  for (let attempt = 0; ; attempt++) {
    const bumped = await db.signInThrottle.updateMany({ where: windowOpen, data: { failures: { increment: 1 } } });
    if (bumped.count > 0) break;
    try {
      await db.signInThrottle.upsert({ where: { key }, create: { key, failures: 1, windowStartedAt: now }, update: { failures: 1, windowStartedAt: now } });
      break;
    } catch (err) {
      // Another process created the row between our two statements: count in it instead.
      if (!isUniqueViolation(err) || attempt > 0) throw err;
    }
  }
  const row = await db.signInThrottle.findUniqueOrThrow({ where: { key } });
  if (row.failures >= rule.limit && !(row.lockedUntil && row.lockedUntil > now)) {
    return db.signInThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + rule.lockMs) } });
  }
  return row;
}

/** Forgets a key's failures (a successful sign-in of that account). */
export async function clearThrottle(db: Db, input: { key: string }): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: input.key } });
}
