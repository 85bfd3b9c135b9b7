import { writeFileSync } from "node:fs";
import { planWasm } from "@/lib/training/wasm-plan";
import { BackendsPage } from "./pages/backends-page";
import { RunsPage } from "./pages/runs-page";
import { expect, test } from "./support/fixtures";

// Engineer pages ask signed-out visitors to sign in first.
test.use({ account: "engineer" });

/** 16 op cases (forward and gradient) + 4 whole-model cases (lib/training/conformance). */
const CASES = 20;

test.describe("the same numbers on every backend", () => {
  for (const backend of ["webgpu", "webgl", "wasm", "cpu"] as const) {
    test(`${backend}: every op and every task agrees with the cpu reference`, async ({ page }, info) => {
      test.setTimeout(300_000);
      const backends = new BackendsPage(page);
      await backends.goto();
      const table = await backends.check(backend);
      const rows = await backends.rows(backend);
      writeFileSync(info.outputPath(`conformance-${backend}.json`), JSON.stringify(rows, null, 1));
      await expect(table).toHaveAttribute("data-status", "done");
      expect(rows.filter((r) => r.at(-1) !== "agrees").map((r) => `${r[0]}: ${r.at(-1)}`)).toEqual([]);
      await expect(table).toHaveAttribute("data-count", String(CASES));
      await expect(table).toHaveAttribute("data-failed", "0");
      await expect(table.getByTestId("conformance-summary")).toContainText(`all ${CASES} cases agree with cpu`);
      if (backend === "wasm") {
        // TF.js's default pool: the binary and the thread count follow this machine's cores
        // (e2e/wasm-threads.spec.ts forces 2 threads).
        const plan = planWasm({ simd: true, threadsSupported: true, cores: await page.evaluate(() => navigator.hardwareConcurrency) });
        await expect(table).toHaveAttribute("data-binary", plan.binary);
        await expect(table).toHaveAttribute("data-threads", String(plan.threads));
      }
    });
  }
});

test.describe("auto picks the fastest backend by measurement", () => {
  test("the run page measures once, trains on the fastest, shows why, and keeps the result", async ({ page }) => {
    test.setTimeout(240_000);
    const runs = new RunsPage(page);
    await runs.goto();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await runs.runToEnd({ task: "captioning", backend: "auto", steps: 3, from: "shipped" });
    const probe = page.getByTestId("probe");
    // Here WebGPU and WebGL are SwiftShader (software): WASM is the fastest, by measurement.
    await expect(probe).toHaveAttribute("data-chosen", "wasm");
    await expect(probe.locator('[data-testid="probe-row"][data-backend="wasm"]')).toHaveAttribute("data-status", "measured");
    const gpu = probe.locator('[data-testid="probe-row"][data-backend="webgpu"]');
    await expect(gpu).toContainText(/swiftshader/i);
    await expect(gpu).toContainText("fallback");
    await expect(gpu).not.toHaveAttribute("data-status", "measured");
    const line = page.getByTestId("run-backend");
    await expect(line).toHaveAttribute("data-backend", "wasm");
    await expect(line).toHaveAttribute("data-threads", "1");
    await expect(line).toHaveAttribute("data-isolated", "true");
    await expect(page.getByTestId("run-step-time")).toBeVisible();
    await expect(runs.rows).toHaveCount(3);
    // A second run of the same model shape takes the kept measurement: no probe this time.
    await runs.runToEnd({ task: "captioning", backend: "auto", steps: 1, from: "shipped" });
    await expect(page.getByTestId("probe-choice")).toContainText("kept, so the probe is not paid again");
    await expect(page.getByTestId("run-backend")).toHaveAttribute("data-backend", "wasm");
  });
});
