import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as checkpoints from "@/app/api/checkpoints/route";
import * as runDetail from "@/app/api/runs/[id]/route";
import * as runMetrics from "@/app/api/runs/[id]/metrics/route";
import * as runStatus from "@/app/api/runs/[id]/status/route";
import * as runs from "@/app/api/runs/route";
import { issueApiToken } from "@/lib/auth";
import { db, findUserByEmail, listRunMetrics } from "@/lib/db";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { savedSpecVersion } from "@/lib/testing/run-fixtures";
import { evalPoints, stepPoints, type MetricPoint } from "@/lib/training/metric-points";
import { main } from "./main";

routeTestDatabase("cli-server", { RS_DEMO_SEED: "on" });
const dir = mkdtempSync(path.join(tmpdir(), "rs-cli-server-"));

type Handler = (request: Request, context?: { params: Promise<unknown> }) => Promise<Response>;
const TABLE: [RegExp, Record<string, unknown>][] = [
  [/^\/api\/runs$/, runs], [/^\/api\/runs\/([\w-]+)$/, runDetail], [/^\/api\/runs\/([\w-]+)\/status$/, runStatus],
  [/^\/api\/runs\/([\w-]+)\/metrics$/, runMetrics], [/^\/api\/checkpoints$/, checkpoints],
];

/** The server as the CLI reaches it: each request goes to the route handler; `faults` break metrics POSTs in turn. */
const faults: ("answer lost" | "connection refused" | "ok")[] = [];
const metricPosts: number[] = [];
async function serverFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const hit = TABLE.find(([re]) => re.test(url.pathname));
  const handler = hit?.[1][request.method] as Handler | undefined;
  if (!hit || !handler) return new Response("{}", { status: 404 });
  const id = hit[0].exec(url.pathname)![1];
  const isMetrics = request.method === "POST" && url.pathname.endsWith("/metrics");
  const fault = isMetrics ? (faults.shift() ?? "ok") : "ok";
  if (isMetrics) metricPosts.push(((await request.clone().json()) as { points: unknown[] }).points.length);
  if (fault === "connection refused") throw new TypeError("fetch failed (ECONNREFUSED)");
  const res = await handler(request, { params: Promise.resolve(id ? { id } : {}) });
  if (fault === "answer lost") throw new TypeError("fetch failed (socket hang up)");
  return res;
}

async function cli(...argv: string[]) {
  const err: string[] = [];
  const status = await main(argv, { out: () => {}, err: (s) => err.push(s) });
  return { status, err: err.join("\n") };
}

let token: string, spec: string;
const mle = path.join(dir, "mle");
beforeAll(async () => {
  vi.stubGlobal("fetch", serverFetch);
  const user = (await findUserByEmail(db(), { email: "engineer@reward.studio" }))!;
  token = (await issueApiToken(db(), { userId: user.id, name: "cli test" })).token;
  spec = await savedSpecVersion("engineer@reward.studio", "captioning");
  expect((await cli("pretrain", "--task", "captioning", "--smoke", "--out", mle)).status).toBe(0);
});
afterAll(() => {
  vi.unstubAllGlobals();
  rmSync(dir, { recursive: true, force: true });
});

const TUNE = ["tune", "--task", "captioning", "--smoke", "--from", mle, "--reward", "lib/rewards/specs/captioning.json"];
/** A point as text; values to 12 significant digits (the database may round the 16th). */
const key = (p: MetricPoint) => `${p.step} ${p.name} ${p.value === null ? null : Number(p.value.toPrecision(12))}`;

describe("reward-studio tune --server", () => {
  it("records the run: every step's points exactly once though two metrics POSTs fail once, a checkpoint per evaluation, completed", async () => {
    faults.push("answer lost", "ok", "connection refused"); // per metrics POST: batch 1 stored but unanswered, batch 2 never arrives, each once
    const out = path.join(dir, "tuned");
    const r = await cli(...TUNE, "--steps", "4", "--eval-every", "2", "--out", out, "--server", "http://studio.test", "--token", token, "--spec-version", spec);
    expect(r.status, r.err).toBe(0);
    expect(metricPosts).toHaveLength(4); // two batches (one per evaluation), each sent twice
    const run = (await db().run.findFirstOrThrow({ where: { source: "cli" }, include: { checkpoints: { orderBy: { step: "asc" } } } }));
    expect(run).toMatchObject({ status: "completed", stepsDone: 4, rewardSpecVersionId: spec, evalMetric: "CIDEr", bestEval: expect.any(Number) });
    expect(run.checkpoints.map((c) => c.step)).toEqual([2, 4]);
    // What the trainer logged (metrics.jsonl) is what the server holds, point for point.
    const logged = readFileSync(path.join(out, "metrics.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const want = logged.flatMap((l) => (l.phase === "train" ? stepPoints(l) : l.phase === "eval" ? evalPoints(l) : []));
    expect(logged.filter((l) => l.phase === "train").map((l) => l.step)).toEqual([0, 1, 2, 3]);
    const stored = (await listRunMetrics(db(), { runId: run.id })).map((p) => ({ step: p.step, name: p.name, value: p.value }));
    expect(stored.map(key).sort()).toEqual(want.map(key).sort());
    expect(stored).toHaveLength(want.length);
  });

  it.each([
    [["--server", "http://studio.test", "--spec-version", "x"], /--token: required with --server/],
    [["--server", "http://studio.test", "--token", "rs_x"], /--spec-version: required with --server/],
    [["--spec-version", "x"], /--spec-version: only with --server/],
    [["--server", "ftp://studio.test", "--token", "rs_x", "--spec-version", "x"], /--server: expected an http/],
  ])("refuses %j with exit 2", async (extra, message) => {
    vi.stubEnv("RS_TOKEN", undefined);
    const r = await cli(...TUNE, "--out", path.join(dir, "never"), ...(extra as string[]));
    expect([r.status, r.err]).toEqual([2, expect.stringMatching(message)]);
  });

  it("a server that refuses the run (unknown spec version, revoked token) is exit 2 with its reason", async () => {
    const r = await cli(...TUNE, "--out", path.join(dir, "refused"), "--server", "http://studio.test", "--token", token, "--spec-version", "nope");
    expect([r.status, r.err]).toEqual([2, expect.stringMatching(/refused the run: rewardSpecVersionId: .*not_found:run/)]);
    const bad = await cli(...TUNE, "--out", path.join(dir, "refused"), "--server", "http://studio.test", "--token", `rs_${"A".repeat(43)}`, "--spec-version", spec);
    expect([bad.status, bad.err]).toEqual([2, expect.stringMatching(/unauthorized:run/)]);
  });
});
