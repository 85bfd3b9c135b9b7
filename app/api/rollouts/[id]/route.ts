import { NextResponse } from "next/server";
import { z } from "zod";
import { findRollout } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { route } from "@/lib/server/edge";
import { describeRollout } from "@/lib/server/rollout-store";

const Params = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected a roll-out id") }).strict();

/** GET /api/rollouts/<id>: stage, split, each gate check with its live value and threshold (read only), events. Engineers and admins. */
export const GET = route({
  surface: "rollout",
  action: "read roll-outs",
  access: ["engineer", "admin"],
  params: Params,
  handler: async ({ db, params }) => {
    const r = await findRollout(db, { id: params.id });
    if (!r) throw new StudioError("not_found:rollout", "no roll-out with this id");
    return NextResponse.json({ rollout: await describeRollout(db, r) });
  },
});
