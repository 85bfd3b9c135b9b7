/**
 * The human-preference loop, once, against a running Reward Studio server, through the same API
 * the browser uses:
 *   1. a campaign: the shipped captioning MLE model (A) against the shipped tuned one (B);
 *   2. SIMULATED raters vote on it (no person is involved: see `judge` for the rule they follow,
 *      and one of them votes against it, to be caught by the rater checks);
 *   3. a reward is learned from those votes (human_preference), excluding the flagged rater;
 *   4. the CLI tunes the MLE model with the default spec (its object recall at weight 0) plus the
 *      learned term, recorded on the server;
 *   5. a second campaign puts that model against its parent (the MLE model), the simulated
 *      raters vote again, and the win rate is printed.
 * Usage: npx tsx scripts/preference-loop.ts --server http://127.0.0.1:3000 [--scenes 120] [--steps 300] [--weight 1] [--out <dir>]
 * The figures it prints are the loop's; they measure agreement with the simulated raters' rule,
 * not what people prefer.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { COLOR_NAMES, generateScene, seedAt, type Scene } from "@/lib/data";
import { THING_CLASSES } from "@/lib/data/categories";
import { seededRandom } from "@/lib/preference";
import type { NextAnswer, SideChoice } from "@/lib/rating/contract";
import { goldSeeds, scenePicture } from "@/lib/rating/render";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SERVER = arg("server", "http://127.0.0.1:3000").replace(/\/$/, "");
const SCENES = Number(arg("scenes", "120"));
const STEPS = Number(arg("steps", "300"));
const WEIGHT = Number(arg("weight", "1"));
/** Where the tuned checkpoint goes (default: in a folder made for this run), and its spec beside it. */
const OUT = arg("out", path.join(mkdtempSync(path.join(tmpdir(), "rs-preference-loop-")), "checkpoint"));

/** One signed-in account: its cookie, sent with every call. */
class Client {
  cookie = "";
  constructor(readonly email: string) {}
  async signIn(): Promise<this> {
    const res = await fetch(`${SERVER}/api/session`, { method: "POST", headers: { "content-type": "application/json", origin: SERVER }, body: JSON.stringify({ email: this.email, password: "studio-demo" }) });
    if (!res.ok) throw new Error(`sign-in ${this.email}: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    return this;
  }
  async call<T>(url: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    // One retry on a network failure (a kept-alive socket the server closed while the CLI trained); every write here is idempotent.
    const send = () => fetch(`${SERVER}${url}`, {
      method: init.method ?? (init.json === undefined ? "GET" : "POST"),
      headers: { cookie: this.cookie, origin: SERVER, ...(init.json === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
    const res = await send().catch(() => send());
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${res.status} ${await res.text()}`);
    return (res.headers.get("content-type") ?? "").includes("json") ? ((await res.json()) as T) : (Buffer.from(await res.arrayBuffer()) as unknown as T);
  }
}

/**
 * The simulated rater's rule, from what a careful person sees: the picture and two captions. A
 * caption earns a point for each of the scene's (colour, shape) kinds it names ("red cross",
 * "two red crosses") and loses one for each it names that is not there. The higher score wins;
 * equal scores are "about the same", or "both bad" when neither names anything right.
 */
export function groundedScore(caption: string, scene: Scene): { named: number; wrong: number } {
  const text = ` ${caption.toLowerCase()} `;
  const present = new Set(scene.objects.map((o) => `${o.colorName} ${o.className}`));
  let named = 0;
  let wrong = 0;
  for (const color of COLOR_NAMES) {
    for (const shape of THING_CLASSES) {
      const plural = /(s|x|ch|sh)$/.test(shape) ? `${shape}es` : `${shape}s`;
      const said = text.includes(` ${color} ${shape} `) || text.includes(` ${color} ${plural} `);
      if (!said) continue;
      if (present.has(`${color} ${shape}`)) named++;
      else wrong++;
    }
  }
  return { named, wrong };
}

function judge(left: string, right: string, scene: Scene): SideChoice {
  const l = groundedScore(left, scene);
  const r = groundedScore(right, scene);
  const sl = l.named - l.wrong;
  const sr = r.named - r.wrong;
  if (sl !== sr) return sl > sr ? "left" : "right";
  return l.named === 0 && r.named === 0 ? "both_bad" : "tie";
}

interface Rater { client: Client; noise: number; adversarial: boolean }

/** The scenes a campaign can show, by the SHA-256 of the picture the server draws for them. */
function sceneIndex(start: number, count: number, gold: number): Map<string, Scene> {
  const inCampaign = Array.from({ length: count }, (_, i) => seedAt("test", start + i));
  const seeds = [...inCampaign, ...goldSeeds(gold + 1, new Set(inCampaign))];
  const byHash = new Map<string, Scene>();
  for (const seed of seeds) {
    const scene = generateScene(seed);
    byHash.set(createHash("sha256").update(scenePicture("captioning", scene, () => "x").png).digest("hex"), scene);
  }
  return byHash;
}

async function vote(campaignId: string, raters: readonly Rater[], scenes: Map<string, Scene>, seed: number): Promise<number> {
  const random = seededRandom(seed);
  let votes = 0;
  for (let round = 0; ; round++) {
    let any = false;
    for (const r of raters) {
      const next = await r.client.call<NextAnswer>(`/api/campaigns/${campaignId}/next`);
      const a = next.assignment;
      if (!a || a.left.kind !== "caption" || a.right.kind !== "caption") continue;
      any = true;
      const png = await r.client.call<Buffer>(a.scene.image);
      const scene = scenes.get(createHash("sha256").update(png).digest("hex"));
      if (!scene) throw new Error("a scene picture matched no scene of the campaign");
      let choice = judge(a.left.text, a.right.text, scene);
      if (r.adversarial) choice = choice === "left" ? "right" : choice === "right" ? "left" : choice;
      else if (random() < r.noise) choice = random() < 0.5 ? "left" : "right";
      await r.client.call(`/api/assignments/${a.id}/vote`, { json: { choice, comment: "" }, headers: { "idempotency-key": `${a.id}-loop` } });
      votes++;
    }
    if (!any) return votes;
    if (round > 10_000) throw new Error("voting did not finish");
  }
}

interface Checkpoint { id: string; name: string; createdAt: string }
interface Results { winRate: { p: number; lo: number; hi: number; n: number }; winRateTiesHalf: { p: number; lo: number; hi: number; n: number }; counts: Record<string, number>; raters: { id: string; name: string; sprt: { flagged: boolean; step: number | null }; gold: { agreements: number; n: number } }[] }

async function campaign(engineer: Client, name: string, a: string, b: string, start: number, raters: readonly Rater[], ids: Record<string, string>): Promise<string> {
  const r = await engineer.call<{ campaign: { id: string }; seconds: number }>("/api/campaigns", {
    json: {
      name, task: "captioning", aCheckpointId: a, bCheckpointId: b, scenes: { start, count: SCENES },
      open: { raterIds: raters.map((x) => ids[x.client.email]!), votesPerPair: 2, goldCount: 10, instructions: "Which caption describes the picture better?" },
    },
  });
  console.log(`campaign "${name}": opened in ${r.seconds.toFixed(1)} s (${SCENES} pairs + 10 gold)`);
  return r.campaign.id;
}

const fmt = (w: { p: number; lo: number; hi: number; n: number }) => `${(100 * w.p).toFixed(1)} % [${(100 * w.lo).toFixed(1)}, ${(100 * w.hi).toFixed(1)}] (n = ${w.n})`;

async function main(): Promise<void> {
  const engineer = await new Client("engineer@reward.studio").signIn();
  const raters: Rater[] = [
    { client: await new Client("rater1@reward.studio").signIn(), noise: 0.1, adversarial: false },
    { client: await new Client("rater2@reward.studio").signIn(), noise: 0.2, adversarial: false },
    { client: engineer, noise: 0.1, adversarial: false },
    { client: await new Client("admin@reward.studio").signIn(), noise: 0, adversarial: true },
  ];
  const people = (await engineer.call<{ raters: { id: string; email: string }[] }>("/api/raters")).raters;
  const ids = Object.fromEntries(people.map((p) => [p.email, p.id]));
  const checkpoints = (await engineer.call<{ checkpoints: Checkpoint[] }>("/api/checkpoints?task=captioning")).checkpoints;
  const mle = checkpoints.find((c) => c.name === "shipped captioning MLE")!;
  const tuned = checkpoints.find((c) => c.name === "shipped captioning tuned")!;

  // 1-2. MLE against the shipped tuned model, rated.
  const first = await campaign(engineer, "loop 1: captioning MLE vs tuned", mle.id, tuned.id, 0, raters, ids);
  console.log(`simulated votes: ${await vote(first, raters, sceneIndex(0, SCENES, 10), 1)}`);
  const r1 = (await engineer.call<{ results: Results }>(`/api/campaigns/${first}/results`)).results;
  console.log(`tuned over MLE: win rate ${fmt(r1.winRate)}; ties as half ${fmt(r1.winRateTiesHalf)}; counts ${JSON.stringify(r1.counts)}`);
  for (const q of r1.raters) console.log(`  rater ${q.name}: gold ${q.gold.agreements}/${q.gold.n}, ${q.sprt.flagged ? `flagged at vote ${q.sprt.step}` : "not flagged"}`);
  const flagged = r1.raters.filter((q) => q.sprt.flagged).map((q) => q.id);

  // 3. The learned reward, without the flagged raters.
  const learned = await engineer.call<{ params: Record<string, unknown>; report: { accuracy: { p: number; lo: number; hi: number; n: number }; baseline: { p: number; lo: number; hi: number; n: number }; features: { term: string; weight: number }[] } }>(
    `/api/campaigns/${first}/preference-model${flagged.length ? `?exclude=${flagged.join(",")}` : ""}`,
  );
  console.log(`learned reward: held-out accuracy ${fmt(learned.report.accuracy)} against majority ${fmt(learned.report.baseline)}; weights ${learned.report.features.map((f) => `${f.term} ${f.weight.toFixed(3)}`).join(", ")}`);

  // 4. Tune with the default spec plus the learned term, recorded on the server. The default's
  //    object recall is logged, not rewarded: what the model learns about objects comes from the votes.
  const base = JSON.parse(readFileSync("lib/rewards/specs/captioning.json", "utf8")) as { terms: { term: string; weight: number }[] };
  const terms = base.terms.map((t) => (t.term === "object_recall" ? { ...t, weight: 0 } : t));
  const spec = { ...base, terms: [...terms, { term: "human_preference", weight: WEIGHT, params: learned.params }] };
  const saved = await engineer.call<{ spec: { id: string; version: number } }>("/api/reward-specs", { json: { name: "captioning + learned preference", spec } });
  const specFile = `${OUT}.spec.json`;
  writeFileSync(specFile, `${JSON.stringify(spec, null, 2)}\n`);
  const { token } = await engineer.call<{ token: string }>("/api/tokens", { json: { name: "preference loop" } });
  const t0 = Date.now();
  const tune = spawnSync(process.execPath, ["bin/reward-studio.mjs", "tune", "--task", "captioning", "--from", "public/models/captioning/mle", "--reward", specFile,
    "--steps", String(STEPS), "--seed", "0", "--eval-every", "100", "--eval-count", "200", "--out", OUT, "--server", SERVER, "--token", token, "--spec-version", saved.spec.id], { stdio: "inherit" });
  if (tune.status !== 0) throw new Error(`tune exited ${tune.status}`);
  console.log(`tuned ${STEPS} steps in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const after = (await engineer.call<{ checkpoints: Checkpoint[] }>("/api/checkpoints?task=captioning")).checkpoints;
  const candidate = after.filter((c) => !checkpoints.some((x) => x.id === c.id)).sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
  if (!candidate) throw new Error("the tuned checkpoint did not reach the server");

  // 5. The new model against its parent, on other test scenes.
  const second = await campaign(engineer, "loop 2: captioning MLE vs preference-tuned", mle.id, candidate.id, 400, raters.filter((r) => !r.adversarial), ids);
  console.log(`simulated votes: ${await vote(second, raters.filter((r) => !r.adversarial), sceneIndex(400, SCENES, 10), 2)}`);
  const r2 = (await engineer.call<{ results: Results }>(`/api/campaigns/${second}/results`)).results;
  console.log(`preference-tuned over MLE: win rate ${fmt(r2.winRate)}; ties as half ${fmt(r2.winRateTiesHalf)}; counts ${JSON.stringify(r2.counts)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
