import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("derived Prisma schemas", () => {
  it("prisma/sqlite and prisma/postgres schemas match prisma/models.prisma", () => {
    // Exits non-zero (and throws here) when a derived schema is stale.
    expect(() => execFileSync(process.execPath, ["scripts/prisma-schemas.mjs", "--check"], { stdio: "pipe" })).not.toThrow();
  });
});
