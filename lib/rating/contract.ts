/**
 * Rating campaigns' contract with the pages and scripts: opening a campaign, what a rater is
 * handed (GET /api/campaigns/<id>/next), a vote (POST /api/assignments/<id>/vote) and the
 * campaign as its owner sees it. zod schemas shared by routes and pages; no TF.js, Prisma or React.
 *
 * Blindness: what a rater receives names no checkpoint, no pair and no side's origin. An
 * assignment has an opaque random id; the sides are "left" and "right", drawn by the server per
 * assignment and kept there; pictures are served under opaque random ids.
 */
import { z } from "zod";
import type { TaskId } from "@/lib/rewards/task-types";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected an id (1 to 64 letters, digits, '_' or '-')");

/** Most pairs a campaign opens with (each is decoded by both models on the server). */
export const MAX_CAMPAIGN_SCENES = 500;
/** Most gold pairs a campaign adds. */
export const MAX_GOLD_PAIRS = 50;
/** An open assignment not voted on within this long goes back to the pool. */
export const ASSIGNMENT_TTL_MS = 30 * 60_000;

/** POST /api/campaigns/<id>/open: the draft's rating settings, then outputs are computed and raters may start. */
export const OpenCampaignSchema = z.object({
  instructions: z.string().max(2000, "expected at most 2,000 characters").default(""),
  /** Votes wanted per pair; more than one gives inter-rater agreement. At most the raters invited. */
  votesPerPair: z.number().int("expected an integer").min(1).max(10).default(1),
  /** Gold pairs to add: a scene's real output against an output for another scene; the real one is the known answer. */
  goldCount: z.number().int("expected an integer").min(0).max(MAX_GOLD_PAIRS).default(0),
  /** Who may rate (user ids): raters, engineers or admins. */
  raterIds: z.array(id).min(1, "expected at least one rater").max(200),
  /** The reward the results set people against: a saved spec version of the campaign's task (default: the task's default spec). */
  specVersionId: id.optional(),
}).strict();
export type OpenCampaign = z.infer<typeof OpenCampaignSchema>;

/** The choices of a vote, as the rater makes them (sides), and as they are stored (models). */
export const SIDE_CHOICES = ["left", "right", "tie", "both_bad", "skip"] as const;
export type SideChoice = (typeof SIDE_CHOICES)[number];
export const MODEL_CHOICES = ["a", "b", "tie", "both_bad", "skip"] as const;
export type ModelChoice = (typeof MODEL_CHOICES)[number];

export const VoteSchema = z.object({
  choice: z.enum(SIDE_CHOICES, { error: `expected one of ${SIDE_CHOICES.join(", ")}` }),
  comment: z.string().max(1000, "expected at most 1,000 characters").default(""),
}).strict();
export type VoteBody = z.infer<typeof VoteSchema>;

/** A side's vote in model terms, given which model was shown on the left. */
export function modelChoice(choice: SideChoice, aOnLeft: boolean): ModelChoice {
  if (choice === "left") return aOnLeft ? "a" : "b";
  if (choice === "right") return aOnLeft ? "b" : "a";
  return choice;
}

/** The inverse: a stored vote as the side its rater saw. */
export function sideChoice(choice: ModelChoice, aOnLeft: boolean): SideChoice {
  if (choice === "a") return aOnLeft ? "left" : "right";
  if (choice === "b") return aOnLeft ? "right" : "left";
  return choice;
}

/** What a rater sees of one side: a caption, boxes over the scene, or a picture (with a summary). */
export type RaterSide =
  | { kind: "caption"; text: string }
  | { kind: "boxes"; width: number; height: number; boxes: { box: [number, number, number, number]; label: string; color: [number, number, number] }[]; summary: string }
  | { kind: "image"; image: string; summary: string };

/** One assignment as a rater receives it. */
export interface RaterAssignment {
  id: string;
  task: TaskId;
  campaign: { id: string; name: string; instructions: string };
  /** The scene's picture (the grey input for colorization) and what it is, for its alt text. */
  scene: { image: string; caption: string };
  left: RaterSide;
  right: RaterSide;
  /** The rater's progress: votes cast here, and pairs still open to them (this one included). */
  progress: { voted: number; remaining: number };
}

/** GET /api/campaigns/<id>/next: the next assignment, or why there is none. */
export type NextAnswer =
  | { assignment: RaterAssignment; undo: { assignmentId: string } | null }
  | { assignment: null; reason: "done" | "closed"; progress: { voted: number; remaining: number }; undo: { assignmentId: string } | null };

/** POST /api/assignments/<id>/vote answers this (the same again for a retry with the same Idempotency-Key). */
export interface VoteAnswer {
  vote: { assignmentId: string; choice: SideChoice; createdAt: string };
  replayed: boolean;
}

/** A campaign a rater is invited to, as GET /api/rating lists it (its name is neutral: the task and the day it opened). */
export interface RaterCampaign {
  id: string;
  name: string;
  task: TaskId;
  instructions: string;
  voted: number;
  remaining: number;
}

/** A campaign as its owner reads it (GET /api/campaigns/<id>). */
export interface CampaignDetail {
  id: string;
  name: string;
  task: TaskId;
  status: "draft" | "open" | "closed";
  a: { id: string; name: string };
  b: { id: string; name: string };
  instructions: string;
  votesPerPair: number;
  goldCount: number;
  specVersionId: string | null;
  raters: { id: string; name: string; email: string; votes: number }[];
  pairs: number;
  /** Votes cast (skips apart), and votes wanted (pairs × votesPerPair). */
  votes: number;
  skips: number;
  wanted: number;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
}

/** Path parameters of the campaign, assignment and picture routes. */
export const IdParams = z.object({ id }).strict();

/** GET /api/campaigns/<id>/results?exclude=<rater id>,<rater id>: the numbers without those raters. */
export const ResultsQuerySchema = z.object({
  exclude: z.string().max(4000).optional().transform((v) => (v ? v.split(",").filter(Boolean) : []))
    .pipe(z.array(id).max(200)),
}).strict();
