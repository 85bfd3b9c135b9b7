import { describe, expect, it } from "vitest";
import type { MetricPoint } from "@/lib/runs/contract";
import { metricStream } from "./metric-stream";

const pts = (step: number): MetricPoint[] => [{ step, name: "composite", value: step }, { step, name: "loss", value: null }];

describe("metricStream", () => {
  it("sends a batch every 10 steps and the rest on flush, in order, each point once", async () => {
    const sent: MetricPoint[][] = [];
    const s = metricStream({ send: async (p) => { sent.push(p); }, everySteps: 10, everyMs: 60_000 });
    for (let step = 0; step < 25; step++) {
      s.push(pts(step));
      await new Promise((r) => setTimeout(r, 0)); // the trainer yields between steps
    }
    await s.flush();
    expect(sent.map((b) => b.length)).toEqual([20, 20, 10]);
    expect(sent.flat().map((p) => p.step)).toEqual(Array.from({ length: 25 }, (_, i) => [i, i]).flat());
  });

  it("sends after everyMs even with few steps", async () => {
    let t = 0;
    const sent: number[] = [];
    const s = metricStream({ send: async (p) => { sent.push(p.length); }, everySteps: 100, everyMs: 5000, now: () => t });
    s.push(pts(0));
    t = 6000;
    s.push(pts(1));
    await s.flush();
    expect(sent).toEqual([4]);
  });

  it("keeps the points of a batch that could not be sent and reports it on flush", async () => {
    const s = metricStream({ send: async () => { throw new Error("server gone"); }, everySteps: 1 });
    s.push(pts(0));
    await expect(s.flush()).rejects.toThrow("server gone");
  });
});
