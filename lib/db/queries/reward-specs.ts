import type { Db, Prisma } from "../client";
import type { RewardSpec, RewardSpecVersion, Task } from "../generated/sqlite/client";

export type RewardSpecWithLatest = RewardSpec & { versions: RewardSpecVersion[] };

/**
 * Saves a new immutable version of the owner's reward spec `name`, creating the spec on its
 * first save. Spec lookup, version numbering and insert happen in one transaction; the
 * (specId, version) unique key turns a lost race into an error instead of a duplicate.
 * The body must already be validated by the RewardSpec schema.
 */
export function saveRewardSpecVersion(
  db: Db,
  input: { ownerId: string; name: string; task: Task; body: Prisma.InputJsonValue; description?: string },
): Promise<RewardSpecVersion> {
  return db.$transaction(async (tx) => {
    const spec = await tx.rewardSpec.upsert({
      where: { ownerId_name: { ownerId: input.ownerId, name: input.name } },
      create: { ownerId: input.ownerId, name: input.name, task: input.task, description: input.description ?? "" },
      update: input.description === undefined ? {} : { description: input.description },
    });
    const last = await tx.rewardSpecVersion.findFirst({ where: { specId: spec.id }, orderBy: { version: "desc" } });
    return tx.rewardSpecVersion.create({
      data: { specId: spec.id, version: (last?.version ?? 0) + 1, body: input.body, createdById: input.ownerId },
    });
  });
}

/** Reward specs (optionally of one task), each with its latest version only. */
export function listRewardSpecs(db: Db, input: { task?: Task } = {}): Promise<RewardSpecWithLatest[]> {
  return db.rewardSpec.findMany({
    where: input.task ? { task: input.task } : {},
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    orderBy: { updatedAt: "desc" },
  });
}

export function findRewardSpecVersion(db: Db, input: { specId: string; version: number }): Promise<RewardSpecVersion | null> {
  return db.rewardSpecVersion.findUnique({ where: { specId_version: input } });
}
