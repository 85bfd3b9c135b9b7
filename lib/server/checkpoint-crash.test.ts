/**
 * kill -9 during a checkpoint upload, then a restart (issue 9): a child process runs the upload
 * code (lib/testing/crash-upload-child.ts) and is SIGKILLed at a chosen point: half-way through
 * writing the temporary folder, after renaming it into place but before its row, and after the
 * upload finished. The start-up sweep then runs as the restarted server's does, and afterwards
 * no listed checkpoint lacks its files, no temporary folder is left, and the upload, retried,
 * stores one checkpoint. Deterministic: the child stops itself at the point and waits for the kill.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCheckpoints } from "@/lib/db";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import { parseCheckpointUpload } from "@/lib/training/manifest-schema";
import { checkpointsRoot, storeCheckpoint } from "./checkpoint-store";
import { ORPHAN_GRACE_MS, sweepCheckpointOrphans } from "./checkpoint-sweep";

type Point = "writing" | "renamed" | "stored";

/** Runs the child up to `point`, SIGKILLs it there, and resolves once it is gone. */
function uploadAndKill(point: Point, input: { dataDir: string; databaseUrl: string; model: "mle" | "tuned" }): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/crash-upload-child.ts", point, input.dataDir, input.model], {
    env: { ...process.env, DATABASE_URL: input.databaseUrl }, stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => { if (String(d).includes("paused")) child.kill("SIGKILL"); });
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`child ended ${code ?? signal} before ${point}: ${err}`))));
  });
}

const shippedUpload = () => {
  const dir = path.resolve("public/models/captioning/tuned");
  const modelJson = readFileSync(path.join(dir, "model.json"), "utf8");
  const weights = (JSON.parse(modelJson) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]!.paths[0]!;
  return parseCheckpointUpload({ modelJson, weights: new Uint8Array(readFileSync(path.join(dir, weights))) });
};

describe.each(PROVIDERS)("kill -9 during a checkpoint upload, then a restart, on %s", (provider) => {
  let t: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    dataDir = mkdtempSync(path.join(tmpdir(), "rs-crash-"));
  });
  afterAll(async () => {
    await t?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("leaves no listed checkpoint without files and no temporary folder; the retried upload is stored once", async () => {
    // Three server processes on one data folder and database, killed together: two upload the
    // tuned model (one dies writing it, one after the rename), one the MLE model (dies after storing it).
    const root = checkpointsRoot(dataDir);
    await Promise.all([
      uploadAndKill("writing", { dataDir, databaseUrl: t.target.url, model: "tuned" }),
      uploadAndKill("renamed", { dataDir, databaseUrl: t.target.url, model: "tuned" }),
      uploadAndKill("stored", { dataDir, databaseUrl: t.target.url, model: "mle" }),
    ]);
    const listed = await listCheckpoints(t.db, {});
    expect(listed).toHaveLength(1);
    const stored = listed[0]!.id;
    const left = readdirSync(root).sort();
    const temporary = left.filter((f) => f.startsWith(".upload-"));
    const rowless = left.filter((f) => !f.startsWith(".") && f !== stored);
    // What the crashes left: a half-written temporary folder, a folder without its row, the stored checkpoint.
    expect([temporary.length, rowless.length, left.length]).toEqual([1, 1, 3]);
    expect(readdirSync(path.join(root, temporary[0]!))).toEqual([expect.stringMatching(/^weights-[0-9a-f]{16}\.bin\.tmp$/)]);

    // The restart's sweep, right away: the dead processes' temporary folder goes; nothing listed lacks files.
    expect(await sweepCheckpointOrphans(t.db, { root })).toEqual({ temporaryFolders: 1, rowlessFolders: 0, filelessRows: 0 });
    // A row-less folder is swept once past the grace (it might be another live server's upload until then).
    expect(await sweepCheckpointOrphans(t.db, { root, now: new Date(Date.now() + ORPHAN_GRACE_MS) })).toEqual({ temporaryFolders: 0, rowlessFolders: 1, filelessRows: 0 });
    expect(readdirSync(root)).toEqual([stored]);
    for (const c of await listCheckpoints(t.db, {})) expect(existsSync(path.join(root, c.id, "model.json"))).toBe(true);

    // The client retries the tuned upload: stored once; a second retry answers with the same checkpoint.
    const first = await storeCheckpoint(t.db, { root, ...shippedUpload() });
    const again = await storeCheckpoint(t.db, { root, ...shippedUpload() });
    expect([first.created, again.created, again.checkpoint.id]).toEqual([true, false, first.checkpoint.id]);
    expect(readdirSync(root).sort()).toEqual([first.checkpoint.id, stored].sort());
    expect(readdirSync(path.join(root, first.checkpoint.id)).sort()).toEqual(["manifest.json", "model.json", expect.stringMatching(/^weights-[0-9a-f]{16}\.bin$/)]);
    expect((await listCheckpoints(t.db, {})).map((c) => c.id).sort()).toEqual([first.checkpoint.id, stored].sort());
  });
});
