/**
 * A second (and third) server process for lib/serving/rollout-processes.test.ts, on the
 * database DATABASE_URL names. `route <task> <n>`: prints, as JSON, the checkpoint id that
 * answers each of the request keys client-0 .. client-<n-1>. `move <rollout id> <version>`: tries
 * to pause the roll-out as read at that version, and prints "moved" or the refusal's code.
 * `crash <rollout id> <version>`:
 * starts a transition of that roll-out (to paused) and blocks this process inside its
 * transaction, after the state is written and before the event, saying "paused" on stdout, until
 * the parent SIGKILLs it.
 * Run with `node --import tsx --conditions=react-server <this> ...`.
 */
import { writeSync } from "node:fs";
import { createDb } from "@/lib/db/client";
import { applyRolloutTransition } from "@/lib/db";
import { resolveDatabase } from "@/lib/env/database";
import { hashRequestKey, routeFor } from "@/lib/serving/predict";
import type { TaskId } from "@/lib/rewards/task-types";

const [mode, a, b] = process.argv.slice(2) as [string, string, string];
const db = createDb(resolveDatabase(process.env));

if (mode === "route") {
  const served: string[] = [];
  for (let i = 0; i < Number(b); i++) served.push((await routeFor(db, a as TaskId, hashRequestKey(`client-${i}`))).served.id);
  writeSync(1, `${JSON.stringify(served)}\n`);
  await db.$disconnect();
} else if (mode === "move") {
  try {
    await applyRolloutTransition(db, {
      rolloutId: a, version: Number(b), now: new Date(),
      state: { status: "paused", stageIndex: 0, stageStartedAt: new Date(), approvedStage: null, reason: null },
      event: { type: "paused", details: { by: process.pid } },
    });
    writeSync(1, "moved\n");
  } catch (err) {
    writeSync(1, `${(err as { code?: string }).code ?? String(err)}\n`);
  }
  await db.$disconnect();
} else {
  const paused = db.$extends({
    query: {
      rolloutEvent: {
        create() {
          writeSync(1, "paused\n");
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
          throw new Error("unreachable");
        },
      },
    },
  }) as unknown as typeof db;
  await applyRolloutTransition(paused, {
    rolloutId: a, version: Number(b), now: new Date(),
    state: { status: "paused", stageIndex: 0, stageStartedAt: new Date(), approvedStage: null, reason: null },
    event: { type: "paused", details: {} },
  });
}
