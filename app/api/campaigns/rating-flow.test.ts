import path from "node:path";
import { decode } from "fast-png";
import { beforeAll, describe, expect, it } from "vitest";
import { openSession } from "@/lib/auth";
import type { CampaignSummary } from "@/lib/compare/contract";
import { createUser, db, findCheckpointByUri, findUserByEmail } from "@/lib/db";
import type { CampaignDetail, NextAnswer, RaterAssignment, VoteAnswer } from "@/lib/rating/contract";
import type { CampaignResults } from "@/lib/rating/results";
import { registerShippedCheckpoints } from "@/lib/server/shipped-checkpoints";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { shippedUri } from "@/lib/training/checkpoint-uris";
import { DELETE as undoRoute, POST as voteRoute } from "../assignments/[id]/vote/route";
import { GET as imageRoute } from "../rating-images/[id]/route";
import { GET as ratingList } from "../rating/route";
import { POST as closeRoute } from "./[id]/close/route";
import { GET as nextRoute } from "./[id]/next/route";
import { GET as resultsRoute } from "./[id]/results/route";
import { POST as openRoute } from "./[id]/open/route";
import { GET as detailRoute } from "./[id]/route";
import { POST } from "./route";

routeTestDatabase("rating-flow");

const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
const ids: Record<string, string> = {};
beforeAll(async () => {
  await registerShippedCheckpoints(db(), { publicDir: path.resolve("public") });
  for (const who of ["engineer", "admin", "rater1", "rater2"]) {
    const user = await findUserByEmail(db(), { email: `${who}@reward.studio` });
    users[who] = user!.id;
    cookies[who] = `rs_session=${(await openSession(db(), { userId: user!.id })).token}`;
  }
  const outsider = await createUser(db(), { email: "outsider@reward.studio", name: "Outsider", role: "engineer" });
  cookies.outsider = `rs_session=${(await openSession(db(), { userId: outsider.id })).token}`;
  for (const task of ["captioning", "detection"] as const) {
    ids[`${task}-mle`] = (await findCheckpointByUri(db(), { uri: shippedUri(task, "mle") }))!.id;
    ids[`${task}-tuned`] = (await findCheckpointByUri(db(), { uri: shippedUri(task, "tuned") }))!.id;
  }
});

const headers = (who: string, extra: Record<string, string> = {}) => ({ "content-type": "application/json", cookie: cookies[who] ?? "", "sec-fetch-site": "same-origin", ...extra });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const create = (body: unknown, who = "engineer") => POST(new Request("http://localhost/api/campaigns", { method: "POST", headers: headers(who), body: JSON.stringify(body) }));
const next = (id: string, who: string) => nextRoute(new Request(`http://localhost/api/campaigns/${id}/next`, { headers: headers(who) }), ctx(id));
const vote = (id: string, who: string, body: unknown, key?: string) => voteRoute(new Request(`http://localhost/api/assignments/${id}/vote`, {
  method: "POST", headers: headers(who, key ? { "idempotency-key": key } : {}), body: JSON.stringify(body),
}), ctx(id));
const undo = (id: string, who: string) => undoRoute(new Request(`http://localhost/api/assignments/${id}/vote`, { method: "DELETE", headers: headers(who) }), ctx(id));

describe("a rating campaign end to end", () => {
  let campaign: CampaignSummary;
  const received: string[] = [];

  it("creates and opens a campaign in one call: both models' outputs computed on the server, gold pairs added", async () => {
    const res = await create({
      name: "captions: MLE vs tuned", task: "captioning", aCheckpointId: ids["captioning-mle"], bCheckpointId: ids["captioning-tuned"],
      scenes: { start: 0, count: 4 },
      open: { raterIds: [users.rater1, users.rater2], votesPerPair: 2, goldCount: 1, instructions: "Which caption describes the picture better?" },
    });
    expect(res.status).toBe(201);
    campaign = ((await res.json()) as { campaign: CampaignSummary }).campaign;
    expect(campaign).toMatchObject({ status: "open", pairs: 5 });
    const pairs = await db().comparisonPair.findMany({ where: { campaignId: campaign.id } });
    expect(pairs.filter((p) => p.gold === "a")).toHaveLength(1);
    for (const p of pairs) {
      expect(typeof (p.outputA as { text: unknown }).text).toBe("string");
      expect(p.viewA).toMatchObject({ kind: "caption", text: (p.outputA as { text: string }).text });
    }
    // The reward's view of each real pair is kept for the results (gold pairs have none).
    expect(pairs.filter((p) => !p.gold).every((p) => typeof (p.rewardA as { composite: unknown }).composite === "number")).toBe(true);
  }, 120_000);

  it("names the field of settings that cannot work, before anything is written", async () => {
    const before = await db().campaign.count();
    const res = await create({
      name: "x", task: "captioning", aCheckpointId: ids["captioning-mle"], bCheckpointId: ids["captioning-tuned"], scenes: { start: 0, count: 2 },
      open: { raterIds: [users.rater1], votesPerPair: 2 },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "bad_request:campaign", field: "votesPerPair" });
    const range = await create({ name: "x", task: "captioning", aCheckpointId: ids["captioning-mle"], bCheckpointId: ids["captioning-tuned"], scenes: { start: 1999, count: 2 } });
    expect(range.status).toBe(400);
    expect(await range.json()).toMatchObject({ field: "scenes.count" });
    expect(await db().campaign.count()).toBe(before);
  });

  it("lists the campaign for its raters only, and refuses the next assignment to someone not invited", async () => {
    const list = await ratingList(new Request("http://localhost/api/rating", { headers: headers("rater1") }));
    received.push(await list.clone().text());
    expect(((await list.json()) as { campaigns: { id: string; remaining: number }[] }).campaigns).toEqual([expect.objectContaining({ id: campaign.id, remaining: 5, voted: 0 })]);
    const stranger = await next(campaign.id, "admin");
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ code: "forbidden:rating" });
  });

  let first: RaterAssignment;
  it("hands a rater an assignment that names no model, no pair and no checkpoint; the same one until they vote", async () => {
    const res = await next(campaign.id, "rater1");
    const text = await res.clone().text();
    received.push(text);
    const body = (await res.json()) as NextAnswer;
    first = body.assignment!;
    expect(first).toMatchObject({ task: "captioning", left: { kind: "caption" }, right: { kind: "caption" }, progress: { voted: 0, remaining: 5 } });
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(((await (await next(campaign.id, "rater1")).json()) as NextAnswer).assignment?.id).toBe(first.id);
    const img = await imageRoute(new Request(`http://localhost${first.scene.image}`, { headers: headers("rater1") }), ctx(first.scene.image.split("/").pop()!));
    expect(img.headers.get("content-type")).toBe("image/png");
    const png = decode(new Uint8Array(await img.arrayBuffer()));
    expect([png.width, png.height]).toEqual([32, 32]);
    const look = async (who: string) => (await imageRoute(new Request(`http://localhost${first.scene.image}`, { headers: headers(who) }), ctx(first.scene.image.split("/").pop()!))).status;
    expect([await look("engineer"), await look("admin"), await look("outsider")]).toEqual([200, 200, 403]);
  });

  it("stores a vote once: a retry with the same key is answered the same, another key is 409, someone else's assignment 403", async () => {
    const missingKey = await vote(first.id, "rater1", { choice: "left" });
    expect(missingKey.status).toBe(400);
    expect(await missingKey.json()).toMatchObject({ field: "Idempotency-Key" });
    const [x, y] = await Promise.all([vote(first.id, "rater1", { choice: "left" }, "k-1"), vote(first.id, "rater1", { choice: "left" }, "k-1")]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    const answers = [(await x.json()) as VoteAnswer, (await y.json()) as VoteAnswer];
    expect(answers[0]!.vote).toEqual(answers[1]!.vote);
    expect((await vote(first.id, "rater1", { choice: "right" }, "k-2")).status).toBe(409);
    expect((await vote(first.id, "rater2", { choice: "right" }, "k-3")).status).toBe(403);
    expect(await db().vote.count({ where: { assignmentId: first.id } })).toBe(1);
    const bad = await vote(first.id, "rater1", { choice: "middle" }, "k-4");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "choice" });
  });

  it("undoes the last vote: the assignment comes back, and can be voted again", async () => {
    const after = (await (await next(campaign.id, "rater1")).json()) as NextAnswer;
    expect(after.undo).toEqual({ assignmentId: first.id });
    expect(after.assignment?.id).not.toBe(first.id);
    // Only the last vote can be undone; this one is, until another vote is cast.
    expect((await undo(first.id, "rater1")).status).toBe(200);
    expect((await undo(first.id, "rater1")).status).toBe(200);
    const back = (await (await next(campaign.id, "rater1")).json()) as NextAnswer;
    expect([back.assignment?.id, back.undo]).toEqual([first.id, null]);
    expect((await vote(first.id, "rater1", { choice: "right" }, "k-5")).status).toBe(201);
  });

  it("runs out: each rater sees each pair once; two raters fill every pair's two slots", async () => {
    for (const who of ["rater1", "rater2"]) {
      for (let i = 0; i < 10; i++) {
        const res = await next(campaign.id, who);
        received.push(await res.clone().text());
        const body = (await res.json()) as NextAnswer;
        if (!body.assignment) { expect(body).toMatchObject({ reason: "done", progress: { remaining: 0 } }); break; }
        expect((await vote(body.assignment.id, who, { choice: i % 3 === 0 ? "tie" : "left", comment: "" }, `${who}-${i}`)).status).toBe(201);
      }
    }
    expect(await db().vote.count({ where: { pair: { campaignId: campaign.id } } })).toBe(10);
    const d = await detailRoute(new Request(`http://localhost/api/campaigns/${campaign.id}`, { headers: headers("engineer") }), ctx(campaign.id));
    expect(((await d.json()) as { campaign: CampaignDetail }).campaign).toMatchObject({ votes: 10, wanted: 10, votesPerPair: 2, goldCount: 1 });
  });

  it("reads the results: win rate with its interval, Bradley–Terry, position bias, agreement, raters; raters are refused", async () => {
    const get = (who: string, q = "") => resultsRoute(new Request(`http://localhost/api/campaigns/${campaign.id}/results${q}`, { headers: headers(who) }), ctx(campaign.id));
    const res = await get("engineer");
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: CampaignResults };
    expect(results.counts).toMatchObject({ pairs: 5, goldPairs: 1, votes: 8 });
    expect(results.winRate.lo).toBeLessThanOrEqual(results.winRate.p);
    expect(results.raters.map((r) => r.name).sort()).toEqual(["Rae Rater", "Ravi Rater"]);
    // Gold agreement counts decisive votes on the one gold pair each rater saw (a tie there is not counted).
    expect(results.raters.every((r) => r.gold.n <= 1)).toBe(true);
    const without = (await (await get("engineer", `?exclude=${users.rater2}`)).json()) as { results: CampaignResults };
    expect(without.results.counts.votes).toBe(4);
    expect((await get("rater1")).status).toBe(403);
    const bad = await get("engineer", "?exclude=a%20b");
    expect(bad.status).toBe(400);
  });

  it("never tells raters which model made which output (checkpoint ids and names, pair ids absent from everything received)", async () => {
    const pairs = await db().comparisonPair.findMany({ where: { campaignId: campaign.id }, select: { id: true } });
    const checkpoints = await db().checkpoint.findMany({ select: { id: true, name: true, uri: true } });
    const secrets = [...pairs.map((p) => p.id), ...checkpoints.flatMap((c) => [c.id, c.name, c.uri]), "mle", "tuned", "MLE"];
    const all = received.join("\n");
    for (const s of secrets) expect(all.includes(s), s).toBe(false);
    expect(all).not.toMatch(/"(a|b|aOnLeft|outputA|outputB|gold)"/);
  });

  it("closes: no more votes; opening again answers as it is", async () => {
    const close = await closeRoute(new Request(`http://localhost/api/campaigns/${campaign.id}/close`, { method: "POST", headers: headers("engineer") }), ctx(campaign.id));
    expect(await close.json()).toMatchObject({ campaign: { status: "closed" } });
    expect(((await (await next(campaign.id, "rater1")).json()) as NextAnswer)).toMatchObject({ assignment: null, reason: "closed" });
    const reopen = await openRoute(new Request(`http://localhost/api/campaigns/${campaign.id}/open`, { method: "POST", headers: headers("engineer"), body: JSON.stringify({ raterIds: [users.rater1] }) }), ctx(campaign.id));
    expect(await reopen.json()).toMatchObject({ campaign: { status: "closed" } });
  });

  it("draws detection boxes with their classes for raters", async () => {
    const res = await create({
      name: "boxes", task: "detection", aCheckpointId: ids["detection-mle"], bCheckpointId: ids["detection-tuned"], scenes: { start: 10, count: 2 },
      open: { raterIds: [users.rater2] },
    });
    const { campaign: c } = (await res.json()) as { campaign: CampaignSummary };
    const body = (await (await next(c.id, "rater2")).json()) as NextAnswer;
    expect(body.assignment?.left).toMatchObject({ kind: "boxes", width: 32, height: 32, summary: expect.any(String) });
  }, 120_000);
});
