import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "./index";

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(path.join(tmpdir(), "rs-env-"));
  dirs.push(d);
  return d;
};
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe("environment: data dir and session secret", () => {
  it("resolves RS_DATA_DIR to an absolute data dir", () => {
    const dir = scratch();
    expect(parseEnv({ RS_DATA_DIR: dir }).dataDir).toBe(dir);
    expect(path.isAbsolute(parseEnv({}).dataDir)).toBe(true);
  });

  it("uses RS_SESSION_SECRET when set, and refuses a short one naming the variable", () => {
    const secret = "s".repeat(40);
    expect(parseEnv({ RS_DATA_DIR: scratch(), RS_SESSION_SECRET: secret }).sessionSecret()).toBe(secret);
    expect(() => parseEnv({ RS_SESSION_SECRET: "short" })).toThrow(/RS_SESSION_SECRET: expected at least 32 characters/);
  });

  it("without RS_SESSION_SECRET, makes one secret in <data dir>/session-secret (0600) and keeps it across restarts", () => {
    const dir = scratch();
    const first = parseEnv({ RS_DATA_DIR: dir }).sessionSecret();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(dir, "session-secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(parseEnv({ RS_DATA_DIR: dir }).sessionSecret()).toBe(first); // a "restart"
  });

  it("refuses a damaged secret file, saying how to recover", () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "session-secret"), "tiny\n");
    expect(() => parseEnv({ RS_DATA_DIR: dir }).sessionSecret()).toThrow(/delete the file to make a new one/);
  });
});
