/**
 * The runs API as client and server both see it: request bodies (zod, parsed by the edge on the
 * server, used to build requests in the tab and the CLI) and response shapes. No TF.js, no
 * Prisma: pages, the Worker and the CLI import it freely.
 *
 *   POST /api/runs                       CreateRunBody            -> 201 { run: RunSummary }
 *   GET  /api/runs?task=&status=&mine=   (RunListQuery)           -> { runs: RunSummary[] }
 *   GET  /api/runs/<id>                                           -> { run: RunDetail }
 *   POST /api/runs/<id>/status           RunStatusBody            -> { run: RunSummary }
 *   POST /api/runs/<id>/metrics          MetricsBody              -> 200 { added, stepsDone }
 *   GET  /api/runs/<id>/metrics?from=                             -> { points: MetricPoint[] }
 *   POST /api/runs/<id>/samples          SamplesBody              -> 200 { added }
 *   GET  /api/runs/<id>/samples?step=                             -> { steps: number[], samples: RunSample[] }
 *   POST /api/checkpoints?name=&run=<id>&step=<k>  (multipart)    -> 201 { checkpoint } (linked to the run)
 */
import { z } from "zod";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";
import type { MetricPoint } from "@/lib/training/metric-points";

export const RUN_STATUSES = ["queued", "running", "paused", "completed", "failed", "cancelled"] as const;
export type RunStatusName = (typeof RUN_STATUSES)[number];
/** What the page shows: the stored status, or "interrupted" for a running run whose trainer went quiet. */
export type RunDisplayStatus = RunStatusName | "interrupted";

/** At most this many points in one metrics batch (a step logs ~20 plus 2 per term). */
export const MAX_POINTS_PER_BATCH = 5000;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected an id");

export const CreateRunBody = z
  .object({
    task: z.enum(TASK_IDS),
    kind: z.enum(["reinforce", "mle"]).default("reinforce"),
    name: z.string().max(100).default(""),
    /** The trainer's settings (ReinforceSettings for "reinforce"), validated by the server with the trainer's schema. */
    settings: z.record(z.string(), z.unknown()),
    /** A checkpoint on the server to start from, or the address of one elsewhere (this browser's IndexedDB). */
    baseCheckpointId: id.optional(),
    baseUri: z.string().min(1).max(500).optional(),
    /** The saved reward spec version the run tunes against (required for "reinforce"). */
    rewardSpecVersionId: id.optional(),
    source: z.enum(["tab", "cli"]).default("tab"),
  })
  .strict()
  .refine((b) => b.baseCheckpointId === undefined || b.baseUri === undefined, { message: "give baseCheckpointId or baseUri, not both", path: ["baseUri"] })
  .refine((b) => b.kind !== "reinforce" || b.rewardSpecVersionId !== undefined, { message: "a tuning run needs the reward spec version it tunes against", path: ["rewardSpecVersionId"] });
export type CreateRunInput = z.input<typeof CreateRunBody>;

export const RunStatusBody = z
  .object({
    /** "running" again on a running run is a heartbeat; on a paused or interrupted one, a resume. */
    status: z.enum(["running", "paused", "completed", "failed", "cancelled"]),
    error: z.string().max(2000).optional(),
    backend: z.string().max(40).optional(),
    backendReason: z.string().max(500).optional(),
  })
  .strict();
export type RunStatusInput = z.input<typeof RunStatusBody>;

export const MetricsBody = z
  .object({
    points: z
      .array(
        z.object({
          step: z.number().int().min(0).max(1_000_000),
          name: z.string().regex(/^[A-Za-z0-9_./-]{1,100}$/, "expected a metric name of letters, digits, _ . / -"),
          value: z.number().nullable(),
        }).strict(),
      )
      .min(1, "expected at least one point")
      .max(MAX_POINTS_PER_BATCH, `expected at most ${MAX_POINTS_PER_BATCH} points per batch`),
  })
  .strict();

export const SamplesBody = z
  .object({
    step: z.number().int().min(0),
    samples: z
      .array(z.object({ sceneSeed: z.number().int().min(0), output: z.unknown(), rewards: z.record(z.string(), z.number().nullable()).optional() }).strict())
      .min(1)
      .max(64),
  })
  .strict();

export interface RunSummary {
  id: string;
  name: string;
  task: TaskId;
  kind: "mle" | "reinforce";
  source: "tab" | "cli";
  status: RunStatusName;
  displayStatus: RunDisplayStatus;
  owner: { id: string; name: string; email: string };
  settings: Record<string, unknown>;
  backend: string | null;
  backendReason: string | null;
  error: string | null;
  baseCheckpointId: string | null;
  baseUri: string | null;
  rewardSpec: { id: string; specId: string; name: string; version: number; hash: string } | null;
  stepsDone: number;
  /** settings.steps */
  totalSteps: number;
  evalMetric: string | null;
  bestEval: number | null;
  baseEval: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string | null;
}

export interface RunCheckpoint { id: string; step: number | null; uri: string; createdAt: string }

export interface RunDetail extends RunSummary {
  /** The reward spec version's body (the RewardSpec JSON). */
  rewardSpecBody: unknown;
  /** Checkpoints the run uploaded, by step; the last one is where a resume starts. */
  checkpoints: RunCheckpoint[];
}

export interface RunSample { step: number; sceneSeed: number; output: unknown; rewards: Record<string, number | null> | null }

export type { MetricPoint };
