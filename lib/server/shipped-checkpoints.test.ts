import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCheckpoints } from "@/lib/db";
import { freshDatabase, type TestDatabase } from "@/lib/testing/databases";
import { registerShippedCheckpoints } from "./shipped-checkpoints";

describe("the shipped models as checkpoint rows", () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await freshDatabase("sqlite"); });
  afterAll(async () => { await t.dispose(); });

  it("registers the MLE and tuned model of every task once, the tuned one a child of the MLE one", async () => {
    const publicDir = path.resolve("public");
    expect(await registerShippedCheckpoints(t.db, { publicDir })).toBe(8);
    expect(await registerShippedCheckpoints(t.db, { publicDir })).toBe(8); // a restart adds nothing
    const rows = await listCheckpoints(t.db, {});
    expect(rows).toHaveLength(8);
    const caption = rows.filter((r) => r.task === "captioning");
    const mle = caption.find((r) => r.uri === "/models/captioning/mle/model.json");
    const tuned = caption.find((r) => r.uri === "/models/captioning/tuned/model.json");
    expect(tuned?.parentId).toBe(mle?.id);
    expect((tuned?.evalMetrics as Record<string, number>).CIDEr).toBeGreaterThan(1);
  });
});
