/** The serving side: which checkpoint answers a task, and request counting per key (shared by every process). */
import type { Db } from "../client";
import type { Checkpoint, ServingModel, Task } from "../generated/sqlite/client";

/** Makes `checkpointId` the task's serving model unless the task has one already. */
export async function ensureServingModel(db: Db, input: { task: Task; checkpointId: string }): Promise<void> {
  await db.servingModel.upsert({ where: { task: input.task }, create: input, update: {} });
}

export function findServingModel(db: Db, input: { task: Task }): Promise<(ServingModel & { checkpoint: Checkpoint }) | null> {
  return db.servingModel.findUnique({ where: { task: input.task }, include: { checkpoint: true } });
}

/**
 * Counts one request under `key` in fixed windows of `windowMs`; refused (with the seconds until
 * the window ends) once `limit` were counted in the current one. A conditional UPDATE does the
 * counting, so concurrent requests in several processes never pass the limit together.
 */
export async function countRequest(db: Db, input: { key: string; limit: number; windowMs: number; now: Date }): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const { key, limit, windowMs, now } = input;
  const windowFrom = new Date(now.getTime() - windowMs);
  for (let attempt = 0; attempt < 3; attempt++) {
    // The current window has room: take one.
    const inWindow = await db.requestWindow.updateMany({ where: { key, windowStartedAt: { gt: windowFrom }, count: { lt: limit } }, data: { count: { increment: 1 } } });
    if (inWindow.count === 1) return { allowed: true, retryAfterSeconds: 0 };
    // An old window (or none): start a new one.
    const renewed = await db.requestWindow.updateMany({ where: { key, windowStartedAt: { lte: windowFrom } }, data: { windowStartedAt: now, count: 1 } });
    if (renewed.count === 1) return { allowed: true, retryAfterSeconds: 0 };
    const row = await db.requestWindow.findUnique({ where: { key } });
    if (row) {
      // Another request renewed the window meanwhile: count again.
      if (row.count < limit && row.windowStartedAt > windowFrom) continue;
      const ends = row.windowStartedAt.getTime() + windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
    }
    try {
      await db.requestWindow.create({ data: { key, windowStartedAt: now, count: 1 } });
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (err) {
      if ((err as { code?: unknown })?.code !== "P2002") throw err;
    }
  }
  return { allowed: false, retryAfterSeconds: 1 };
}
