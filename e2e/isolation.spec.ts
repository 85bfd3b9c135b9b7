import { SITE_AREAS } from "@/components/site-areas";
import { expect, test } from "./support/fixtures";

// Signed in as an admin, who may open every page (signed out, they redirect to sign-in).
test.use({ account: "admin" });

test.describe("cross-origin isolation", () => {
  test("every page and every asset it loads is served isolated, and nothing is blocked", async ({ page }) => {
    const failed: string[] = [];
    const unisolated: string[] = [];
    // Prefetches cut short by the next navigation end as ERR_ABORTED; anything blocked (COEP) would be ERR_BLOCKED_BY_RESPONSE.
    page.on("requestfailed", (r) => { if (r.failure()?.errorText !== "net::ERR_ABORTED") failed.push(`${r.url()}: ${r.failure()?.errorText}`); });
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
      else if (r.request().resourceType() === "document" && r.headers()["cross-origin-embedder-policy"] !== "require-corp") unisolated.push(r.url());
    });
    for (const path of ["/", ...SITE_AREAS.map((a) => a.href), "/sign-in"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => crossOriginIsolated), path).toBe(true);
    }
    expect(failed).toEqual([]);
    expect(unisolated).toEqual([]);
  });

  test("the assets a run loads carry COOP and COEP", async ({ request }) => {
    for (const path of ["/tfjs/tfjs-backend-wasm-simd.wasm", "/tfjs/tfjs-backend-wasm-threaded-simd.wasm", "/tfjs/tfjs-backend-wasm-threaded-simd.js", "/models/captioning/mle/model.json", "/api/health"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["cross-origin-opener-policy"], path).toBe("same-origin");
      expect(res.headers()["cross-origin-embedder-policy"], path).toBe("require-corp");
    }
  });
});
