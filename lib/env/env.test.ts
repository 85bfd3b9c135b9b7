import { mkdtempSync, rmSync } from "node:fs";
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

describe("environment: data dir", () => {
  it("resolves RS_DATA_DIR to an absolute data dir", () => {
    const dir = scratch();
    expect(parseEnv({ RS_DATA_DIR: dir }).dataDir).toBe(dir);
    expect(path.isAbsolute(parseEnv({}).dataDir)).toBe(true);
  });

  it("seeds demo accounts by default on SQLite only; RS_DEMO_SEED turns it on or off, and refuses anything else", () => {
    const pg = "postgresql://u@127.0.0.1:5432/db";
    expect(parseEnv({}).demoSeed).toBe(true);
    expect(parseEnv({ DATABASE_URL: pg }).demoSeed).toBe(false);
    expect(parseEnv({ DATABASE_URL: pg, RS_DEMO_SEED: "on" }).demoSeed).toBe(true);
    expect(parseEnv({ RS_DEMO_SEED: "off" }).demoSeed).toBe(false);
    expect(() => parseEnv({ RS_DEMO_SEED: "yes" })).toThrow('invalid environment: RS_DEMO_SEED: expected "on" or "off"');
  });
});
