/** Reward spec rows as the API sends them (lib/reward-specs/contract.ts). */
import "server-only";
import type { RewardSpecVersionWithSpec, RewardSpecWithVersions } from "@/lib/db";
import type { RewardSpecSummary, SavedRewardSpec } from "@/lib/reward-specs/contract";
import type { RewardSpec } from "@/lib/rewards";

/** One stored version with its spec's name and task, and its author. */
export function describeVersion(v: RewardSpecVersionWithSpec): SavedRewardSpec {
  return {
    id: v.id,
    specId: v.specId,
    name: v.spec.name,
    task: v.spec.task,
    version: v.version,
    hash: v.hash,
    body: v.body as unknown as RewardSpec,
    createdAt: v.createdAt.toISOString(),
    author: { id: v.createdBy.id, name: v.createdBy.name },
  };
}

/** A named spec with its owner and every version (newest first). */
export function describeSpec(s: RewardSpecWithVersions): RewardSpecSummary {
  return {
    id: s.id,
    name: s.name,
    task: s.task,
    description: s.description,
    owner: { id: s.owner.id, name: s.owner.name },
    versions: s.versions.map((v) => ({
      id: v.id, version: v.version, hash: v.hash, createdAt: v.createdAt.toISOString(), author: { id: v.createdBy.id, name: v.createdBy.name },
    })),
  };
}
