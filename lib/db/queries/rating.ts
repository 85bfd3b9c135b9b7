/**
 * Rating: handing pairs to raters (assignments), votes, undo, and what the results read.
 *
 * Overlap is a counter on the pair: `assigned` counts assignments handed out and not released,
 * and an assignment is created only in the transaction that raised it from below the campaign's
 * votesPerPair (a conditional UPDATE, atomic on SQLite and on PostgreSQL under READ COMMITTED),
 * so concurrent raters never receive a pair beyond its overlap. A rater holds a pair at most
 * once (unique (pair, rater)). A vote is stored once per assignment; the Idempotency-Key tells a
 * retry (answered like the first call) from a second vote (409).
 */
import { randomBytes } from "node:crypto";
import { StudioError } from "@/lib/errors";
import { modelChoice, sideChoice, type SideChoice } from "@/lib/rating/contract";
import type { Db, Prisma } from "../client";
import type { Assignment, Campaign, ComparisonPair, Vote } from "../generated/sqlite/client";

/** Long enough for a hundred raters' transactions queued on one SQLite connection. */
const TX = { maxWait: 20_000, timeout: 20_000 } as const;

const isUniqueViolation = (err: unknown) => (err as { code?: unknown })?.code === "P2002";

/** Thrown inside castVote's transaction when the assignment changed under it, to roll back and read again. */
const RACED = new Error("the assignment changed during the vote");

/** An opaque random id (128 bits, base64url): says nothing of what it names or when it was made. */
export const opaqueId = (): string => randomBytes(16).toString("base64url");

export interface OpenedPair {
  /** An existing draft pair, or a new (gold) pair when absent. */
  id?: string;
  sceneSeed: number;
  note?: string;
  outputA: Prisma.InputJsonValue;
  outputB: Prisma.InputJsonValue;
  viewA: Prisma.InputJsonValue;
  viewB: Prisma.InputJsonValue;
  rewardA: Prisma.InputJsonValue;
  rewardB: Prisma.InputJsonValue;
  sceneImageId: string;
  gold?: "a" | "b";
}

/**
 * Opens a draft: stores the pictures, each pair's outputs, views and rewards, the gold pairs, the
 * raters and the settings, and sets it open, all in one transaction. Refused (409) unless it is
 * still a draft when the transaction runs, so two concurrent opens store one set of outputs.
 */
export async function openCampaignRows(
  db: Db,
  input: {
    campaignId: string;
    settings: { instructions: string; votesPerPair: number; goldCount: number; specVersionId: string | null };
    raterIds: readonly string[];
    images: readonly { id: string; png: Uint8Array }[];
    pairs: readonly OpenedPair[];
    now: Date;
  },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const c = await tx.campaign.findUniqueOrThrow({ where: { id: input.campaignId } });
    const claimed = await tx.campaign.updateMany({
      where: { id: c.id, status: "draft" },
      data: { status: "open", openedAt: input.now, ...input.settings },
    });
    if (claimed.count === 0) throw new StudioError("conflict:campaign", `campaign "${c.name}" is no longer a draft; it was opened meanwhile`);
    for (const img of input.images) await tx.ratingImage.create({ data: { id: img.id, campaignId: c.id, png: new Uint8Array(img.png) } });
    for (const p of input.pairs) {
      const data = {
        outputA: p.outputA, outputB: p.outputB, viewA: p.viewA, viewB: p.viewB, rewardA: p.rewardA, rewardB: p.rewardB,
        sceneImageId: p.sceneImageId, gold: p.gold ?? null,
      };
      if (p.id) await tx.comparisonPair.update({ where: { id: p.id }, data });
      else await tx.comparisonPair.create({ data: { ...data, campaignId: c.id, task: c.task, aId: c.aId, bId: c.bId, sceneSeed: p.sceneSeed, note: p.note ?? "" } });
    }
    await tx.campaignRater.createMany({ data: input.raterIds.map((userId) => ({ campaignId: c.id, userId })) });
  }, TX);
}

/** Closes an open campaign (idempotent): no new assignments or votes. */
export async function closeCampaign(db: Db, input: { campaignId: string; now: Date }): Promise<void> {
  await db.campaign.updateMany({ where: { id: input.campaignId, status: "open" }, data: { status: "closed", closedAt: input.now } });
}

/** Open assignments past their deadline go back to the pool (each in its own small transaction). */
export async function releaseExpired(db: Db, input: { campaignId: string; now: Date }): Promise<number> {
  const stale = await db.assignment.findMany({
    where: { campaignId: input.campaignId, status: "open", expiresAt: { lt: input.now }, vote: null },
    select: { id: true, pairId: true },
    take: 200,
  });
  let released = 0;
  for (const a of stale) {
    const done = await db.$transaction(async (tx) => {
      const r = await tx.assignment.updateMany({ where: { id: a.id, status: "open" }, data: { status: "released" } });
      if (r.count === 1) await tx.comparisonPair.updateMany({ where: { id: a.pairId, assigned: { gt: 0 } }, data: { assigned: { decrement: 1 } } });
      return r.count;
    }, TX);
    released += done;
  }
  return released;
}

export type AssignmentWithPair = Assignment & { pair: ComparisonPair };

/** The rater's open assignment in this campaign, if they hold one (oldest first). */
export function openAssignmentOf(db: Db, input: { campaignId: string; raterId: string }): Promise<AssignmentWithPair | null> {
  return db.assignment.findFirst({
    where: { campaignId: input.campaignId, raterId: input.raterId, status: "open", vote: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { pair: true },
  });
}

/**
 * The rater's next assignment: the one they hold, else a new one on a pair with a free slot that
 * they have not held, the least-assigned pairs first and at random among those (so concurrent
 * raters rarely reach for the same pair). Null when nothing is left for them.
 * @param random uniform in [0, 1): which candidate, and which model goes left.
 */
export async function nextAssignment(
  db: Db,
  input: { campaign: Pick<Campaign, "id" | "votesPerPair">; raterId: string; now: Date; ttlMs: number; random: () => number },
): Promise<AssignmentWithPair | null> {
  const { campaign, raterId } = input;
  await releaseExpired(db, { campaignId: campaign.id, now: input.now });
  for (let attempt = 0; attempt < 20; attempt++) {
    const held = await openAssignmentOf(db, { campaignId: campaign.id, raterId });
    if (held) return held;
    const candidates = await db.comparisonPair.findMany({
      where: { campaignId: campaign.id, assigned: { lt: campaign.votesPerPair }, assignments: { none: { raterId } } },
      select: { id: true, assigned: true },
      orderBy: [{ assigned: "asc" }, { id: "asc" }],
      take: 32,
    });
    if (candidates.length === 0) return null;
    const least = candidates.filter((c) => c.assigned === candidates[0]!.assigned);
    const pick = least[Math.min(least.length - 1, Math.floor(input.random() * least.length))]!;
    const aOnLeft = input.random() < 0.5;
    try {
      const made = await db.$transaction(async (tx) => {
        const won = await tx.comparisonPair.updateMany({
          where: { id: pick.id, assigned: { lt: campaign.votesPerPair } },
          data: { assigned: { increment: 1 } },
        });
        if (won.count === 0) return null;
        return tx.assignment.create({
          data: { id: opaqueId(), campaignId: campaign.id, pairId: pick.id, raterId, aOnLeft, expiresAt: new Date(input.now.getTime() + input.ttlMs) },
          include: { pair: true },
        });
      }, TX);
      if (made) return made;
    } catch (err) {
      // The same rater asked twice at once and the other request took this pair: take theirs.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new StudioError("conflict:assignment", "every free pair was taken by other raters while choosing; ask again");
}

/** Votes the rater cast in the campaign (skips apart) and pairs still open to them (a held one included). */
export async function raterProgress(db: Db, input: { campaign: Pick<Campaign, "id" | "votesPerPair">; raterId: string }): Promise<{ voted: number; remaining: number }> {
  const [voted, free, held] = await Promise.all([
    db.vote.count({ where: { raterId: input.raterId, pair: { campaignId: input.campaign.id }, choice: { not: "skip" } } }),
    db.comparisonPair.count({ where: { campaignId: input.campaign.id, assigned: { lt: input.campaign.votesPerPair }, assignments: { none: { raterId: input.raterId } } } }),
    db.assignment.count({ where: { campaignId: input.campaign.id, raterId: input.raterId, status: "open", vote: null } }),
  ]);
  return { voted, remaining: free + held };
}

export type AssignmentWithCampaign = Assignment & { vote: Vote | null; campaign: Pick<Campaign, "id" | "name" | "status" | "votesPerPair"> };

export function findAssignment(db: Db, input: { id: string }): Promise<AssignmentWithCampaign | null> {
  return db.assignment.findUnique({
    where: { id: input.id },
    include: { vote: true, campaign: { select: { id: true, name: true, status: true, votesPerPair: true } } },
  });
}

/**
 * Stores the rater's vote on their assignment (as the side they chose; kept in model terms), once. The same Idempotency-Key again returns the
 * stored vote (`replayed`); another key on a voted assignment is 409. A skip releases the pair's
 * slot to other raters (and the rater never gets that pair again).
 */
export async function castVote(
  db: Db,
  input: { assignmentId: string; raterId: string; side: SideChoice; comment: string; idempotencyKey: string; now: Date },
): Promise<{ vote: Vote; side: SideChoice; replayed: boolean }> {
  const attempt = () => db.$transaction(async (tx) => {
    const a = await tx.assignment.findUnique({ where: { id: input.assignmentId }, include: { vote: true, campaign: { select: { status: true, name: true } } } });
    if (!a) throw new StudioError("not_found:assignment", "no assignment with this id");
    if (a.raterId !== input.raterId) throw new StudioError("forbidden:assignment", "this assignment was handed to another rater");
    if (a.vote) {
      if (a.vote.idempotencyKey === input.idempotencyKey) return { vote: a.vote, side: sideChoice(a.vote.choice, a.aOnLeft), replayed: true };
      throw new StudioError("conflict:vote", "this assignment has a vote already; undo it first to vote again", { field: "Idempotency-Key" });
    }
    if (a.campaign.status !== "open") throw new StudioError("conflict:campaign", `campaign "${a.campaign.name}" is ${a.campaign.status}; it takes no votes`);
    if (a.status !== "open") throw new StudioError("conflict:assignment", "this assignment expired and went back to the pool; ask for the next one");
    const choice = modelChoice(input.side, a.aOnLeft);
    const skip = choice === "skip";
    const moved = await tx.assignment.updateMany({ where: { id: a.id, status: "open" }, data: { status: skip ? "released" : "voted" } });
    // Moved meanwhile (PostgreSQL, READ COMMITTED): a concurrent copy voted, or the releaser ran; read again.
    if (moved.count === 0) throw RACED;
    if (skip) await tx.comparisonPair.updateMany({ where: { id: a.pairId, assigned: { gt: 0 } }, data: { assigned: { decrement: 1 } } });
    const vote = await tx.vote.create({
      data: {
        assignmentId: a.id, pairId: a.pairId, raterId: a.raterId, choice, aShownLeft: a.aOnLeft, comment: input.comment,
        idempotencyKey: input.idempotencyKey, durationMs: Math.max(0, input.now.getTime() - a.createdAt.getTime()),
      },
    });
    return { vote, side: input.side, replayed: false };
  }, TX);
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      // A concurrent copy of this request stored the vote first: read again, and answer as it did (or 409).
      if (!(err === RACED || isUniqueViolation(err))) throw err;
      if (tries === 2) throw new StudioError("conflict:vote", "this assignment kept changing while the vote was stored; send it again");
    }
  }
}

/**
 * Takes back the rater's last vote in the campaign while it is open: the assignment is theirs
 * again (open, with a fresh deadline) and the next call hands it back. Undoing an undone
 * assignment answers the same. A skip is undone only while the pair still has a free slot.
 */
export async function undoVote(db: Db, input: { assignmentId: string; raterId: string; now: Date; ttlMs: number }): Promise<Assignment> {
  return db.$transaction(async (tx) => {
    const a = await tx.assignment.findUnique({ where: { id: input.assignmentId }, include: { vote: true, campaign: true } });
    if (!a) throw new StudioError("not_found:assignment", "no assignment with this id");
    if (a.raterId !== input.raterId) throw new StudioError("forbidden:assignment", "this assignment was handed to another rater");
    if (a.campaign.status !== "open") throw new StudioError("conflict:campaign", `campaign "${a.campaign.name}" is ${a.campaign.status}; its votes are final`);
    if (!a.vote) {
      if (a.status === "open") return a;
      throw new StudioError("conflict:assignment", "this assignment has no vote to undo");
    }
    const last = await tx.vote.findFirst({ where: { raterId: a.raterId, pair: { campaignId: a.campaignId } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if (last?.id !== a.vote.id) throw new StudioError("conflict:vote", "only your last vote in this campaign can be undone");
    if (a.vote.choice === "skip") {
      const back = await tx.comparisonPair.updateMany({ where: { id: a.pairId, assigned: { lt: a.campaign.votesPerPair } }, data: { assigned: { increment: 1 } } });
      if (back.count === 0) throw new StudioError("conflict:vote", "the skipped pair went to other raters; it cannot come back");
    }
    await tx.vote.delete({ where: { id: a.vote.id } });
    return tx.assignment.update({ where: { id: a.id }, data: { status: "open", expiresAt: new Date(input.now.getTime() + input.ttlMs) } });
  }, TX);
}

/** The rater's most recent vote in the campaign, as long as the campaign is open (what Undo takes back). */
export async function lastVoteOf(db: Db, input: { campaignId: string; raterId: string }): Promise<Vote | null> {
  return db.vote.findFirst({ where: { raterId: input.raterId, pair: { campaignId: input.campaignId } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

export function isCampaignRater(db: Db, input: { campaignId: string; userId: string }): Promise<boolean> {
  return db.campaignRater.findUnique({ where: { campaignId_userId: { campaignId: input.campaignId, userId: input.userId } } }).then(Boolean);
}

/** Open campaigns the user is invited to rate, with their progress. */
export async function raterCampaigns(db: Db, input: { userId: string }): Promise<{ campaign: Campaign; voted: number; remaining: number }[]> {
  const rows = await db.campaign.findMany({ where: { status: "open", raters: { some: { userId: input.userId } } }, orderBy: [{ openedAt: "desc" }, { id: "asc" }], take: 100 });
  return Promise.all(rows.map(async (campaign) => ({ campaign, ...(await raterProgress(db, { campaign, raterId: input.userId })) })));
}

/** Everything the results read: pairs (with rewards and gold) and votes (with rater names). */
export async function campaignVotes(db: Db, input: { campaignId: string }) {
  const [pairs, votes] = await Promise.all([
    db.comparisonPair.findMany({
      where: { campaignId: input.campaignId },
      select: { id: true, sceneSeed: true, note: true, gold: true, rewardA: true, rewardB: true, outputA: true, outputB: true },
      orderBy: [{ sceneSeed: "asc" }],
    }),
    db.vote.findMany({
      where: { pair: { campaignId: input.campaignId } },
      select: { pairId: true, raterId: true, choice: true, aShownLeft: true, comment: true, durationMs: true, createdAt: true, rater: { select: { name: true, email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return { pairs, votes };
}

export function findRatingImage(db: Db, input: { id: string }) {
  return db.ratingImage.findUnique({ where: { id: input.id }, select: { png: true, campaignId: true, campaign: { select: { ownerId: true } } } });
}

/** Active accounts a campaign may invite, raters first. */
export function listRatableUsers(db: Db) {
  return db.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true, email: true, role: true }, orderBy: [{ role: "desc" }, { email: "asc" }], take: 500 });
}

/** A campaign with its checkpoints, raters (and each one's votes), and its vote counts. */
export async function campaignDetail(db: Db, input: { id: string }) {
  const c = await db.campaign.findUnique({
    where: { id: input.id },
    include: {
      a: { select: { id: true, name: true } }, b: { select: { id: true, name: true } },
      raters: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { invitedAt: "asc" } },
      _count: { select: { pairs: true } },
    },
  });
  if (!c) return null;
  const byRater = await db.vote.groupBy({ by: ["raterId", "choice"], where: { pair: { campaignId: c.id } }, _count: { _all: true } });
  const votesOf = (raterId: string) => byRater.filter((r) => r.raterId === raterId && r.choice !== "skip").reduce((s, r) => s + r._count._all, 0);
  const votes = byRater.filter((r) => r.choice !== "skip").reduce((s, r) => s + r._count._all, 0);
  const skips = byRater.filter((r) => r.choice === "skip").reduce((s, r) => s + r._count._all, 0);
  return { campaign: c, raters: c.raters.map((r) => ({ ...r.user, votes: votesOf(r.userId) })), votes, skips };
}
