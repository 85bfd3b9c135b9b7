import { NextResponse } from "next/server";
import { findRunDetail } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { route } from "@/lib/server/edge";
import { RunParams } from "@/lib/server/run-schemas";
import { describeRunDetail } from "@/lib/server/run-views";

/** GET /api/runs/<id>: `{ run: RunDetail }` (with the reward spec body and the checkpoints it produced, by step). Engineers and admins. */
export const GET = route({
  surface: "run",
  action: "read runs",
  access: ["engineer", "admin"],
  tokenScope: "runs",
  params: RunParams,
  handler: async ({ db, params }) => {
    const run = await findRunDetail(db, { id: params.id });
    if (!run) throw new StudioError("not_found:run", `run ${params.id} was not found`);
    return NextResponse.json({ run: describeRunDetail(run) });
  },
});
