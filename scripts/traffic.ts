/**
 * Sends ShapeWorld test images to the predict endpoint on loopback, at a steady rate, bounded in
 * count and time: `npm run traffic -- --task captioning --rate 5 --duration 30 [--server URL]
 * [--token rs_...] [--clients 20]`. Each request carries one of `--clients` request keys (sticky
 * routing). Prints the answers by status, latency percentiles and which checkpoints served.
 * The token needs the "predict" scope (make one on /account); default $RS_TOKEN.
 */
import { Command, InvalidArgumentError } from "commander";
import { generateScene, seedAt, SPLITS } from "@/lib/data";
import { scenePng } from "@/lib/rating/render";
import { TASK_IDS } from "@/lib/rewards/task-types";

const positive = (max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new InvalidArgumentError(`expected a number above 0 and at most ${max}`);
  return n;
};
const opts = new Command("traffic")
  .requiredOption("--task <task>", `one of ${TASK_IDS.join(", ")}`, (v) => {
    if (!(TASK_IDS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${TASK_IDS.join(", ")}`);
    return v;
  })
  .option("--rate <r>", "requests per second (at most 200)", positive(200), 5)
  .option("--duration <s>", "seconds to send for (at most 3600)", positive(3600), 10)
  .option("--clients <n>", "distinct request keys", positive(10_000), 20)
  .option("--server <url>", "the server", "http://127.0.0.1:3000")
  .option("--token <token>", "API token with the predict scope (default: $RS_TOKEN)")
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse(process.argv.filter((a) => a !== "--"))
  .opts<{ task: string; rate: number; duration: number; clients: number; server: string; token?: string }>();

const token = opts.token ?? process.env.RS_TOKEN;
if (!token) {
  console.error("--token: expected an API token with the predict scope (or set RS_TOKEN); make one on the server's /account page");
  process.exit(2);
}
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(opts.server)) {
  console.error("--server: expected a loopback address (http://127.0.0.1:<port>); this script only sends to this machine");
  process.exit(2);
}

const total = Math.max(1, Math.floor(opts.rate * opts.duration));
const url = `${opts.server.replace(/\/$/, "")}/api/v1/predict/${opts.task}`;
const statuses = new Map<number, number>();
const servedBy = new Map<string, number>();
const latencies: number[] = [];
let failures = 0;

async function one(i: number): Promise<void> {
  const scene = generateScene(seedAt("test", i % SPLITS.test.count));
  const body = scenePng(scene);
  const t0 = performance.now();
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "image/png", authorization: `Bearer ${token}`, "x-request-key": `client-${i % opts.clients}` }, body: body as BodyInit });
    latencies.push(performance.now() - t0);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.ok) {
      const name = ((await res.json()) as { checkpoint: { name: string } }).checkpoint.name;
      servedBy.set(name, (servedBy.get(name) ?? 0) + 1);
    } else await res.arrayBuffer();
  } catch {
    failures++;
  }
}

const pct = (xs: number[], q: number) => (xs.length ? xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN);

async function main(): Promise<void> {
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (performance.now() - started > opts.duration * 1000 + 1000) break;
    inFlight.push(one(i));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${inFlight.length} requests to ${url} in ${seconds.toFixed(1)} s (${(inFlight.length / seconds).toFixed(1)}/s), ${opts.clients} clients`);
  console.log(`by status: ${JSON.stringify(Object.fromEntries(statuses))}${failures ? `; ${failures} failed to connect` : ""}`);
  console.log(`latency ms: p50 ${pct(latencies, 0.5).toFixed(0)}, p95 ${pct(latencies, 0.95).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)}`);
  console.log(`served by: ${JSON.stringify(Object.fromEntries(servedBy))}`);
}

void main();
