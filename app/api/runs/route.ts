import { NextResponse } from "next/server";
import { listRuns } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { route } from "@/lib/server/edge";
import { createRunFor } from "@/lib/server/run-store";
import { CreateRunRequest, IdempotencyKey, RunListQuery } from "@/lib/server/run-schemas";
import { describeRun } from "@/lib/server/run-views";

const STUDIO = ["engineer", "admin"] as const;

/**
 * GET /api/runs?task=&status=&mine=1: runs newest first (at most 200), as RunSummary. `status`
 * filters by what the page shows: "interrupted" is a running run whose trainer went quiet, and
 * "running" excludes those. Engineers and admins (and their API tokens).
 */
export const GET = route({
  surface: "run",
  action: "list runs",
  access: STUDIO,
  tokenScope: "runs",
  query: RunListQuery,
  handler: async ({ db, query, user }) => {
    const stored = query.status === "interrupted" ? "running" : query.status;
    const now = new Date();
    const rows = await listRuns(db, { task: query.task, status: stored, ...(query.mine === "1" ? { ownerId: user.id } : {}) });
    const runs = rows.map((r) => describeRun(r, now)).filter((r) => !query.status || r.displayStatus === query.status);
    return NextResponse.json({ runs });
  },
});

/**
 * POST /api/runs (CreateRunBody): a queued run owned by the caller. 201 `{ run }`; with an
 * `Idempotency-Key` header, the same key again returns the same run with 200. 400 names the
 * field (`settings.lr`), 404 an unknown reward spec version or base checkpoint.
 */
export const POST = route({
  surface: "run",
  action: "create runs",
  access: STUDIO,
  tokenScope: "runs",
  body: { kind: "json", schema: CreateRunRequest, maxBytes: 16 * 1024 },
  handler: async ({ db, body, user, request }) => {
    const header = request.headers.get("idempotency-key");
    const key = header === null ? undefined : IdempotencyKey.safeParse(header);
    if (key && !key.success) throw new StudioError("bad_request:run", `Idempotency-Key: ${key.error.issues[0]?.message ?? "invalid"}`, { field: "Idempotency-Key" });
    const { run, created } = await createRunFor(db, { user, body, idempotencyKey: key?.data });
    return NextResponse.json({ run: describeRun(run) }, { status: created ? 201 : 200 });
  },
});
