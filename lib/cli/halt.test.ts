/**
 * The CLI's side of a halted run, with the trainer replaced by one that halts: exit status 3,
 * the reason on stderr, the halt in metrics.jsonl, the last good weights saved. (The halting
 * itself is tested against real steps in lib/training/{reinforce,mle}.test.ts.)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { MleSettings, TrainCallbacks, MleStepLog } from "@/lib/training";
import { main } from "./main";

const reason = "the updates of steps 0 to 1 were skipped (2 in a row, more than maxConsecutiveSkips = 1); last reason: non-finite loss";
const seen: MleSettings[] = [];
vi.mock("@/lib/training", async (original) => ({
  ...(await original<typeof import("@/lib/training")>()),
  trainMle: vi.fn(async (_policy: unknown, _opt: unknown, settings: MleSettings, cb: TrainCallbacks<MleStepLog>) => {
    seen.push(settings);
    for (const step of [0, 1]) cb.onStep?.({ phase: "train", step, loss: Infinity, lr: 1e-3, gradNorm: NaN, samplesPerSec: 1, ms: 1, backend: "wasm", skipped: "non-finite loss" });
    return { step: 2, skippedSteps: 2, halted: reason };
  }),
}));

const dir = mkdtempSync(path.join(tmpdir(), "rs-cli-halt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("reward-studio pretrain when training halts on skipped updates", () => {
  it("exits 3 with the reason, records the halt in metrics.jsonl and saves the last good weights", async () => {
    const out = path.join(dir, "mle");
    const err: string[] = [];
    const status = await main(["pretrain", "--task", "captioning", "--smoke", "--out", out, "--max-consecutive-skips", "1"], { out: () => {}, err: (s) => err.push(s) });
    expect(status).toBe(3);
    expect(err.join("\n")).toBe(
      `halted: pretrain captioning (wasm) stopped after 2 of 3 steps: ${reason}. The last good weights are saved in ${out} (resumable); every step's log is in metrics.jsonl.`,
    );
    expect(seen.map((s) => s.maxConsecutiveSkips)).toEqual([1]);
    const lines = readFileSync(path.join(out, "metrics.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.skipped ?? l.phase)).toEqual(["non-finite loss", "non-finite loss", "halted"]);
    expect(lines.at(-1)).toEqual({ phase: "halted", step: 2, skippedSteps: 2, reason });
    expect(existsSync(path.join(out, "model.json"))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"))).toMatchObject({ run: { kind: "mle", step: 2 }, evalMetrics: null });
  });

  it("refuses a negative --max-consecutive-skips", async () => {
    const err: string[] = [];
    expect(await main(["pretrain", "--task", "captioning", "--out", "x", "--max-consecutive-skips", "-1"], { out: () => {}, err: (s) => err.push(s) })).toBe(2);
    expect(err.join("\n")).toMatch(/--max-consecutive-skips.*>= 0/);
  });
});
