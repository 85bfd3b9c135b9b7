/**
 * Test helper for route-handler tests: a fresh SQLite database and data folder for the calling
 * test file, read through lib/env as the server reads it (demo accounts seeded), removed after.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, vi } from "vitest";
import { db } from "@/lib/db";
import { prepareDatabase } from "@/lib/db/prepare";

export function routeTestDatabase(name: string, env: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), `rs-${name}-`));
  vi.stubEnv("RS_DATA_DIR", dir);
  vi.stubEnv("DATABASE_URL", undefined);
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  beforeAll(async () => { await prepareDatabase(() => {}); });
  afterAll(async () => {
    await db().$disconnect();
    delete (globalThis as { rewardStudioDb?: unknown }).rewardStudioDb;
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
