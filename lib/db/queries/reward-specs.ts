import { createHash } from "node:crypto";
import type { Db, Prisma } from "../client";
import type { RewardSpec, RewardSpecVersion, Task } from "../generated/sqlite/client";

export type RewardSpecWithLatest = RewardSpec & { versions: RewardSpecVersion[] };

/** JSON with object keys sorted at every level: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The content hash of a parsed reward spec: SHA-256 (hex) of its canonical JSON. */
export const rewardSpecHash = (body: unknown): string => createHash("sha256").update(canonicalJson(body), "utf8").digest("hex");

/**
 * Saves `body` as an immutable version of the owner's reward spec `name`, creating the spec on
 * its first save. Content-addressed: when a version of this spec already has the same content
 * hash, that version is returned (`created: false`) and nothing is written. Spec lookup, version
 * numbering and insert happen in one transaction; the (specId, version) and (specId, hash)
 * unique keys turn a lost race into an error, and the caller's retry then finds the version.
 * The body must already be validated by the RewardSpec schema (parsed: defaults filled in).
 */
export async function saveRewardSpecVersion(
  db: Db,
  input: { ownerId: string; name: string; task: Task; body: Prisma.InputJsonValue; description?: string },
): Promise<{ version: RewardSpecVersion; spec: RewardSpec; created: boolean }> {
  const hash = rewardSpecHash(input.body);
  const attempt = () => db.$transaction(async (tx) => {
    const spec = await tx.rewardSpec.upsert({
      where: { ownerId_name: { ownerId: input.ownerId, name: input.name } },
      create: { ownerId: input.ownerId, name: input.name, task: input.task, description: input.description ?? "" },
      update: input.description === undefined ? {} : { description: input.description },
    });
    const same = await tx.rewardSpecVersion.findUnique({ where: { specId_hash: { specId: spec.id, hash } } });
    if (same) return { version: same, spec, created: false };
    const last = await tx.rewardSpecVersion.findFirst({ where: { specId: spec.id }, orderBy: { version: "desc" } });
    const version = await tx.rewardSpecVersion.create({
      data: { specId: spec.id, version: (last?.version ?? 0) + 1, body: input.body, hash, createdById: input.ownerId },
    });
    return { version, spec, created: true };
  });
  try {
    return await attempt();
  } catch (err) {
    if ((err as { code?: unknown })?.code !== "P2002") throw err;
    return attempt(); // a concurrent save of the same spec won the race: read what it wrote
  }
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

const person = { select: { id: true, name: true } } as const;

export type RewardSpecVersionWithSpec = RewardSpecVersion & { spec: RewardSpec; createdBy: { id: string; name: string } };
export type RewardSpecWithVersions = RewardSpec & {
  owner: { id: string; name: string };
  versions: (RewardSpecVersion & { createdBy: { id: string; name: string } })[];
};

/**
 * Reward specs of every owner (optionally of one task), most recently saved first, each with its
 * owner and every version newest first (bodies left out: a list shows names, numbers, authors).
 */
export function listRewardSpecsWithVersions(db: Db, input: { task?: Task } = {}): Promise<RewardSpecWithVersions[]> {
  return db.rewardSpec.findMany({
    where: input.task ? { task: input.task } : {},
    include: {
      owner: person,
      versions: { orderBy: { version: "desc" }, omit: { body: true }, include: { createdBy: person } },
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  }) as Promise<RewardSpecWithVersions[]>;
}

/** One version by id, with its spec and author; null when there is none. */
export function findRewardSpecVersionById(db: Db, input: { id: string }): Promise<RewardSpecVersionWithSpec | null> {
  return db.rewardSpecVersion.findUnique({ where: { id: input.id }, include: { spec: true, createdBy: person } });
}
