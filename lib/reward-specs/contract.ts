/**
 * The reward-specs API as client and server both see it: the save body (zod, parsed by the edge
 * on the server, the same RewardSpecSchema the composer validates with) and the response shapes.
 * No TF.js, no Prisma: pages import it freely.
 *
 *   POST /api/reward-specs            SaveRewardSpecBody  -> 201 { spec: SavedRewardSpec } (a new version)
 *                                                          -> 200 { spec: SavedRewardSpec } (same content: that version)
 *   GET  /api/reward-specs?task=      (RewardSpecListQuery) -> { specs: RewardSpecSummary[] }
 *   GET  /api/reward-specs/<versionId>                     -> { spec: SavedRewardSpec }
 */
import { z } from "zod";
import { RewardSpecSchema, type RewardSpec } from "@/lib/rewards/spec";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";

export const REWARD_SPECS_API = "/api/reward-specs";

/** A spec's name: what its owner calls it; versions accumulate under it. */
export const SpecNameSchema = z
  .string({ error: "expected the spec's name" })
  .trim()
  .min(1, "expected a name")
  .max(100, "expected at most 100 characters")
  .regex(/^[^\u0000-\u001f\u007f]*$/, "expected no control characters");

export const SaveRewardSpecBody = z
  .object({
    name: SpecNameSchema,
    spec: RewardSpecSchema,
    description: z.string({ error: "expected text" }).max(2000, "expected at most 2000 characters").optional(),
  })
  .strict();
export type SaveRewardSpecInput = z.input<typeof SaveRewardSpecBody>;

export const RewardSpecListQuery = z
  .object({ task: z.enum(TASK_IDS, { error: `expected one of ${TASK_IDS.join(", ")}` }).optional() })
  .strict();

export const VersionParams = z.object({ id: z.string().max(200) });

export interface Person {
  id: string;
  name: string;
}

/** One saved version with its spec's name and task: what POST answers and GET /<versionId> reads. */
export interface SavedRewardSpec {
  /** The version's id: what runs and the compare page refer to. */
  id: string;
  specId: string;
  name: string;
  task: TaskId;
  version: number;
  /** SHA-256 of the canonical JSON of `body`. */
  hash: string;
  /** The spec as validated and stored (defaults filled in). */
  body: RewardSpec;
  createdAt: string;
  author: Person;
}

export interface RewardSpecVersionSummary {
  id: string;
  version: number;
  hash: string;
  createdAt: string;
  author: Person;
}

/** A named spec with every version, newest first. */
export interface RewardSpecSummary {
  id: string;
  name: string;
  task: TaskId;
  description: string;
  owner: Person;
  versions: RewardSpecVersionSummary[];
}
