import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/auth";
import { generateScene, seedAt } from "@/lib/data";
import { db, findUserByEmail } from "@/lib/db";
import { pngOf, scenePng } from "@/lib/rating/render";
import { registerShippedCheckpoints } from "@/lib/server/shipped-checkpoints";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { POST } from "./route";

routeTestDatabase("predict-route", { RS_PREDICT_PER_MINUTE: "40" });

const tokens: Record<string, string> = {};
beforeAll(async () => {
  await registerShippedCheckpoints(db(), { publicDir: path.resolve("public") });
  const engineer = (await findUserByEmail(db(), { email: "engineer@reward.studio" }))!;
  tokens.predict = (await issueApiToken(db(), { userId: engineer.id, name: "serve", scopes: ["predict"] })).token;
  tokens.runs = (await issueApiToken(db(), { userId: engineer.id, name: "runs only" })).token;
  tokens.burst = (await issueApiToken(db(), { userId: engineer.id, name: "burst", scopes: ["predict"] })).token;
});

const scene = generateScene(seedAt("test", 3));
const png = scenePng(scene);
const send = (task: string, body: BodyInit, type: string, token = tokens.predict!, extra: Record<string, string> = {}) =>
  POST(new Request(`http://localhost/api/v1/predict/${task}`, { method: "POST", headers: { "content-type": type, authorization: `Bearer ${token}`, ...extra }, body }), { params: Promise.resolve({ task }) });

describe("POST /api/v1/predict/<task>", () => {
  it("answers a PNG with the serving model's output, its checkpoint and label-free statistics, and logs it", async () => {
    const res = await send("captioning", png as BodyInit, "image/png", tokens.predict, { "x-request-key": "client-7" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { output: { text: string }; checkpoint: { name: string }; requestId: string; stats: Record<string, number>; latencyMs: number };
    expect(body.checkpoint.name).toBe("shipped captioning MLE");
    expect(body.output.text.length).toBeGreaterThan(0);
    expect(body.stats.caption_tokens).toBe(body.output.text.split(" ").length);
    const log = await db().predictionLog.findFirst({ where: { requestId: body.requestId } });
    expect(log).toMatchObject({ task: "captioning", output: { text: body.output.text }, error: null });
    expect(log?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(log?.keyHash).not.toContain("client-7");
    // The same pixels as JSON give the same output.
    const json = await send("captioning", JSON.stringify({ width: 32, height: 32, rgb: Array.from(scene.rgb) }), "application/json");
    expect(((await json.json()) as { output: { text: string } }).output.text).toBe(body.output.text);
  }, 60_000);

  it("serves every task", async () => {
    for (const task of ["detection", "panoptic", "colorization"]) {
      const res = await send(task, png as BodyInit, "image/png");
      expect(res.status, task).toBe(200);
      const { stats } = (await res.json()) as { stats: Record<string, number> };
      expect(Object.keys(stats).length, task).toBeGreaterThan(0);
    }
  }, 120_000);

  it("names what is wrong: not a PNG, another size, rgb of the wrong length; too large 413, wrong type 415", async () => {
    const cases: [BodyInit, string, number, string][] = [
      ["hello", "image/png", 400, "body"],
      [pngOf(new Uint8Array(16 * 16 * 4), 16, 16) as BodyInit, "image/png", 400, "image"],
      [JSON.stringify({ width: 32, height: 32, rgb: [1, 2, 3] }), "application/json", 400, "rgb"],
      [JSON.stringify({ width: 32, height: 32, rgb: Array.from(scene.rgb), extra: 1 }), "application/json", 400, "body"],
      [new Uint8Array(300 * 1024) as BodyInit, "image/png", 413, "body"],
      [png as BodyInit, "text/plain", 415, "content-type"],
    ];
    for (const [body, type, status, field] of cases) {
      const res = await send("captioning", body, type);
      expect(res.status, `${type} ${field}`).toBe(status);
      expect(await res.json(), `${type} ${field}`).toMatchObject({ field });
    }
    expect((await send("segmentation", png as BodyInit, "image/png")).status).toBe(400);
  });

  it("takes only a token with the predict scope", async () => {
    expect((await send("captioning", png as BodyInit, "image/png", tokens.runs)).status).toBe(403);
    expect((await send("captioning", png as BodyInit, "image/png", "rs_nope")).status).toBe(401);
  });

  it("bounds the queue (503 with Retry-After, never a backlog) and the rate per token (429 with Retry-After)", async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => send("captioning", png as BodyInit, "image/png", tokens.burst)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(17);
    const busy = answers.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(Number(busy[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await busy[0]!.json()).toMatchObject({ code: "unavailable:predict" });
    // 40 a minute: the rest of this token's window is spent by these 30 and 10 more.
    for (let i = statuses.length; i < 40; i++) await send("captioning", png as BodyInit, "image/png", tokens.burst);
    const over = await send("captioning", png as BodyInit, "image/png", tokens.burst);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
