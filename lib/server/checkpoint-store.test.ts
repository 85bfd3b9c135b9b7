import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findCheckpoint, listCheckpoints, registerCheckpoint, type Db } from "@/lib/db";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import { parseCheckpointUpload } from "@/lib/training/manifest-schema";
import { loadCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { PROCESS_BOOT } from "./checkpoint-paths";
import { serverCheckpointUri, storeCheckpoint } from "./checkpoint-store";
import { ORPHAN_GRACE_MS, sweepCheckpointOrphans } from "./checkpoint-sweep";

/** The shipped MLE captioning model as an upload would arrive (checked by the upload parser). */
async function anUpload(change: Record<string, unknown> = {}) {
  const a = await loadCheckpointDir(path.resolve("public/models/captioning/mle"));
  const manifest = { ...(a.userDefinedMetadata as { manifest: object }).manifest, ...change };
  const json = JSON.stringify({ ...a, userDefinedMetadata: { manifest }, weightsManifest: [{ paths: ["w"], weights: a.weightSpecs }], weightSpecs: undefined, weightData: undefined });
  return parseCheckpointUpload({ modelJson: json, weights: new Uint8Array(a.weightData as ArrayBuffer) });
}

const roots: string[] = [];
const aRoot = () => {
  const r = mkdtempSync(path.join(tmpdir(), "rs-store-"));
  roots.push(r);
  return r;
};
afterEach(() => { for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true }); });

describe.each(PROVIDERS)("the checkpoint store on %s", (provider) => {
  let t: TestDatabase;
  let db: Db;
  beforeAll(async () => { t = await freshDatabase(provider); db = t.db; });
  afterAll(async () => { await t.dispose(); });

  it("writes the files first: the folder is complete in its final place when the row is inserted", async () => {
    const root = aRoot();
    const seen: string[][] = [];
    const watching = new Proxy(db, {
      get: (target, prop) => prop !== "checkpoint" ? Reflect.get(target, prop) : new Proxy(target.checkpoint, {
        get: (c, p) => p !== "create" ? Reflect.get(c, p) : (args: { data: { id: string } }) => {
          seen.push(readdirSync(path.join(root, args.data.id)).sort());
          expect(readdirSync(root).filter((f) => f.startsWith("."))).toEqual([]); // renamed out of its temporary name already
          return c.create(args as never);
        },
      }),
    }) as Db;
    const { checkpoint, created } = await storeCheckpoint(watching, { root, ...(await anUpload()) });
    expect(created).toBe(true);
    expect(seen).toEqual([["manifest.json", "model.json", expect.stringMatching(/^weights-[0-9a-f]{16}\.bin$/)]]);
    expect(readdirSync(root)).toEqual([checkpoint.id]);
    expect(checkpoint.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("removes the files when the database refuses the row, and lists nothing", async () => {
    const root = aRoot();
    const failing = new Proxy(db, {
      get: (target, prop) => prop !== "checkpoint" ? Reflect.get(target, prop) : new Proxy(target.checkpoint, {
        get: (c, p) => (p === "create" ? () => Promise.reject(new Error("disk full")) : Reflect.get(c, p)),
      }),
    }) as Db;
    const before = (await listCheckpoints(db)).length;
    await expect(storeCheckpoint(failing, { root, ...(await anUpload({ createdAt: "2026-11-30T00:00:00.000Z" })) })).rejects.toThrow("disk full");
    expect(readdirSync(root)).toEqual([]);
    expect(await listCheckpoints(db)).toHaveLength(before);
  });

  it("answers the same content with the same checkpoint, also when two uploads race", async () => {
    const root = aRoot();
    const upload = await anUpload({ createdAt: "2026-11-30T01:00:00.000Z" });
    const first = await storeCheckpoint(db, { root, ...upload, name: "first" });
    const again = await storeCheckpoint(db, { root, ...upload, name: "second" });
    expect([again.created, again.checkpoint.id, again.checkpoint.name]).toEqual([false, first.checkpoint.id, "first"]);
    const other = await anUpload({ createdAt: "2026-11-30T02:00:00.000Z" });
    const raced = await Promise.all([storeCheckpoint(db, { root, ...other }), storeCheckpoint(db, { root, ...other })]);
    expect(raced[0].checkpoint.id).toBe(raced[1].checkpoint.id);
    expect(raced.map((r) => r.created).sort()).toEqual([false, true]);
    expect(readdirSync(root).sort()).toEqual([first.checkpoint.id, raced[0].checkpoint.id].sort());
  });

  it("sweeps what crashed uploads left, and nothing that is in use", async () => {
    const root = aRoot();
    await db.checkpoint.deleteMany(); // the rows of the tests above point into their own, removed, roots
    const kept = await storeCheckpoint(db, { root, ...(await anUpload({ createdAt: "2026-11-30T03:00:00.000Z" })) });
    const folder = (name: string, ageMs = 0) => {
      mkdirSync(path.join(root, name));
      writeFileSync(path.join(root, name, "model.json"), "{}");
      const when = (Date.now() - ageMs) / 1000;
      utimesSync(path.join(root, name), when, when);
    };
    folder(".upload-999999999-abcdef-dead"); // its process is gone
    folder(`.upload-${process.pid}-000000-reused`); // our pid, another boot: the pid was reused after a crash
    folder(`.upload-${process.pid}-${PROCESS_BOOT}-mine`); // an upload of this process in flight
    folder(`.upload-${process.ppid}-abcdef-other`); // another running process's upload
    folder("rowless-old", ORPHAN_GRACE_MS + 1000); // renamed, then the crash before the insert
    folder("rowless-new"); // may be another process between rename and insert
    const fileless = await registerCheckpoint(db, {
      id: "fileless-1", name: "n", task: "captioning", architecture: "a", uri: serverCheckpointUri("fileless-1"), manifest: {},
    });
    const shipped = await registerCheckpoint(db, { name: "shipped", task: "captioning", architecture: "a", uri: "/models/captioning/mle/model.json", manifest: {} });

    expect(await sweepCheckpointOrphans(db, { root })).toEqual({ temporaryFolders: 2, rowlessFolders: 1, filelessRows: 1 });
    expect(readdirSync(root).sort()).toEqual(
      [kept.checkpoint.id, `.upload-${process.pid}-${PROCESS_BOOT}-mine`, `.upload-${process.ppid}-abcdef-other`, "rowless-new"].sort(),
    );
    expect(await findCheckpoint(db, { id: fileless.id })).toBeNull();
    expect(await findCheckpoint(db, { id: shipped.id })).not.toBeNull();
    expect(await findCheckpoint(db, { id: kept.checkpoint.id })).not.toBeNull();
    expect(existsSync(path.join(root, kept.checkpoint.id, "model.json"))).toBe(true);
  });
});
