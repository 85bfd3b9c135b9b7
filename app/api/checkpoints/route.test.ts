import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSession } from "@/lib/auth";
import { db, findCheckpoint, findUserByEmail } from "@/lib/db";
import { prepareDatabase } from "@/lib/db/prepare";
import type { ServerCheckpoint } from "@/lib/training/browser-checkpoints";
import type { CheckpointManifest } from "@/lib/training/checkpoint";
import { loadCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { GET as getFile } from "./[id]/[file]/route";
import { GET, POST } from "./route";

const dir = mkdtempSync(path.join(tmpdir(), "rs-checkpoint-route-"));
vi.stubEnv("RS_DATA_DIR", dir);
vi.stubEnv("DATABASE_URL", undefined);

const cookies: Record<string, string> = {};
beforeAll(async () => {
  await prepareDatabase(() => {});
  for (const who of ["engineer", "admin", "rater1"]) {
    const user = await findUserByEmail(db(), { email: `${who}@reward.studio` });
    cookies[who] = `rs_session=${(await openSession(db(), { userId: user!.id })).token}`;
  }
});
afterAll(async () => {
  await db().$disconnect();
  delete (globalThis as { rewardStudioDb?: unknown }).rewardStudioDb;
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const shipped = (kind: "mle" | "tuned") => loadCheckpointDir(path.resolve("public/models/captioning", kind));

/** Sends artifacts exactly as `tf.io.http(url).save()` does, to the POST handler; returns its response. */
async function upload(artifacts: tf.io.ModelArtifacts, cookie?: string, query = ""): Promise<Response> {
  let response: Response | undefined;
  const handler = tf.io.http(`http://localhost/api/checkpoints${query}`, {
    fetchFunc: async (input: RequestInfo | URL, init?: RequestInit) =>
      (response = await POST(new Request(input, { ...init, headers: cookie ? { cookie } : {} }))),
  });
  await handler.save!(artifacts).catch(() => undefined); // a refusal throws; the response says why
  return response!;
}

/** GET /api/checkpoints/<id>/<file> through the route handler, as tf.io.http's fetch (signed in as the engineer). */
const serve = async (input: RequestInfo | URL) => {
  const [, id, file] = new URL(String(input), "http://localhost").pathname.match(/^\/api\/checkpoints\/([^/]+)\/([^/]+)$/) ?? [];
  const res = await getFile(new Request(new URL(String(input), "http://localhost"), { headers: { cookie: cookies.engineer! } }), { params: Promise.resolve({ id: id!, file: file! }) });
  expect(res.headers.get("cache-control")).toMatch(/^private, /);
  return res;
};

const withManifest = (a: tf.io.ModelArtifacts, change: Partial<CheckpointManifest>): tf.io.ModelArtifacts => {
  const manifest = (a.userDefinedMetadata as { manifest: CheckpointManifest }).manifest;
  return { ...a, userDefinedMetadata: { manifest: { ...manifest, ...change } as unknown as Record<string, never> } };
};

describe("POST /api/checkpoints", () => {
  it("refuses a signed-out upload with 401 unauthorized:checkpoint", async () => {
    const res = await upload(await shipped("tuned"));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: "unauthorized:checkpoint", message: "sign in to upload checkpoints" });
  });

  it("refuses a rater with 403 forbidden:checkpoint", async () => {
    const res = await upload(await shipped("tuned"), cookies.rater1);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden:checkpoint", message: expect.stringContaining("engineer or admin") });
  });

  let stored: ServerCheckpoint;
  it("stores an engineer's upload, serves it back so tf.io.http loads it, and lists it", async () => {
    const original = await shipped("tuned");
    const res = await upload(original, cookies.engineer, "?name=captioning-reinforce-20261128T060000");
    expect(res.status).toBe(201);
    stored = ((await res.json()) as { checkpoint: ServerCheckpoint }).checkpoint;
    expect(stored).toMatchObject({ name: "captioning-reinforce-20261128T060000", task: "captioning", kind: "reinforce", params: 188_699, uri: `/api/checkpoints/${stored.id}/model.json` });
    const files = readdirSync(path.join(dir, "checkpoints", stored.id)).sort();
    expect(files).toEqual(["manifest.json", "model.json", expect.stringMatching(/^weights-[0-9a-f]{16}\.bin$/)]);
    expect(readdirSync(path.join(dir, "checkpoints")).filter((f) => f.startsWith("."))).toEqual([]);

    const loaded = await tf.io.http(`http://localhost${stored.uri}`, { fetchFunc: serve }).load!();
    const bytes = (a: tf.io.ModelArtifacts) => Buffer.from(tf.io.CompositeArrayBuffer.join(a.weightData!));
    expect(bytes(loaded).equals(bytes(original))).toBe(true);
    expect(loaded.weightSpecs).toEqual(original.weightSpecs);
    expect(loaded.userDefinedMetadata).toEqual(original.userDefinedMetadata);

    const list = async (q: string) => (await GET(new Request(`http://localhost/api/checkpoints${q}`, { headers: { cookie: cookies.engineer! } }))).json() as Promise<{ checkpoints: ServerCheckpoint[] }>;
    expect((await list("?task=captioning")).checkpoints.map((c) => c.id)).toContain(stored.id);
    expect((await list("?task=detection")).checkpoints).toEqual([]);
    const bad = await GET(new Request("http://localhost/api/checkpoints?task=segmentation", { headers: { cookie: cookies.admin! } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe("task: expected one of captioning, detection, panoptic, colorization");
  });

  it("records the uploader, and answers a re-upload of the same content with the same checkpoint (one row, one folder)", async () => {
    expect((await findCheckpoint(db(), { id: stored.id }))?.uploaderId).toBe((await findUserByEmail(db(), { email: "engineer@reward.studio" }))!.id);
    const folders = readdirSync(path.join(dir, "checkpoints")).length;
    const again = await upload(await shipped("tuned"), cookies.admin, "?name=another-name");
    expect(again.status).toBe(201);
    expect(((await again.json()) as { checkpoint: ServerCheckpoint }).checkpoint).toEqual(stored);
    expect(readdirSync(path.join(dir, "checkpoints"))).toHaveLength(folders);
  });

  it("lists and serves checkpoints only to engineers and admins (401 signed out, 403 for a rater, who rates blind)", async () => {
    const list = await GET(new Request("http://localhost/api/checkpoints"));
    expect([list.status, ((await list.json()) as { code: string }).code]).toEqual([401, "unauthorized:checkpoint"]);
    const file = await getFile(new Request("http://localhost/x"), { params: Promise.resolve({ id: stored.id, file: "model.json" }) });
    expect(file.status).toBe(401);
    const rater = { headers: { cookie: cookies.rater1! } };
    const raterList = await GET(new Request("http://localhost/api/checkpoints", rater));
    expect([raterList.status, ((await raterList.json()) as { code: string }).code]).toEqual([403, "forbidden:checkpoint"]);
    expect((await getFile(new Request("http://localhost/x", rater), { params: Promise.resolve({ id: stored.id, file: "model.json" }) })).status).toBe(403);
  });

  it("links the parent when it is a checkpoint on this server, and keeps any other only in the manifest", async () => {
    const admin = await upload(withManifest(await shipped("tuned"), { parent: stored.uri, createdAt: "2026-11-29T00:00:00.000Z" }), cookies.admin);
    expect(admin.status).toBe(201);
    const child = ((await admin.json()) as { checkpoint: ServerCheckpoint }).checkpoint;
    expect(child.parent).toBe(stored.uri);
    expect((await findCheckpoint(db(), { id: child.id }))?.parentId).toBe(stored.id);
    expect((await findCheckpoint(db(), { id: stored.id }))?.parentId).toBeNull(); // its parent is models/captioning/mle
  });

  it("refuses an invalid checkpoint with 400 naming the field, and keeps nothing", async () => {
    const before = readdirSync(path.join(dir, "checkpoints")).length;
    const res = await upload(withManifest(await shipped("mle"), { task: "segmentation" as never }), cookies.engineer);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: "bad_request:checkpoint", field: "model.json",
      message: "model.json: userDefinedMetadata.manifest.task: expected one of captioning, detection, panoptic, colorization",
    });
    expect(readdirSync(path.join(dir, "checkpoints"))).toHaveLength(before);
  });

  it("refuses model.json text the database cannot keep (a NUL, a lone surrogate, deep nesting) with 400 naming where, and keeps nothing", async () => {
    // Found by app/api/fuzz.test.ts: run.settings is free JSON, stored in the manifest column; on
    // PostgreSQL a NUL or a lone surrogate there was a 500, on SQLite a NUL key was stored.
    const before = readdirSync(path.join(dir, "checkpoints")).length;
    const mle = await shipped("mle");
    const run = (mle.userDefinedMetadata as { manifest: CheckpointManifest }).manifest.run!;
    let deep: unknown = "x";
    for (let i = 0; i < 100; i++) deep = [deep];
    for (const [settings, message] of [
      [{ note: "a\u0000b" }, "model.json: userDefinedMetadata.manifest.run.settings.note: NUL characters are not accepted"],
      [{ "k\ud800": 1 }, 'model.json: userDefinedMetadata.manifest.run.settings["k\\ud800"]: key: lone surrogates'],
      [{ deep }, "model.json: userDefinedMetadata.manifest.run.settings.deep[0][0]"],
    ] as const) {
      const res = await upload(withManifest(mle, { run: { ...run, settings } }), cookies.engineer);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "bad_request:checkpoint", field: "model.json", message: expect.stringContaining(message) });
    }
    expect(readdirSync(path.join(dir, "checkpoints"))).toHaveLength(before);
  });

  it("refuses a model.json that is not UTF-8 (it was stored with U+FFFD in place of the bytes), naming model.json", async () => {
    const dirOf = path.resolve("public/models/captioning/mle");
    const text = readFileSync(path.join(dirOf, "model.json"), "utf8");
    const at = text.indexOf("vit-transformer-decoder");
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(at))]);
    const form = new FormData();
    form.append("model.json", new Blob([bytes], { type: "application/json" }), "model.json");
    form.append("model.weights.bin", new Blob([readFileSync(path.join(dirOf, (JSON.parse(text) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]!.paths[0]!))]), "model.weights.bin");
    const res = await POST(new Request("http://localhost/api/checkpoints", { method: "POST", body: form, headers: { cookie: cookies.engineer! } }));
    expect([res.status, await res.json()]).toEqual([400, { code: "bad_request:checkpoint", field: "model.json", message: "model.json: expected UTF-8 text" }]);
  });

  it("refuses a body that is not multipart (415), unreadable multipart or one without the weights (400)", async () => {
    const post = (body: BodyInit, type?: string) =>
      POST(new Request("http://localhost/api/checkpoints", { method: "POST", body, headers: { cookie: cookies.engineer!, ...(type ? { "content-type": type } : {}) } }));
    const json = await post(JSON.stringify({}), "application/json");
    expect(json.status).toBe(415);
    expect(await json.json()).toEqual({
      code: "unsupported_media_type:checkpoint", field: "content-type",
      message: "content-type: expected multipart/form-data (the files model.json and model.weights.bin, as tf.io.http(url).save() sends), got application/json",
    });
    const garbled = await post("--x\r\nnot a part", "multipart/form-data; boundary=x");
    expect(await garbled.json()).toMatchObject({ code: "bad_request:checkpoint", field: "body" });
    const form = new FormData();
    form.append("model.json", new Blob(["{}"]), "model.json");
    const noWeights = await post(form);
    expect(await noWeights.json()).toMatchObject({ field: "model.weights.bin", message: "model.weights.bin: missing (expected a file)" });
  });

  it("stops reading a body over 16 MB: 413 payload_too_large:checkpoint", async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 20) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await POST(new Request("http://localhost/api/checkpoints", {
      method: "POST", body, duplex: "half", headers: { cookie: cookies.engineer!, "content-type": "multipart/form-data; boundary=x" },
    } as RequestInit));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ code: "payload_too_large:checkpoint", field: "body", message: "body: expected at most 16 MB" });
    expect(sent).toBeLessThan(20);
    // A declared length over the limit is refused before reading anything.
    const declared = await POST(new Request("http://localhost/api/checkpoints", {
      method: "POST", body: "x", headers: { "content-length": String(17 * 2 ** 20), "content-type": "multipart/form-data; boundary=x" },
    }));
    expect(declared.status).toBe(413);
  });
});

describe("GET /api/checkpoints/<id>/<file>", () => {
  it.each([
    ["an unknown id", "nope", "model.json"],
    ["a file that is not the checkpoint's", "ID", "manifest.json"],
    ["a path out of the folder", "ID", "../../session-secret"],
    ["an id out of the folder", "..", "session-secret"],
    ["a weights name that does not exist", "ID", "weights-0000000000000000.bin"],
  ])("answers 404 not_found:checkpoint for %s", async (_, id, file) => {
    const headers = { cookie: cookies.engineer! };
    const realId = (await GET(new Request("http://localhost/api/checkpoints", { headers }))).json().then((b: { checkpoints: ServerCheckpoint[] }) => b.checkpoints[0]!.id);
    const res = await getFile(new Request("http://localhost/x", { headers }), { params: Promise.resolve({ id: id === "ID" ? await realId : id, file }) });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe("not_found:checkpoint");
  });
});
