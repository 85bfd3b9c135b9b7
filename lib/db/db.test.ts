import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StudioError } from "@/lib/errors";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import {
  appendRunMetrics, castVote, checkpointLineage, createDraftCampaign, createRollout, createRun, createUser,
  listRewardSpecs, listRunMetrics, logPredictions, migrateDatabase, nextAssignment, openCampaignRows, raterProgress, recentPredictions, releaseExpired, undoVote,
  recordSamples, registerCheckpoint, saveRewardSpecVersion, rewardSpecHash, seedDemoData, listSamples,
  applyRolloutTransition, findRollout, updateRunStatus, listUsers, findRewardSpecVersion, DEMO_USERS,
} from "./index";

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(StudioError);
  expect((err as StudioError).code).toBe(code);
}

describe.each(PROVIDERS)("data layer on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await freshDatabase(provider); });
  afterAll(async () => { await t.dispose(); });

  it("applies migrations once: a second run applies nothing", async () => {
    expect(await migrateDatabase(t.target)).toEqual([]);
  });

  it("seeds demo data idempotently", async () => {
    await seedDemoData(t.db);
    await seedDemoData(t.db);
    const users = await listUsers(t.db);
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect((await listUsers(t.db, { role: "rater" })).length).toBe(2);
  });

  it("refuses a second user with the same email as conflict:user", async () => {
    await createUser(t.db, { email: "x@y.z", name: "X", role: "engineer" });
    await expectCode(createUser(t.db, { email: "x@y.z", name: "X2", role: "rater" }), "conflict:user");
  });

  it("numbers reward spec versions 1, 2, 3, keeps the JSON body intact, and returns the same version for the same content", async () => {
    const owner = await createUser(t.db, { email: "spec@owner", name: "O", role: "engineer" });
    const body = { task: "captioning", terms: [{ term: "cider_d", weight: 1.5 }], nested: { a: [1, null, "s"] } };
    const v1 = await saveRewardSpecVersion(t.db, { ownerId: owner.id, name: "cider", task: "captioning", body });
    const v2 = await saveRewardSpecVersion(t.db, { ownerId: owner.id, name: "cider", task: "captioning", body: { ...body, v: 2 } });
    expect([v1.version.version, v2.version.version, v1.created, v2.created]).toEqual([1, 2, true, true]);
    // The same content with its keys in another order is the same version.
    const again = await saveRewardSpecVersion(t.db, { ownerId: owner.id, name: "cider", task: "captioning", body: { nested: { a: [1, null, "s"] }, terms: body.terms, task: "captioning" } });
    expect([again.version.id, again.created]).toEqual([v1.version.id, false]);
    expect(v1.version.hash).toBe(rewardSpecHash(body));
    expect((await findRewardSpecVersion(t.db, { specId: v1.version.specId, version: 1 }))?.body).toEqual(body);
    const specs = await listRewardSpecs(t.db, { task: "captioning" });
    expect(specs).toHaveLength(1);
    expect(specs[0]?.versions.map((v) => v.version)).toEqual([2]);
  });

  it("concurrent saves of one spec get distinct versions; the same content saved concurrently is one version", async () => {
    const owner = await createUser(t.db, { email: "race@owner", name: "R", role: "engineer" });
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) => saveRewardSpecVersion(t.db, { ownerId: owner.id, name: "race", task: "detection", body: { i } })),
    );
    const versions = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.version.version] : []));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.length).toBeGreaterThanOrEqual(1);
    const same = await Promise.all([1, 2, 3].map(() => saveRewardSpecVersion(t.db, { ownerId: owner.id, name: "same", task: "detection", body: { x: 1 } })));
    expect(new Set(same.map((r) => r.version.id)).size).toBe(1);
  });

  it("tracks checkpoint lineage from tuned back to MLE", async () => {
    const mle = await registerCheckpoint(t.db, { name: "mle", task: "detection", architecture: "vit-s", uri: "/m/mle", manifest: { a: 1 } });
    const tuned = await registerCheckpoint(t.db, {
      name: "tuned", task: "detection", architecture: "vit-s", uri: "/m/tuned", manifest: {}, parentId: mle.id,
    });
    expect((await checkpointLineage(t.db, { id: tuned.id })).map((c) => c.name)).toEqual(["tuned", "mle"]);
    await expectCode(
      registerCheckpoint(t.db, { name: "orphan", task: "detection", architecture: "a", uri: "/u", manifest: {}, parentId: "nope" }),
      "not_found:checkpoint",
    );
  });

  it("moves runs only through allowed statuses and stamps times", async () => {
    const owner = await createUser(t.db, { email: "run@owner", name: "R", role: "engineer" });
    const run = await createRun(t.db, { ownerId: owner.id, task: "panoptic", kind: "reinforce", settings: { steps: 10 } });
    expect(run.status).toBe("queued");
    const running = await updateRunStatus(t.db, { runId: run.id, status: "running", backend: "wasm" });
    expect(running.startedAt).toBeInstanceOf(Date);
    const done = await updateRunStatus(t.db, { runId: run.id, status: "completed" });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done.backend).toBe("wasm");
    await expectCode(updateRunStatus(t.db, { runId: run.id, status: "running" }), "conflict:run");
    await expectCode(updateRunStatus(t.db, { runId: "missing", status: "running" }), "not_found:run");
  });

  it("stores metric points once per (run, step, name): a retried batch adds nothing", async () => {
    const owner = await createUser(t.db, { email: "metrics@owner", name: "M", role: "engineer" });
    const run = await createRun(t.db, { ownerId: owner.id, task: "captioning", kind: "reinforce", settings: {}, evalMetric: "cider_d" });
    await expectCode(appendRunMetrics(t.db, { runId: run.id, points: [{ step: 0, name: "loss", value: 1 }] }), "conflict:run");
    await updateRunStatus(t.db, { runId: run.id, status: "running" });
    // The base model evaluated on the run's scenes (before step 0) is the reference, and no step.
    const base = await appendRunMetrics(t.db, { runId: run.id, points: [{ step: 0, name: "base/cider_d", value: 0.5 }] });
    expect([base.added, base.run.stepsDone, base.run.baseEval]).toEqual([1, 0, 0.5]);
    const points = [0, 1, 2].flatMap((step) => [{ step, name: "loss", value: 3 - step }, { step, name: "term/cider_d", value: 0.1 * step }]);
    expect((await appendRunMetrics(t.db, { runId: run.id, points })).added).toBe(6);
    expect((await appendRunMetrics(t.db, { runId: run.id, points })).added).toBe(0);
    // Step 3 is new, step 2 repeats (with another value, which does not replace the first).
    const r = await appendRunMetrics(t.db, { runId: run.id, points: [{ step: 3, name: "loss", value: null }, { step: 2, name: "loss", value: 99 }, { step: 2, name: "eval/cider_d", value: 0.7 }] });
    expect(r.added).toBe(2);
    expect([r.run.stepsDone, r.run.bestEval]).toEqual([4, 0.7]);
    const stored = await listRunMetrics(t.db, { runId: run.id, prefix: "loss" });
    expect(stored.map((p) => [p.step, p.value])).toEqual([[0, 3], [1, 2], [2, 1], [3, null]]);
    await expectCode(appendRunMetrics(t.db, { runId: "missing", points }), "not_found:run");
  });

  it("stores samples; hands raters pairs within the overlap; votes once per assignment; undoes the last", async () => {
    const a = await registerCheckpoint(t.db, { name: "A", task: "captioning", architecture: "x", uri: "/a", manifest: {} });
    const b = await registerCheckpoint(t.db, { name: "B", task: "captioning", architecture: "x", uri: "/b", manifest: {} });
    expect(await recordSamples(t.db, { checkpointId: a.id, samples: [{ sceneSeed: 7, output: { text: "a red circle" } }] })).toBe(1);
    expect((await listSamples(t.db, { checkpointId: a.id, sceneSeeds: [7] }))[0]?.output).toEqual({ text: "a red circle" });
    const owner = await createUser(t.db, { email: "camp@owner", name: "O", role: "engineer" });
    const r1 = await createUser(t.db, { email: "vote1@rater", name: "V1", role: "rater" });
    const r2 = await createUser(t.db, { email: "vote2@rater", name: "V2", role: "rater" });
    const draft = await createDraftCampaign(t.db, { name: "c", task: "captioning", aId: a.id, bId: b.id, ownerId: owner.id, pairs: [{ sceneSeed: 1 }, { sceneSeed: 2 }] });
    const drafts = await t.db.comparisonPair.findMany({ where: { campaignId: draft.id }, orderBy: { sceneSeed: "asc" } });
    const side = (text: string) => ({ kind: "caption", text });
    await openCampaignRows(t.db, {
      campaignId: draft.id, now: new Date(), raterIds: [r1.id, r2.id],
      settings: { instructions: "pick the better caption", votesPerPair: 1, goldCount: 0, specVersionId: null },
      images: [{ id: "img1", png: new Uint8Array([1, 2, 3]) }],
      pairs: drafts.map((p) => ({ id: p.id, sceneSeed: p.sceneSeed, outputA: {}, outputB: {}, viewA: side("x"), viewB: side("y"), rewardA: {}, rewardB: {}, sceneImageId: "img1" })),
    });
    await expectCode(openCampaignRows(t.db, { campaignId: draft.id, now: new Date(), raterIds: [], settings: { instructions: "", votesPerPair: 1, goldCount: 0, specVersionId: null }, images: [], pairs: [] }), "conflict:campaign");
    const campaign = { id: draft.id, votesPerPair: 1 };
    const opts = { campaign, now: new Date(), ttlMs: 60_000, random: () => 0.3 };
    const g1 = await nextAssignment(t.db, { ...opts, raterId: r1.id });
    expect((await nextAssignment(t.db, { ...opts, raterId: r1.id }))?.id).toBe(g1?.id);
    const g2 = await nextAssignment(t.db, { ...opts, raterId: r2.id });
    expect(g2?.pairId).not.toBe(g1?.pairId);
    // One vote per pair is wanted and both pairs are held: nothing is left for a third look.
    const vote = await castVote(t.db, { assignmentId: g1!.id, raterId: r1.id, side: "right", comment: "", idempotencyKey: "k1", now: new Date() });
    expect(vote.replayed).toBe(false);
    expect((await castVote(t.db, { assignmentId: g1!.id, raterId: r1.id, side: "right", comment: "", idempotencyKey: "k1", now: new Date() })).replayed).toBe(true);
    await expectCode(castVote(t.db, { assignmentId: g1!.id, raterId: r1.id, side: "left", comment: "", idempotencyKey: "k2", now: new Date() }), "conflict:vote");
    await expectCode(castVote(t.db, { assignmentId: g1!.id, raterId: r2.id, side: "left", comment: "", idempotencyKey: "k3", now: new Date() }), "forbidden:assignment");
    expect(await nextAssignment(t.db, { ...opts, raterId: r1.id })).toBeNull();
    expect(await raterProgress(t.db, { campaign, raterId: r1.id })).toEqual({ voted: 1, remaining: 0 });
    // Undo hands the assignment back; the next call returns it.
    await undoVote(t.db, { assignmentId: g1!.id, raterId: r1.id, now: new Date(), ttlMs: 60_000 });
    expect((await nextAssignment(t.db, { ...opts, raterId: r1.id }))?.id).toBe(g1!.id);
    // A skip frees the pair's slot; an abandoned assignment is released after its deadline.
    await castVote(t.db, { assignmentId: g1!.id, raterId: r1.id, side: "skip", comment: "", idempotencyKey: "k4", now: new Date() });
    expect(await nextAssignment(t.db, { ...opts, raterId: r1.id })).toBeNull();
    expect(await releaseExpired(t.db, { campaignId: campaign.id, now: new Date(Date.now() + 120_000) })).toBe(1);
    const again = await nextAssignment(t.db, { ...opts, now: new Date(Date.now() + 120_000), raterId: r2.id });
    expect(again?.pairId).toBe(g1!.pairId);
  });

  it("creates roll-outs with stages and events, and refuses moves after rollback", async () => {
    const owner = await createUser(t.db, { email: "roll@owner", name: "R", role: "admin" });
    const base = await registerCheckpoint(t.db, { name: "base", task: "colorization", architecture: "x", uri: "/1", manifest: {} });
    const cand = await registerCheckpoint(t.db, { name: "cand", task: "colorization", architecture: "x", uri: "/2", manifest: {} });
    const r = await createRollout(t.db, {
      name: "color v2", task: "colorization", candidateId: cand.id, baselineId: base.id, ownerId: owner.id,
      guardrails: [{ metric: "chroma_fidelity", op: ">=", threshold: 0.8 }],
      stages: [
        { name: "shadow", trafficPercent: 0, gate: { minPredictions: 100 } },
        { name: "canary", trafficPercent: 5, gate: { minVotes: 50 } },
        { name: "full", trafficPercent: 100, gate: {} },
      ],
    });
    expect(r.stages.map((s) => [s.name, s.position, s.trafficPercent])).toEqual([["shadow", 0, 0], ["canary", 1, 5], ["full", 2, 100]]);
    expect(r.events.map((e) => e.type)).toEqual(["created"]);
    await logPredictions(t.db, {
      entries: [1, 2].map((i) => ({ checkpointId: cand.id, rolloutId: r.id, stage: "shadow" as const, shadow: true,
        requestId: `req-${i}`, sceneSeed: i, output: { i }, latencyMs: 3.5 })),
    });
    expect(await recentPredictions(t.db, { rolloutId: r.id })).toHaveLength(2);
    const now = new Date();
    const state = (status: "active" | "rolled_back" | "completed", stageIndex = 0) => ({ status, stageIndex, stageStartedAt: now, approvedStage: null, reason: null });
    const active = await applyRolloutTransition(t.db, { rolloutId: r.id, version: 0, state: state("active"), event: { type: "started", stage: "shadow", details: {} }, now });
    expect([active.status, active.version, active.stages[0]!.startedAt]).toEqual(["active", 1, now]);
    // A second writer that read version 0 is refused, and writes nothing.
    await expectCode(applyRolloutTransition(t.db, { rolloutId: r.id, version: 0, state: state("active", 1), event: { type: "advanced", details: {} }, now }), "conflict:rollout");
    const back = await applyRolloutTransition(t.db, {
      rolloutId: r.id, version: 1, state: { ...state("rolled_back"), reason: "guardrail" }, event: { type: "rolled_back", stage: "shadow", details: { reason: "guardrail" } }, now,
    });
    expect(back.events.map((e) => e.type)).toEqual(["created", "started", "rolled_back"]);
    expect(back.stages[0]!.endedAt).toEqual(now);
    await expectCode(applyRolloutTransition(t.db, { rolloutId: r.id, version: 1, state: state("active"), event: { type: "x", details: {} }, now }), "conflict:rollout");
    // The refused move wrote no event either.
    expect((await findRollout(t.db, { id: r.id }))?.events).toHaveLength(3);
  });
});
