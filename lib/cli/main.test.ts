import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bleu, ciderD, cocoDetectionEval, colorfulness, panopticQuality } from "@/lib/rewards";
import { main } from "./main";

async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

const example = (name: string) => `examples/score/${name}.json`;
const load = (name: string) => JSON.parse(readFileSync(example(name), "utf8"));
const scratch = mkdtempSync(path.join(tmpdir(), "rs-cli-"));
function file(name: string, body: unknown): string {
  const p = path.join(scratch, name);
  writeFileSync(p, typeof body === "string" ? body : JSON.stringify(body));
  return p;
}

describe("reward-studio score", () => {
  it("prints the library's numbers for every example file as one JSON object", async () => {
    const expected: Record<string, unknown> = {
      bleu: bleu(load("bleu")),
      "cider-d": ciderD(load("cider-d")),
      "coco-detection": cocoDetectionEval(load("coco-detection").groundTruth, load("coco-detection").detections),
      "panoptic-quality": panopticQuality(load("panoptic-quality").categories, load("panoptic-quality").images),
      colorfulness: { perImage: load("colorfulness").images.map((i: { rgb: number[]; width: number; height: number }) => colorfulness(i.rgb, i.width, i.height)) },
    };
    for (const [metric, want] of Object.entries(expected)) {
      const r = await run("score", metric, example(metric));
      expect(r.status, `${metric}: ${r.err}`).toBe(0);
      expect(r.out.split("\n")).toHaveLength(1);
      expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(want)));
    }
  });

  it("has the documented output keys", async () => {
    expect(Object.keys(JSON.parse((await run("score", "bleu", example("bleu"))).out).corpus)).toEqual(["Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4"]);
    expect(Object.keys(JSON.parse((await run("score", "cider-d", example("cider-d"))).out).corpus)).toEqual(["CIDEr"]);
    expect(Object.keys(JSON.parse((await run("score", "coco-detection", example("coco-detection"))).out))).toEqual(
      ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"],
    );
    const pq = JSON.parse((await run("score", "panoptic-quality", example("panoptic-quality"))).out);
    expect(Object.keys(pq)).toEqual(["All", "Things", "Stuff", "perClass"]);
    expect(Object.keys(pq.All)).toEqual(["PQ", "SQ", "RQ", "n"]);
  });

  it.each([
    ["bleu", { references: { a: ["x y"] }, candidates: { b: "x" } }, /\$\.candidates\.a: missing/],
    ["cider-d", { references: { a: "x y" }, candidates: { a: "x" } }, /\$\.references\.a: .*array/i],
    ["coco-detection", { groundTruth: { images: [], annotations: [], categories: [] }, detections: [{ image_id: 1, category_id: 1, bbox: [0, 0, 1], score: 1 }] }, /\$\.detections\[0\]\.bbox/],
    ["coco-detection", { groundTruth: { images: [{ id: 1 }], annotations: [], categories: [] }, detections: [{ image_id: 9, category_id: 1, bbox: [0, 0, 1, 1], score: 1 }] }, /9/],
    ["panoptic-quality", { categories: [{ id: 1, isthing: 1 }], images: [{ id: 1, height: 1, width: 2, groundTruth: { segmentIds: [1, 1], segments: [{ id: 1, category_id: 1 }] }, prediction: { segmentIds: [1, "x"], segments: [] } }] }, /\$\.images\[0\]\.prediction\.segmentIds\[1\]/],
    ["panoptic-quality", { categories: [{ id: 1, isthing: 1 }], images: [{ id: 1, height: 1, width: 2, groundTruth: { segmentIds: [1, 1], segments: [{ id: 1, category_id: 1 }] }, prediction: { segmentIds: [1, 2], segments: [{ id: 1, category_id: 1 }] } }] }, /images\[0\]\.prediction/],
    ["colorfulness", { images: [{ width: 1, height: 1, rgb: [0, 300, 0] }] }, /\$\.images\[0\]\.rgb\[1\]: expected 0\.\.255/],
    ["colorfulness", { images: [{ width: 2, height: 1, rgb: [0, 0, 0] }] }, /images\[0\]\.rgb: expected 6 values/],
  ])("%s: malformed input exits 2 naming the JSON path (%#)", async (metric, body, message) => {
    const r = await run("score", metric, file(`${metric}.json`, body));
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
  });

  it("refuses an unknown metric, a missing file and invalid JSON with exit 2", async () => {
    expect((await run("score", "map", example("bleu"))).err).toMatch(/expected one of bleu, cider-d/);
    expect((await run("score", "map", example("bleu"))).status).toBe(2);
    expect((await run("score", "bleu", "/nonexistent.json")).err).toMatch(/cannot read \/nonexistent\.json: ENOENT/);
    const bad = await run("score", "bleu", file("bad.json", "{ not json"));
    expect([bad.status, bad.err]).toEqual([2, expect.stringMatching(/is not valid JSON/)]);
  });

  it("runs as the package's bin (npx reward-studio)", () => {
    const out = execFileSync(process.execPath, ["bin/reward-studio.mjs", "score", "colorfulness", example("colorfulness")]).toString();
    expect(JSON.parse(out).perImage).toHaveLength(load("colorfulness").images.length);
    const bad = spawnSync(process.execPath, ["bin/reward-studio.mjs", "score", "bleu", file("empty.json", {})]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.toString()).toMatch(/^error: .*\$\.references/);
  });
});
