import type { Db, Prisma } from "../client";
import type { ComparisonCache, Task } from "../generated/sqlite/client";

/** What identifies a cached comparison (the table's unique key). */
export interface ComparisonCacheKey {
  aId: string;
  bId: string;
  split: string;
  start: number;
  count: number;
  specHash: string;
}

export function findCachedComparison(db: Db, key: ComparisonCacheKey): Promise<ComparisonCache | null> {
  return db.comparisonCache.findUnique({ where: { aId_bId_split_start_count_specHash: key } });
}

/**
 * Stores a comparison under its key, once: when the key is stored already (a retry, or another
 * engineer computed it first) the stored row is returned with `created: false`, unchanged.
 */
export async function saveCachedComparison(
  db: Db,
  input: ComparisonCacheKey & { task: Task; result: Prisma.InputJsonValue },
): Promise<{ row: ComparisonCache; created: boolean }> {
  const { task, result, ...key } = input;
  const existing = await findCachedComparison(db, key);
  if (existing) return { row: existing, created: false };
  try {
    return { row: await db.comparisonCache.create({ data: { ...key, task, result } }), created: true };
  } catch (err) {
    if ((err as { code?: unknown })?.code !== "P2002") throw err;
    return { row: (await findCachedComparison(db, key))!, created: false }; // a concurrent save won the race
  }
}
