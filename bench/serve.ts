/**
 * `npm run bench -- serve [seconds] [clients] [task]`: the predict endpoint under load on
 * loopback. Starts the built app on a throwaway SQLite database (scripts/serve-e2e.mjs; run
 * `npx next build` first), makes an API token with the predict scope, and drives `clients`
 * (default 50) concurrent clients for `seconds` (default 10) each way: against
 * `POST /api/v1/predict/<task>` with a ShapeWorld PNG, and against a bare `node:http` server
 * answering the same response body, measured in the same run. Prints requests per second,
 * p50 / p99 latency and the answers by status for both, and their ratio (what the stack and the
 * model cost over the bare socket).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateScene, seedAt } from "@/lib/data";
import { scenePng } from "@/lib/rating/render";
import { row } from "./timing";

interface Load { requests: number; seconds: number; rps: number; p50: number; p99: number; statuses: Record<number, number> }

async function drive(url: string, opts: { clients: number; seconds: number; body: Uint8Array; headers: Record<string, string> }): Promise<Load> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const s = performance.now();
      const res = await fetch(url, { method: "POST", headers: opts.headers, body: opts.body as BodyInit });
      await res.arrayBuffer();
      latencies.push(performance.now() - s);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, seconds, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), statuses };
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function benchServe(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 10);
  const clients = Number(args[1] ?? 50);
  const task = args[2] ?? "captioning";
  const port = 3700 + Math.floor(Math.random() * 200);
  const base = `http://127.0.0.1:${port}`;
  const app: ChildProcess = spawn(process.execPath, ["scripts/serve-e2e.mjs"], {
    env: { ...process.env, PORT: String(port), RS_PREDICT_PER_MINUTE: "1000000", RS_PREDICT_QUEUE: String(clients * 2) }, stdio: ["ignore", "ignore", "inherit"],
  });
  let bare: Server | undefined;
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const session = await fetch(`${base}/api/session`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email: "engineer@reward.studio", password: "studio-demo" }) });
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0]!;
    const made = await fetch(`${base}/api/tokens`, { method: "POST", headers: { "content-type": "application/json", origin: base, cookie }, body: JSON.stringify({ name: "bench", scopes: ["predict"] }) });
    const { token } = (await made.json()) as { token: string };
    const scene = generateScene(seedAt("test", 0));
    const body = scenePng(scene);
    const headers = { "content-type": "image/png", authorization: `Bearer ${token}` };
    const url = `${base}/api/v1/predict/${task}`;
    // Warm up: the model loads on the first request.
    const sample = await fetch(url, { method: "POST", headers, body: body as BodyInit });
    if (!sample.ok) throw new Error(`predict answered ${sample.status}: ${await sample.text()}`);
    const payload = Buffer.from(await sample.arrayBuffer());
    await drive(url, { clients, seconds: 2, body, headers });

    bare = createServer((req, res) => {
      req.on("data", () => undefined);
      req.on("end", () => { res.writeHead(200, { "content-type": "application/json", "content-length": payload.length }); res.end(payload); });
    });
    await new Promise<void>((r) => bare!.listen(0, "127.0.0.1", r));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    await drive(bareUrl, { clients, seconds: 1, body, headers });

    const studio = await drive(url, { clients, seconds, body, headers });
    const reference = await drive(bareUrl, { clients, seconds, body, headers });
    const w = [34, 10, 10, 10, 10, 24];
    console.log(`\nPOST /api/v1/predict/${task}, ${clients} concurrent clients, ${seconds} s each, one ShapeWorld PNG (${body.length} bytes), answer ${payload.length} bytes`);
    console.log(row(["server", "requests", "req/s", "p50 ms", "p99 ms", "statuses"], w));
    const line = (name: string, l: Load) => console.log(row([name, l.requests, l.rps.toFixed(1), l.p50.toFixed(1), l.p99.toFixed(1), JSON.stringify(l.statuses)], w));
    line("Reward Studio (Next, edge, model)", studio);
    line("bare node:http, same payload", reference);
    console.log(row(["ratio (bare / studio)", "", (reference.rps / studio.rps).toFixed(1), (studio.p50 / reference.p50).toFixed(1), (studio.p99 / reference.p99).toFixed(1), ""], w));
  } finally {
    bare?.close();
    app.kill("SIGTERM");
  }
}
