import { NextResponse } from "next/server";
import { listRunSamples, listRunSampleSteps, recordRunSamples, type Prisma } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { route } from "@/lib/server/edge";
import { findRunForRead, findRunForWrite } from "@/lib/server/run-access";
import { RunParams, SamplesQuery, SamplesRequest } from "@/lib/server/run-schemas";
import { describeRunSample } from "@/lib/server/run-views";

/**
 * GET /api/runs/<id>/samples?step=<k>: `{ steps, samples }`: every step that has samples, and
 * the samples of step k (default: the latest). Engineers and admins.
 */
export const GET = route({
  surface: "run",
  action: "read run samples",
  access: ["engineer", "admin"],
  tokenScope: "runs",
  params: RunParams,
  query: SamplesQuery,
  handler: async ({ db, params, query }) => {
    await findRunForRead(db, { id: params.id });
    const steps = await listRunSampleSteps(db, { runId: params.id });
    const step = query.step ?? steps.at(-1);
    const samples = step === undefined ? [] : await listRunSamples(db, { runId: params.id, step });
    return NextResponse.json({ steps, samples: samples.map(describeRunSample) });
  },
});

/**
 * POST /api/runs/<id>/samples (SamplesBody): the eval scenes' outputs at an eval step, idempotent
 * per (run, step, sceneSeed): a retry stores nothing twice. 200 `{ added }`. 409 when the run is
 * not running or paused. The run's owner or an admin.
 */
export const POST = route({
  surface: "run",
  action: "record samples of this run",
  access: ["engineer", "admin"],
  tokenScope: "runs",
  params: RunParams,
  body: { kind: "json", schema: SamplesRequest, maxBytes: 1024 * 1024 },
  authorize: async ({ db, params, user }) => { await findRunForWrite(db, { id: params.id, user, action: "record samples of it" }); },
  handler: async ({ db, params, body }) => {
    const run = await findRunForRead(db, { id: params.id });
    if (run.status !== "running" && run.status !== "paused") {
      throw new StudioError("conflict:run", `run ${run.id} is ${run.status}; samples are taken only while it runs`);
    }
    const samples = body.samples.map((s) => ({ sceneSeed: s.sceneSeed, output: s.output as Prisma.InputJsonValue, ...(s.rewards ? { rewards: s.rewards } : {}) }));
    const added = await recordRunSamples(db, { runId: params.id, step: body.step, samples });
    return NextResponse.json({ added });
  },
});
