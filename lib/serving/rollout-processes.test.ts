import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRolloutTransition, createRollout, findRollout, registerCheckpoint } from "@/lib/db";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";

/** Runs lib/testing/rollout-child.ts in its own process; resolves with its stdout (or when killed). */
function child(args: string[], databaseUrl: string, onPaused?: (kill: () => void) => void): Promise<string> {
  const p = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/rollout-child.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  p.stderr.on("data", (d: Buffer) => (err += d));
  p.stdout.on("data", (d: Buffer) => {
    out += d;
    if (onPaused && out.includes("paused")) onPaused(() => p.kill("SIGKILL"));
  });
  return new Promise((resolve, reject) => p.on("exit", (code, signal) => (code === 0 || signal === "SIGKILL" ? resolve(out) : reject(new Error(`child ended ${code ?? signal}: ${err}`)))));
}

describe.each(PROVIDERS)("roll-outs across server processes on %s", (provider) => {
  let t: TestDatabase;
  let rolloutId = "";
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await freshDatabase(provider);
    const owner = await t.db.user.create({ data: { email: "o@x", name: "o", role: "engineer" } });
    ids.base = (await registerCheckpoint(t.db, { name: "base", task: "captioning", architecture: "x", uri: "/models/captioning/mle/model.json", manifest: {} })).id;
    ids.cand = (await registerCheckpoint(t.db, { name: "cand", task: "captioning", architecture: "x", uri: "/models/captioning/tuned/model.json", manifest: {} })).id;
    const r = await createRollout(t.db, {
      name: "r", task: "captioning", candidateId: ids.cand, baselineId: ids.base, ownerId: owner.id, guardrails: {},
      stages: [{ name: "canary", trafficPercent: 30, gate: {} }, { name: "full", trafficPercent: 100, gate: {} }],
    });
    rolloutId = r.id;
    await applyRolloutTransition(t.db, { rolloutId, version: 0, now: new Date(), state: { status: "active", stageIndex: 0, stageStartedAt: new Date(), approvedStage: null, reason: null }, event: { type: "started", details: {} } });
  });
  afterAll(async () => { await t?.dispose(); });

  it("two processes route every request key alike: the same split and the same sticky choice", async () => {
    const [x, y] = await Promise.all([child(["route", "captioning", "300"], t.target.url), child(["route", "captioning", "300"], t.target.url)]);
    const a = JSON.parse(x) as string[];
    expect(JSON.parse(y)).toEqual(a);
    const share = a.filter((id) => id === ids.cand).length / a.length;
    expect(Math.abs(share - 0.3)).toBeLessThan(0.08);
  }, 60_000);

  it("a process killed inside a transition leaves the roll-out as it was: no state without its event", async () => {
    const before = (await findRollout(t.db, { id: rolloutId }))!;
    await child(["crash", rolloutId, String(before.version)], t.target.url, (kill) => kill());
    const after = (await findRollout(t.db, { id: rolloutId }))!;
    expect([after.status, after.version, after.events.length]).toEqual([before.status, before.version, before.events.length]);
    // And the next transition, in this process, goes through.
    const moved = await applyRolloutTransition(t.db, { rolloutId, version: after.version, now: new Date(), state: { status: "paused", stageIndex: after.stageIndex, stageStartedAt: after.stageStartedAt, approvedStage: null, reason: null }, event: { type: "paused", details: {} } });
    expect(moved.status).toBe("paused");
  }, 60_000);

  it("two processes racing to move one roll-out from the same version: exactly one moves it, the other is refused; its events outlive it", async () => {
    const r = (await findRollout(t.db, { id: rolloutId }))!;
    const resumed = await applyRolloutTransition(t.db, { rolloutId, version: r.version, now: new Date(), state: { status: "active", stageIndex: r.stageIndex, stageStartedAt: r.stageStartedAt, approvedStage: null, reason: null }, event: { type: "resumed", details: {} } });
    const answers = await Promise.all([child(["move", rolloutId, String(resumed.version)], t.target.url), child(["move", rolloutId, String(resumed.version)], t.target.url)]);
    expect(answers.map((x) => x.trim()).sort()).toEqual(["conflict:rollout", "moved"]);
    const after = (await findRollout(t.db, { id: rolloutId }))!;
    expect([after.status, after.version, after.events.filter((e) => e.type === "paused").length]).toEqual(["paused", resumed.version + 1, 2]);
    await expect(t.db.rollout.delete({ where: { id: rolloutId } })).rejects.toThrow();
    expect(await t.db.rolloutEvent.count({ where: { rolloutId } })).toBe(after.events.length);
  }, 60_000);
});
