import { NextResponse } from "next/server";
import { appendRunMetrics, listRunMetrics } from "@/lib/db";
import { MetricsBody, type MetricPoint } from "@/lib/runs/contract";
import { route } from "@/lib/server/edge";
import { findRunForRead, findRunForWrite } from "@/lib/server/run-access";
import { MetricsQuery, RunParams } from "@/lib/server/run-schemas";

/** Largest metrics batch: 5,000 points of ~60 bytes leave room to spare. */
const MAX_METRICS_BYTES = 1024 * 1024;

/** GET /api/runs/<id>/metrics?from=<step>: `{ points }` in (step, name) order, from that step on. Engineers and admins. */
export const GET = route({
  surface: "run",
  action: "read run metrics",
  access: ["engineer", "admin"],
  tokenScope: "runs",
  params: RunParams,
  query: MetricsQuery,
  handler: async ({ db, params, query }) => {
    await findRunForRead(db, { id: params.id });
    const rows = await listRunMetrics(db, { runId: params.id, fromStep: query.from });
    const points: MetricPoint[] = rows.map((p) => ({ step: p.step, name: p.name, value: p.value }));
    return NextResponse.json({ points });
  },
});

/**
 * POST /api/runs/<id>/metrics (MetricsBody, at most 1 MB): stores the points, idempotent per
 * (run, step, name), so a retried or overlapping batch stores nothing twice. 200 `{ added,
 * stepsDone }` (added: the points that were new). Counts as the trainer's heartbeat. 409 when
 * the run is not running or paused. The run's owner or an admin.
 */
export const POST = route({
  surface: "run",
  action: "log metrics to this run",
  access: ["engineer", "admin"],
  tokenScope: "runs",
  params: RunParams,
  body: { kind: "json", schema: MetricsBody, maxBytes: MAX_METRICS_BYTES },
  authorize: async ({ db, params, user }) => { await findRunForWrite(db, { id: params.id, user, action: "log metrics to it" }); },
  handler: async ({ db, params, body }) => {
    const { added, run } = await appendRunMetrics(db, { runId: params.id, points: body.points });
    return NextResponse.json({ added, stepsDone: run.stepsDone });
  },
});
