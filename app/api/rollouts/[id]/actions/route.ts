import { NextResponse } from "next/server";
import { ActionSchema, RolloutParams } from "@/lib/rollout/contract";
import { route } from "@/lib/server/edge";
import { actOnRollout, describeRollout } from "@/lib/server/rollout-store";

/**
 * POST /api/rollouts/<id>/actions `{ action: start|pause|resume|promote|approve|rollback|evaluate, reason? }`:
 * one transition, with its event (and who did it). 200 `{ rollout }`; 409 when the roll-out's
 * state does not allow it, or when another request or process moved it first. Engineers and admins.
 */
export const POST = route({
  surface: "rollout",
  action: "act on roll-outs",
  access: ["engineer", "admin"],
  params: RolloutParams,
  body: { kind: "json", schema: ActionSchema, maxBytes: 4096 },
  handler: async ({ db, params, body, user }) => {
    const moved = await actOnRollout(db, { rolloutId: params.id, action: body.action, reason: body.reason, user });
    return NextResponse.json({ rollout: await describeRollout(db, moved) });
  },
});
