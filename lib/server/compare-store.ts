/**
 * What the compare routes share: checking the two checkpoints a comparison or campaign names,
 * and the campaign and cached-comparison shapes the routes answer with.
 */
import "server-only";
import { findCheckpoint, type CampaignWithCounts, type Checkpoint, type ComparisonCache, type Db, type Task } from "@/lib/db";
import type { CampaignSummary, ComparisonResult, StoredComparison } from "@/lib/compare/contract";
import { StudioError } from "@/lib/errors";

/**
 * Both checkpoints, refused unless each exists (`not_found:<surface>`), they are of one task
 * (of `task` when given; `bad_request:<surface>` naming the field) and differ.
 */
export async function comparedCheckpoints(
  db: Db,
  input: { surface: string; a: { field: string; id: string }; b: { field: string; id: string }; task?: Task },
): Promise<{ a: Checkpoint; b: Checkpoint; task: Task }> {
  const { surface } = input;
  if (input.a.id === input.b.id) throw new StudioError(`bad_request:${surface}`, `${input.b.field}: A and B must be different checkpoints`, { field: input.b.field });
  const load = async (side: { field: string; id: string }) => {
    const c = await findCheckpoint(db, { id: side.id });
    if (!c) throw new StudioError(`not_found:${surface}`, `${side.field}: no checkpoint with id ${side.id}`);
    return c;
  };
  const a = await load(input.a);
  const b = await load(input.b);
  const task = input.task ?? a.task;
  for (const [side, c] of [[input.a, a], [input.b, b]] as const) {
    if (c.task !== task) throw new StudioError(`bad_request:${surface}`, `${side.field}: ${c.name} is a ${c.task} model, not ${task}`, { field: side.field });
  }
  return { a, b, task };
}

export function describeCampaign(c: CampaignWithCounts): CampaignSummary {
  return {
    id: c.id, name: c.name, task: c.task, status: c.status, a: { id: c.a.id, name: c.a.name }, b: { id: c.b.id, name: c.b.name },
    pairs: c._count.pairs, createdAt: c.createdAt.toISOString(),
  };
}

/** How a comparison is kept in ComparisonCache.result: the worker's result and who computed it. */
export interface CachedBody { computedBy: { id: string; name: string }; result: ComparisonResult }

export function describeComparison(row: ComparisonCache): StoredComparison {
  const body = row.result as unknown as CachedBody;
  return { id: row.id, createdAt: row.createdAt.toISOString(), computedBy: body.computedBy?.name ?? null, result: body.result };
}
