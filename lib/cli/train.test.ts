import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./main";

const dir = mkdtempSync(path.join(tmpdir(), "rs-cli-train-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

const jsonl = (file: string) => readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));

describe("reward-studio pretrain / tune / eval (captioning, smoke)", () => {
  const mle = path.join(dir, "mle");
  const tuned = path.join(dir, "tuned");

  it("pretrain writes a checkpoint with a manifest and per-step metrics", async () => {
    const r = await run("pretrain", "--task", "captioning", "--smoke", "--out", mle, "--seed", "3");
    expect(r.status, r.err).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(mle, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ task: "captioning", parent: null, run: { kind: "mle", step: 3, seed: 3 }, evalMetrics: { CIDEr: expect.any(Number) } });
    const lines = jsonl(path.join(mle, "metrics.jsonl"));
    expect(lines.filter((l) => l.phase === "train").map((l) => l.step)).toEqual([0, 1, 2]);
    expect(lines.filter((l) => l.phase === "eval")).toHaveLength(1);
  });

  it("resume continues the same run from its step", async () => {
    const r = await run("pretrain", "--task", "captioning", "--smoke", "--steps", "5", "--resume", "--out", mle, "--seed", "3");
    expect(r.status, r.err).toBe(0);
    expect(JSON.parse(readFileSync(path.join(mle, "manifest.json"), "utf8")).run.step).toBe(5);
    expect(jsonl(path.join(mle, "metrics.jsonl")).filter((l) => l.phase === "train").map((l) => l.step)).toEqual([0, 1, 2, 3, 4]);
  });

  it("tune logs every reward term, KL and entropy, and records its parent and reward spec", async () => {
    const r = await run("tune", "--task", "captioning", "--smoke", "--from", mle, "--reward", "lib/rewards/specs/captioning.json", "--out", tuned);
    expect(r.status, r.err).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(tuned, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ task: "captioning", parent: path.resolve(mle), run: { kind: "reinforce", step: 2 }, rewardSpec: { task: "captioning" } });
    const step = jsonl(path.join(tuned, "metrics.jsonl")).find((l) => l.phase === "train");
    expect(Object.keys(step.terms)).toEqual(["cider_d", "object_recall", "object_hallucination", "count_accuracy", "bleu_4", "caption_length", "repetition"]);
    for (const k of ["kl", "entropy", "zeroSpreadFraction", "outputSize", "gradNorm", "samplesPerSec"]) expect(step).toHaveProperty(k);
    expect(step.backend).toBe("wasm");
  });

  it("eval prints one JSON object with the task's metrics", async () => {
    const r = await run("eval", "--task", "captioning", "--checkpoint", tuned, "--split", "test", "--count", "6");
    expect(r.status, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ task: "captioning", checkpoint: tuned, split: "test", count: 6 });
    expect(Object.keys(out.metrics)).toEqual(expect.arrayContaining(["CIDEr", "Bleu_4", "caption_length"]));
  });

  it.each([
    [["pretrain", "--task", "segmentation", "--out", "x"], /--task.*expected one of captioning/],
    [["pretrain", "--task", "captioning", "--out", "x", "--lr", "0"], /--lr.*positive/],
    [["pretrain", "--task", "captioning", "--out", "x", "--backend", "tpu"], /--backend: .*expected one of .*wasm/],
    [["tune", "--task", "captioning", "--from", "/nope", "--reward", "lib/rewards/specs/captioning.json", "--out", "x"], /--from: \/nope is not a checkpoint folder/],
    [["tune", "--task", "detection", "--from", "x", "--reward", "lib/rewards/specs/captioning.json", "--out", "x"], /--reward: .* is a captioning reward; --task is detection/],
    [["tune", "--task", "captioning", "--from", "x", "--reward", "lib/rewards/specs/captioning.json", "--out", "x", "--samples", "1"], /--samples.*>= 2/],
    [["eval", "--task", "captioning", "--checkpoint", "/nope"], /--checkpoint: \/nope is not a checkpoint folder/],
  ])("refuses bad arguments with exit 2: %j", async (argv, message) => {
    const r = await run(...(argv as string[]));
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("refuses an invalid reward spec naming its field", async () => {
    const bad = path.join(dir, "bad-spec.json");
    writeFileSync(bad, JSON.stringify({ task: "captioning", terms: [{ term: "cider_d", weight: "high" }] }));
    const r = await run("tune", "--task", "captioning", "--from", mle, "--reward", bad, "--out", path.join(dir, "t2"));
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/--reward: .*terms\[0\]\.weight/);
    expect(existsSync(path.join(dir, "t2", "model.json"))).toBe(false);
  });
});
