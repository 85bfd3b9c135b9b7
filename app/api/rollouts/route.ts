import { NextResponse } from "next/server";
import { z } from "zod";
import { listRollouts } from "@/lib/db";
import { CreateRolloutSchema } from "@/lib/rollout/contract";
import { TASK_IDS } from "@/lib/rewards/task-types";
import { route } from "@/lib/server/edge";
import { createRolloutFor, describeRollout } from "@/lib/server/rollout-store";

const ListQuery = z.object({ task: z.enum(TASK_IDS, { error: `expected one of ${TASK_IDS.join(", ")}` }).optional() }).strict();

/** GET /api/rollouts?task=: every roll-out, newest first, with its status, stage and checkpoints. Engineers and admins. */
export const GET = route({
  surface: "rollout",
  action: "list roll-outs",
  access: ["engineer", "admin"],
  query: ListQuery,
  handler: async ({ db, query }) => {
    const rows = await listRollouts(db, { task: query.task });
    return NextResponse.json({
      rollouts: rows.map((r) => ({
        id: r.id, name: r.name, task: r.task, status: r.status, reason: r.reason, stageIndex: r.stageIndex,
        stage: r.stages[r.stageIndex] ? { name: r.stages[r.stageIndex]!.name, percent: r.stages[r.stageIndex]!.trafficPercent } : null,
        stages: r.stages.length, candidate: r.candidate, baseline: r.baseline, createdAt: r.createdAt.toISOString(),
      })),
    });
  },
});

/**
 * POST /api/rollouts (CreateRolloutSchema): `{ name, task, candidateId, baselineId?, stages?,
 * drift?, start? }`: the baseline defaults to the task's serving model, the stages to shadow,
 * canary 5 / 25 / 50 %, full. Started at once unless `start: false`. 201 `{ rollout }`; 409 while
 * another roll-out of the task is live. Engineers and admins.
 */
export const POST = route({
  surface: "rollout",
  action: "create roll-outs",
  access: ["engineer", "admin"],
  body: { kind: "json", schema: CreateRolloutSchema, maxBytes: 64 * 1024 },
  handler: async ({ db, body, user }) => {
    const created = await createRolloutFor(db, { body, user });
    return NextResponse.json({ rollout: await describeRollout(db, created) }, { status: 201 });
  },
});
