import { NextResponse } from "next/server";
import { findRollout } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { RolloutParams } from "@/lib/rollout/contract";
import { route } from "@/lib/server/edge";
import { describeRollout } from "@/lib/server/rollout-store";

/** GET /api/rollouts/<id>: stage, split, each gate check with its live value and threshold (read only), events. Engineers and admins. */
export const GET = route({
  surface: "rollout",
  action: "read roll-outs",
  access: ["engineer", "admin"],
  params: RolloutParams,
  handler: async ({ db, params }) => {
    const r = await findRollout(db, { id: params.id });
    if (!r) throw new StudioError("not_found:rollout", "no roll-out with this id");
    return NextResponse.json({ rollout: await describeRollout(db, r) });
  },
});
