import { StudioError } from "@/lib/errors";
import type { Db } from "../client";
import type { Campaign, CampaignStatus, Checkpoint, Task } from "../generated/sqlite/client";

/** A campaign with its two checkpoints' names and how many pairs it holds. */
export type CampaignWithCounts = Campaign & { a: Pick<Checkpoint, "id" | "name">; b: Pick<Checkpoint, "id" | "name">; _count: { pairs: number } };

const include = { a: { select: { id: true, name: true } }, b: { select: { id: true, name: true } }, _count: { select: { pairs: true } } } as const;

export interface DraftPairInput {
  sceneSeed: number;
  note?: string;
}

/**
 * Creates a draft campaign of `task` comparing checkpoints A and B, with one pair per distinct
 * scene seed (outputs stay null until the campaign opens). The caller has checked the
 * checkpoints: they exist, are of `task`, and differ.
 */
export async function createDraftCampaign(
  db: Db,
  input: { name: string; task: Task; aId: string; bId: string; ownerId: string; pairs: readonly DraftPairInput[] },
): Promise<CampaignWithCounts> {
  const pairs = distinct(input.pairs);
  return db.campaign.create({
    data: {
      name: input.name, task: input.task, aId: input.aId, bId: input.bId, ownerId: input.ownerId,
      pairs: { create: pairs.map((p) => ({ sceneSeed: p.sceneSeed, note: p.note ?? "", task: input.task, aId: input.aId, bId: input.bId })) },
    },
    include,
  });
}

/**
 * Adds pairs to a draft campaign, skipping scenes it already holds (so a retry adds nothing).
 * Returns the campaign after, and how many pairs were new. One transaction; a concurrent append
 * of the same scene loses on the (campaign, scene) unique key and is retried once.
 */
export async function appendDraftPairs(
  db: Db,
  input: { campaignId: string; pairs: readonly DraftPairInput[] },
): Promise<{ campaign: CampaignWithCounts; added: number }> {
  const attempt = () => db.$transaction(async (tx) => {
    const c = await tx.campaign.findUniqueOrThrow({ where: { id: input.campaignId } });
    const have = new Set((await tx.comparisonPair.findMany({ where: { campaignId: c.id }, select: { sceneSeed: true } })).map((p) => p.sceneSeed));
    const fresh = distinct(input.pairs).filter((p) => !have.has(p.sceneSeed));
    for (const p of fresh) {
      await tx.comparisonPair.create({ data: { campaignId: c.id, sceneSeed: p.sceneSeed, note: p.note ?? "", task: c.task, aId: c.aId, bId: c.bId } });
    }
    // Touch updatedAt so the draft lists as recently changed.
    const campaign = await tx.campaign.update({ where: { id: c.id }, data: { updatedAt: new Date() }, include });
    return { campaign, added: fresh.length };
  });
  try {
    return await attempt();
  } catch (err) {
    if ((err as { code?: unknown })?.code !== "P2002") throw err;
    return attempt();
  }
}

export function findCampaign(db: Db, input: { id: string }): Promise<CampaignWithCounts | null> {
  return db.campaign.findUnique({ where: { id: input.id }, include });
}

/** The owner's campaigns (optionally of one status and task), most recently changed first. */
export function listCampaigns(db: Db, input: { ownerId: string; status?: CampaignStatus; task?: Task }): Promise<CampaignWithCounts[]> {
  return db.campaign.findMany({
    where: { ownerId: input.ownerId, ...(input.status ? { status: input.status } : {}), ...(input.task ? { task: input.task } : {}) },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    include,
    take: 200,
  });
}

/** Refuses unless `campaign` is a draft owned by `userId` comparing `aId` with `bId` (what may be appended to). */
export function checkDraftAppend(campaign: CampaignWithCounts | null, input: { userId: string; aId: string; bId: string; task: Task }): asserts campaign is CampaignWithCounts {
  if (!campaign) throw new StudioError("not_found:campaign", "campaignId: no campaign with this id");
  if (campaign.ownerId !== input.userId) throw new StudioError("forbidden:campaign", "campaignId: only the campaign's owner may add pairs to it");
  if (campaign.status !== "draft") throw new StudioError("conflict:campaign", `campaignId: campaign "${campaign.name}" is ${campaign.status}; pairs can be added to drafts only`);
  if (campaign.task !== input.task || campaign.aId !== input.aId || campaign.bId !== input.bId) {
    throw new StudioError("conflict:campaign", `campaignId: campaign "${campaign.name}" compares ${campaign.a.name} (A) with ${campaign.b.name} (B) on ${campaign.task}; pick a draft of the same checkpoints or create a new one`);
  }
}

function distinct(pairs: readonly DraftPairInput[]): DraftPairInput[] {
  const seen = new Map<number, DraftPairInput>();
  for (const p of pairs) if (!seen.has(p.sceneSeed)) seen.set(p.sceneSeed, p);
  return [...seen.values()];
}
