/**
 * Who may touch a rating campaign, and what a rater is sent. Owners (and admins) manage a
 * campaign and read its results; invited raters receive its assignments. What a rater is sent is
 * built here only, from the assignment's side draw: the sides' views and the scene's picture,
 * never a checkpoint, a pair id or a side's origin.
 */
import "server-only";
import type { SessionUser } from "@/lib/auth";
import { isCampaignRater, type AssignmentWithPair, type Campaign, type Db } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import type { RaterAssignment, RaterSide } from "@/lib/rating/contract";
import { ratingImageUrl } from "@/lib/rating/render";
import type { TaskId } from "@/lib/rewards/task-types";

/** The campaign, if `user` owns it or is an admin; else 404 / 403. */
export async function ownedCampaign(db: Db, input: { id: string; user: SessionUser; action: string }): Promise<Campaign> {
  const c = await db.campaign.findUnique({ where: { id: input.id } });
  if (!c) throw new StudioError("not_found:campaign", "no campaign with this id");
  if (c.ownerId !== input.user.id && input.user.role !== "admin") throw new StudioError("forbidden:campaign", `only the campaign's owner or an admin may ${input.action}`);
  return c;
}

/** The campaign, if `user` is invited to rate it; else 404 / 403. */
export async function ratedCampaign(db: Db, input: { id: string; user: SessionUser }): Promise<Campaign> {
  const c = await db.campaign.findUnique({ where: { id: input.id } });
  if (!c || c.status === "draft") throw new StudioError("not_found:rating", "no open campaign with this id");
  if (!(await isCampaignRater(db, { campaignId: c.id, userId: input.user.id }))) throw new StudioError("forbidden:rating", "you are not invited to rate this campaign");
  return c;
}

/**
 * The name raters see: the task and when it opened, never the engineer's name for it (which
 * tends to name the models: "captions: MLE vs tuned").
 */
export function raterTitle(c: Pick<Campaign, "task" | "openedAt" | "createdAt">): string {
  const task = c.task.charAt(0).toUpperCase() + c.task.slice(1);
  const day = (c.openedAt ?? c.createdAt).toISOString().slice(0, 10);
  return `${task} rating, opened ${day}`;
}

/** What the rater receives for an assignment: left and right as the server drew them. */
export function raterAssignment(a: AssignmentWithPair, campaign: Campaign, progress: { voted: number; remaining: number }): RaterAssignment {
  const viewA = a.pair.viewA as unknown as RaterSide;
  const viewB = a.pair.viewB as unknown as RaterSide;
  const task = campaign.task as TaskId;
  return {
    id: a.id,
    task,
    campaign: { id: campaign.id, name: raterTitle(campaign), instructions: campaign.instructions },
    scene: {
      image: ratingImageUrl(a.pair.sceneImageId ?? ""),
      caption: task === "colorization" ? "the grey input both colourings start from" : "the scene",
    },
    left: a.aOnLeft ? viewA : viewB,
    right: a.aOnLeft ? viewB : viewA,
    progress,
  };
}
