import { NextResponse } from "next/server";
import { findRunSummary, updateRunStatus } from "@/lib/db";
import { RunStatusBody } from "@/lib/runs/contract";
import { route } from "@/lib/server/edge";
import { findRunForWrite } from "@/lib/server/run-access";
import { RunParams } from "@/lib/server/run-schemas";
import { describeRun } from "@/lib/server/run-views";

/**
 * POST /api/runs/<id>/status (RunStatusBody): moves the run (queued -> running -> paused /
 * completed / failed / cancelled); "running" on a running run is a heartbeat, on a paused one a
 * resume. `{ run }`; 409 `conflict:run` for a move its status does not allow (a finished run
 * stays finished). The run's owner or an admin.
 */
export const POST = route({
  surface: "run",
  action: "change this run's status",
  access: ["engineer", "admin"],
  tokenScope: "runs",
  params: RunParams,
  body: { kind: "json", schema: RunStatusBody, maxBytes: 8 * 1024 },
  authorize: async ({ db, params, user }) => { await findRunForWrite(db, { id: params.id, user, action: "change its status" }); },
  handler: async ({ db, params, body }) => {
    await updateRunStatus(db, { runId: params.id, ...body });
    return NextResponse.json({ run: describeRun((await findRunSummary(db, { id: params.id }))!) });
  },
});
