import { describe, expect, it } from "vitest";
import { bucketOf, routeRequest } from "./routing";

const keys = Array.from({ length: 4000 }, (_, i) => `client-${i}`);

describe("routing", () => {
  it("is sticky per (roll-out, key) and the share of clients matches the stage's percent", () => {
    for (const percent of [5, 25, 50]) {
      const served = keys.map((k) => routeRequest({ rolloutId: "r1", keyHash: k, percent, shadow: false }).served);
      const share = served.filter((s) => s === "candidate").length / keys.length;
      expect(Math.abs(share - percent / 100)).toBeLessThan(0.025);
      expect(keys.map((k) => routeRequest({ rolloutId: "r1", keyHash: k, percent, shadow: false }).served)).toEqual(served);
    }
  });

  it("raising the share only moves clients to the candidate; 0 and 100 route all one way; shadow mirrors", () => {
    const at = (percent: number) => new Set(keys.filter((k) => routeRequest({ rolloutId: "r1", keyHash: k, percent, shadow: false }).served === "candidate"));
    const five = at(5);
    const fifty = at(50);
    for (const k of five) expect(fifty.has(k)).toBe(true);
    expect(at(0).size).toBe(0);
    expect(at(100).size).toBe(keys.length);
    expect(routeRequest({ rolloutId: "r1", keyHash: "x", percent: 0, shadow: true })).toEqual({ served: "baseline", mirror: true });
    expect(bucketOf("r1", "x")).not.toBe(bucketOf("r2", "x"));
  });
});
