/**
 * Roll-outs' contract: a candidate checkpoint taken to a task's traffic in stages (shadow, then
 * canary shares, then full), each stage with gates; the actions a person takes. zod schemas
 * shared by routes, pages and scripts; no Prisma, no React.
 */
import { z } from "zod";
import { TASK_IDS } from "@/lib/rewards/task-types";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected an id (1 to 64 letters, digits, '_' or '-')");
const statName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "expected a statistic's name, e.g. caption_tokens");

/** A live statistic of the candidate held against the baseline's: its mean may move by at most this share (0.2 = ±20 %). */
export const GuardrailSchema = z.object({
  stat: statName,
  maxRelativeChange: z.number().positive("expected a share above 0").max(10),
}).strict();
export type StatGuardrail = z.infer<typeof GuardrailSchema>;

export const GateSchema = z.object({
  /** Candidate predictions in the stage before it is judged. */
  minSamples: z.number().int().min(1).max(1_000_000).default(50),
  /** Seconds in the stage before it is judged. */
  minSeconds: z.number().min(0).max(30 * 86_400).default(60),
  guardrails: z.array(GuardrailSchema).max(16).default([]),
  /** Most inference errors among the candidate's predictions (share). */
  maxErrorRate: z.number().min(0).max(1).default(0.02),
  /** Optionally: people's verdict from a rating campaign of this candidate against the baseline (B = candidate). */
  winRate: z.object({ campaignId: id, minLowerBound: z.number().min(0).max(1) }).strict().optional(),
  /** A person approves the stage before it is left. */
  manualApproval: z.boolean().default(false),
}).strict();
export type Gate = z.infer<typeof GateSchema>;

export const STAGE_NAMES = ["shadow", "canary", "full"] as const;
export const StageSchema = z.object({
  name: z.enum(STAGE_NAMES, { error: `expected one of ${STAGE_NAMES.join(", ")}` }),
  /** Share of requests the candidate answers (shadow: 0, it runs on mirrored requests; full: 100). */
  percent: z.number().min(0).max(100),
  gate: GateSchema.default(GateSchema.parse({})),
}).strict();
export type StageSpec = z.infer<typeof StageSchema>;

/** Drift detection on one statistic against the shadow stage's baseline (two-sided CUSUM). */
export const DriftSchema = z.object({
  stat: statName,
  /** Reference value k and decision interval h, in baseline standard deviations (k 0.5, h 5: about one false alarm in 465 in-control samples). */
  k: z.number().positive().max(5).default(0.5),
  h: z.number().positive().max(50).default(5),
}).strict();
export type DriftSpec = z.infer<typeof DriftSchema>;

/** The stages most roll-outs want: shadow, canary 5 %, 25 %, 50 %, full. */
export function defaultStages(guardrails: StatGuardrail[] = []): StageSpec[] {
  const g = (minSamples: number) => GateSchema.parse({ minSamples, minSeconds: 30, guardrails });
  return [
    { name: "shadow", percent: 0, gate: g(50) },
    { name: "canary", percent: 5, gate: g(20) },
    { name: "canary", percent: 25, gate: g(50) },
    { name: "canary", percent: 50, gate: g(100) },
    { name: "full", percent: 100, gate: g(100) },
  ];
}

export const CreateRolloutSchema = z.object({
  name: z.string().trim().min(1, "expected a name").max(100),
  task: z.enum(TASK_IDS, { error: `expected one of ${TASK_IDS.join(", ")}` }),
  candidateId: id,
  /** Default: the checkpoint serving the task now. */
  baselineId: id.optional(),
  stages: z.array(StageSchema).min(1, "expected at least one stage").max(12).optional(),
  drift: z.array(DriftSchema).max(8).default([]),
  /** Start at once (else it waits as a draft). */
  start: z.boolean().default(true),
}).strict().superRefine((r, ctx) => {
  const stages = r.stages ?? [];
  stages.forEach((s, i) => {
    if (s.name === "shadow" && s.percent !== 0) ctx.addIssue({ code: "custom", path: ["stages", i, "percent"], message: "a shadow stage serves no traffic: expected 0" });
    if (s.name === "full" && s.percent !== 100) ctx.addIssue({ code: "custom", path: ["stages", i, "percent"], message: "a full stage serves all traffic: expected 100" });
    if (i > 0 && s.percent < stages[i - 1]!.percent) ctx.addIssue({ code: "custom", path: ["stages", i, "percent"], message: "stages only raise the candidate's share" });
  });
});
export type CreateRollout = z.infer<typeof CreateRolloutSchema>;

export const ROLLOUT_ACTIONS = ["start", "pause", "resume", "promote", "approve", "rollback", "evaluate"] as const;
export type RolloutAction = (typeof ROLLOUT_ACTIONS)[number];
export const ActionSchema = z.object({
  action: z.enum(ROLLOUT_ACTIONS, { error: `expected one of ${ROLLOUT_ACTIONS.join(", ")}` }),
  reason: z.string().max(500).optional(),
}).strict();

/** Path parameters of GET /api/rollouts/<id> and its actions. */
export const RolloutParams = z.object({ id }).strict();
