import { describe, expect, it } from "vitest";
import { Admission, InferenceQueue, QueueFull } from "./queue";

const later = () => { let open!: () => void; const p = new Promise<void>((r) => { open = r; }); return { p, open }; };

describe("InferenceQueue", () => {
  it("runs one job at a time in order, lets maxWaiting wait, and refuses the next with a Retry-After", async () => {
    const q = new InferenceQueue({ concurrency: 1, maxWaiting: 2 });
    const gate = later();
    const order: number[] = [];
    const jobs = [0, 1, 2].map((i) => q.run(async () => { if (i === 0) await gate.p; order.push(i); return i; }));
    expect(q.depth).toEqual({ running: 1, waiting: 2 });
    await expect(q.run(async () => 3)).rejects.toBeInstanceOf(QueueFull);
    await expect(q.run(async () => 3)).rejects.toMatchObject({ retryAfterSeconds: expect.any(Number) });
    gate.open();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2]);
    expect(order).toEqual([0, 1, 2]);
    expect(q.depth).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when a job throws", async () => {
    const q = new InferenceQueue({ concurrency: 1, maxWaiting: 0 });
    await expect(q.run(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await q.run(async () => 7)).toBe(7);
  });
});

describe("Admission", () => {
  it("lets `max` in at once and refuses the rest without running them", async () => {
    const door = new Admission(2);
    const gate = later();
    let ran = 0;
    const inside = [door.enter(async () => { ran++; await gate.p; return "in"; }, () => "out"), door.enter(async () => { ran++; await gate.p; return "in"; }, () => "out")];
    expect(await door.enter(async () => { ran++; return "in"; }, () => "out")).toBe("out");
    gate.open();
    expect(await Promise.all(inside)).toEqual(["in", "in"]);
    expect([ran, door.count]).toEqual([2, 0]);
  });
});
