import { NextResponse } from "next/server";
import { ComparisonKeyQuerySchema, ComparisonPostSchema, MAX_COMPARISON_BYTES } from "@/lib/compare/contract";
import { SPLITS } from "@/lib/data";
import { findCachedComparison, saveCachedComparison, type Prisma } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { route } from "@/lib/server/edge";
import { comparedCheckpoints, describeComparison, type CachedBody } from "@/lib/server/compare-store";

/** GET /api/comparisons?aId=&bId=&split=&start=&count=&specHash=: the cached comparison, or 404 not_found:comparison. */
export const GET = route({
  surface: "comparison",
  action: "read cached comparisons",
  access: ["engineer", "admin"],
  query: ComparisonKeyQuerySchema,
  handler: async ({ db, query }) => {
    const row = await findCachedComparison(db, query);
    if (!row) throw new StudioError("not_found:comparison", "no cached comparison of these checkpoints on these scenes with this reward spec");
    return NextResponse.json({ comparison: describeComparison(row) });
  },
});

/**
 * POST /api/comparisons `{ aId, bId, split, start, count, specHash, result }`: caches a
 * comparison computed in a browser (at most 8 MB). Idempotent by its key: 201 when stored, 200
 * with the stored one when the key was cached before (a retry, or someone else computed it first).
 */
export const POST = route({
  surface: "comparison",
  action: "cache comparisons",
  access: ["engineer", "admin"],
  body: { kind: "json", schema: ComparisonPostSchema, maxBytes: MAX_COMPARISON_BYTES },
  handler: async ({ db, body, user }) => {
    const { result, ...key } = body;
    const range = SPLITS[key.split];
    if (key.start + key.count > range.count) {
      throw new StudioError("bad_request:comparison", `count: start + count must be at most ${range.count} (the ${key.split} split's size)`, { field: "count" });
    }
    if (result.scenes.length !== key.count) {
      throw new StudioError("bad_request:comparison", `result.scenes: expected ${key.count} scenes, got ${result.scenes.length}`, { field: "result.scenes" });
    }
    const wrong = result.scenes.findIndex((s, i) => s.seed !== range.start + key.start + i);
    if (wrong >= 0) {
      const field = `result.scenes[${wrong}].seed`;
      throw new StudioError("bad_request:comparison", `${field}: expected scene ${range.start + key.start + wrong} (${key.split} index ${key.start + wrong})`, { field });
    }
    const { task } = await comparedCheckpoints(db, { surface: "comparison", a: { field: "aId", id: key.aId }, b: { field: "bId", id: key.bId } });
    if (result.task !== task) throw new StudioError("bad_request:comparison", `result.task: the checkpoints are ${task} models, not ${result.task}`, { field: "result.task" });
    const stored: CachedBody = { computedBy: { id: user.id, name: user.name }, result };
    const { row, created } = await saveCachedComparison(db, { ...key, task, result: stored as unknown as Prisma.InputJsonValue });
    return NextResponse.json({ comparison: describeComparison(row) }, { status: created ? 201 : 200 });
  },
});
