/**
 * The compare page's contract with the server: the cached comparison of two checkpoints on the
 * same scenes (POST/GET /api/comparisons) and draft rating campaigns (POST/GET /api/campaigns).
 * zod schemas shared by the routes and the page; no TF.js, Prisma or React.
 */
import { z } from "zod";
import { SPLITS, type Split } from "@/lib/data";
import { OpenCampaignSchema } from "@/lib/rating/contract";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";

/** The most scenes one comparison holds (the cache's body limit is sized for colorization at this many). */
export const MAX_COMPARE_SCENES = 200;
/** POST /api/comparisons body limit: 200 colorization scenes (two 32×32×3 images each) as JSON fit. */
export const MAX_COMPARISON_BYTES = 8 * 2 ** 20;
/** Pairs one POST /api/campaigns may add. */
export const MAX_CAMPAIGN_PAIRS = 500;

const SPLIT_NAMES = Object.keys(SPLITS) as [Split, ...Split[]];
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected an id (1 to 64 letters, digits, '_' or '-')");
const taskEnum = z.enum(TASK_IDS, { error: `expected one of ${TASK_IDS.join(", ")}` });
/** SHA-256 (hex) of the reward spec's canonical JSON (lib/compare/spec-hash.ts; equal to a saved version's hash). */
const specHash = z.string().regex(/^[0-9a-f]{64}$/, "expected the SHA-256 of the spec's canonical JSON (64 lowercase hex digits)");
const finiteOrNull = z.number().nullable();

/** One checkpoint's greedy output on a scene (plainOutput JSON), each reward term's raw value and the composite. */
const SideSchema = z.object({
  output: z.record(z.string().max(64), z.unknown()),
  terms: z.record(z.string().max(64), finiteOrNull),
  composite: finiteOrNull,
}).strict();

export const ComparedSceneSchema = z.object({ seed: z.number().int().min(0), a: SideSchema, b: SideSchema }).strict();
export type ComparedScene = z.infer<typeof ComparedSceneSchema>;

/** The aggregate name of the mean composite reward, and of each term's mean. */
export const REWARD_METRIC = "reward";
export const termMetric = (key: string): string => `mean ${key}`;

/** An aggregate metric on all scenes (the task's evalMetrics, plus the mean reward), B − A and its paired bootstrap interval. */
export const AggregateSchema = z.object({
  name: z.string().min(1).max(64), a: finiteOrNull, b: finiteOrNull, diff: finiteOrNull, lo: finiteOrNull, hi: finiteOrNull,
}).strict();
export type Aggregate = z.infer<typeof AggregateSchema>;

/** What the compare worker computes for a (A, B, split, start, count, spec), and what the server caches. */
export const ComparisonResultSchema = z.object({
  task: taskEnum,
  /** Term keys in spec order, and each one's weight in the composite (0: logged, not rewarded). */
  keys: z.array(z.string().min(1).max(64)).max(32),
  weights: z.record(z.string().max(64), z.number()),
  scenes: z.array(ComparedSceneSchema).min(1).max(MAX_COMPARE_SCENES),
  aggregates: z.object({
    metrics: z.array(AggregateSchema).max(64),
    resamples: z.number().int().min(0).max(100_000),
    level: z.number().gt(0).lt(1),
    seed: z.number().int().min(0),
  }).strict(),
  /** Where it ran and how long it took (s). */
  backend: z.string().max(40),
  seconds: z.number().min(0),
}).strict();
export type ComparisonResult = z.infer<typeof ComparisonResultSchema>;

const keyFields = {
  aId: id,
  bId: id,
  split: z.enum(SPLIT_NAMES, { error: `expected one of ${SPLIT_NAMES.join(", ")}` }),
  specHash,
};

/** The cache key as GET's query parameters (numbers arrive as text). */
export const ComparisonKeyQuerySchema = z.object({
  ...keyFields,
  start: z.coerce.number().int("expected an integer").min(0),
  count: z.coerce.number().int("expected an integer").min(1).max(MAX_COMPARE_SCENES),
}).strict();
export type ComparisonKey = z.infer<typeof ComparisonKeyQuerySchema>;

export const ComparisonPostSchema = z.object({
  ...keyFields,
  start: z.number().int("expected an integer").min(0),
  count: z.number().int("expected an integer").min(1).max(MAX_COMPARE_SCENES),
  result: ComparisonResultSchema,
}).strict();
export type ComparisonPost = z.infer<typeof ComparisonPostSchema>;

/** A cached comparison as the server answers it. */
export interface StoredComparison {
  id: string;
  /** When it was stored (ISO), and who computed it. */
  createdAt: string;
  computedBy: string | null;
  result: ComparisonResult;
}

export const CampaignPostSchema = z.object({
  /** A new draft's name; ignored when appending (`campaignId`). */
  name: z.string().trim().min(1, "expected a name").max(100).optional(),
  task: taskEnum,
  aCheckpointId: id,
  bCheckpointId: id,
  /** The pairs, one per scene (as /compare sends them)... */
  pairs: z.array(z.object({ sceneSeed: z.number().int().min(0), note: z.string().max(200).optional() }).strict()).min(1, "expected at least one pair").max(MAX_CAMPAIGN_PAIRS).optional(),
  /** ...or a range of the test split's scenes, by index. */
  scenes: z.object({
    start: z.number().int("expected an integer").min(0).max(SPLITS.test.count - 1),
    count: z.number().int("expected an integer").min(1).max(MAX_CAMPAIGN_PAIRS),
  }).strict().refine((r) => r.start + r.count <= SPLITS.test.count, { message: `the test split has ${SPLITS.test.count} scenes (indices 0 to ${SPLITS.test.count - 1})`, path: ["count"] }).optional(),
  /** Append to this draft of yours instead of creating one. */
  campaignId: id.optional(),
  /** Open it at once with these settings: outputs are computed now and raters may start. */
  open: OpenCampaignSchema.optional(),
}).strict()
  .refine((b) => b.name !== undefined || b.campaignId !== undefined, { message: "a new campaign needs a name (or pass campaignId to append to a draft)", path: ["name"] })
  .refine((b) => (b.pairs === undefined) !== (b.scenes === undefined), { message: "expected either pairs (scene seeds) or scenes (a range of the test split), not both", path: ["pairs"] })
  .refine((b) => !(b.open && b.campaignId), { message: "open applies to a new campaign; open a draft with POST /api/campaigns/<id>/open", path: ["open"] })
  .refine((b) => b.aCheckpointId !== b.bCheckpointId, { message: "A and B must be different checkpoints", path: ["bCheckpointId"] });
export type CampaignPost = z.infer<typeof CampaignPostSchema>;

export const CAMPAIGN_STATUSES = ["draft", "open", "closed"] as const;
export const CampaignListQuerySchema = z.object({
  status: z.enum(CAMPAIGN_STATUSES, { error: `expected one of ${CAMPAIGN_STATUSES.join(", ")}` }).optional(),
  task: taskEnum.optional(),
}).strict();

/** A campaign as GET /api/campaigns lists it and POST answers it. */
export interface CampaignSummary {
  id: string;
  name: string;
  task: TaskId;
  status: (typeof CAMPAIGN_STATUSES)[number];
  a: { id: string; name: string };
  b: { id: string; name: string };
  /** Pairs in it now. */
  pairs: number;
  createdAt: string;
}
