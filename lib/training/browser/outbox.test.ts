import { describe, expect, it } from "vitest";
import type { MetricPoint } from "../metric-points";
import { drainOutbox, MemoryOutboxStore, Outbox, type SendResult } from "./outbox";

/** A server that keeps one value per (step, name), as the metrics route does, and can be told to fail. */
function fakeServer() {
  const stored = new Map<string, number | null>();
  const s = {
    stored,
    requests: 0,
    /** Next answers: "ok", "5xx", "network", "lost" (stored, but the answer never arrives), "401". */
    script: [] as string[],
    send: async (_run: string, points: MetricPoint[]): Promise<SendResult> => {
      s.requests++;
      const next = s.script.shift() ?? "ok";
      if (next === "network") throw new TypeError("Failed to fetch");
      if (next === "5xx") return { ok: false, retry: true, message: "HTTP 503" };
      if (next === "401") return { ok: false, retry: false, message: "sign in" };
      for (const p of points) if (!stored.has(`${p.step}:${p.name}`)) stored.set(`${p.step}:${p.name}`, p.value);
      if (next === "lost") throw new TypeError("network connection was lost");
      return { ok: true };
    },
  };
  return s;
}
const pts = (step: number, names = ["composite", "kl", "entropy"]): MetricPoint[] => names.map((name, i) => ({ step, name, value: step + i / 10 }));

describe("Outbox", () => {
  it("sends stored points in batches and deletes them once taken", async () => {
    const store = new MemoryOutboxStore();
    const server = fakeServer();
    const box = new Outbox(store, "run1", { send: server.send, maxPoints: 6 });
    for (let s = 0; s < 5; s++) await box.add(pts(s));
    expect(box.state().pending).toBe(15);
    expect(await box.flush()).toBe(true);
    // 15 points, 3 a stored batch, at most 6 a request: 3 requests.
    expect(server.requests).toBe(3);
    expect(server.stored.size).toBe(15);
    expect(store.entries).toEqual([]);
    expect(box.state()).toEqual({ pending: 0, failures: 0, lastError: null });
  });

  it("keeps a batch through network errors and 5xx, backing off, and loses nothing", async () => {
    const store = new MemoryOutboxStore();
    const server = fakeServer();
    server.script = ["network", "5xx", "5xx"];
    const box = new Outbox(store, "run1", { send: server.send, backoffMs: 100, maxBackoffMs: 250 });
    await box.add(pts(0));
    expect(await box.flush()).toBe(false);
    expect(box.delayMs(1500)).toBe(100);
    expect(await box.flush()).toBe(false);
    expect(box.delayMs(1500)).toBe(200);
    expect(await box.flush()).toBe(false);
    expect(box.delayMs(1500)).toBe(250);
    expect(box.state()).toMatchObject({ pending: 3, failures: 3, lastError: "HTTP 503" });
    expect(store.entries).toHaveLength(1);
    expect(await box.flush()).toBe(true);
    expect(box.delayMs(1500)).toBe(1500);
    expect([...server.stored.keys()]).toEqual(["0:composite", "0:kl", "0:entropy"]);
  });

  it("resends a batch whose answer was lost; the server's idempotency keeps each point once", async () => {
    const store = new MemoryOutboxStore();
    const server = fakeServer();
    server.script = ["lost"];
    const box = new Outbox(store, "r", { send: server.send });
    await box.add(pts(0));
    expect(await box.flush()).toBe(false);
    await box.add(pts(1));
    expect(await box.flush()).toBe(true);
    expect(server.requests).toBe(2);
    expect(server.stored.size).toBe(6);
  });

  it("keeps points the server refuses (signed out) for a later try", async () => {
    const server = fakeServer();
    server.script = ["401"];
    const box = new Outbox(new MemoryOutboxStore(), "r", { send: server.send });
    await box.add(pts(0));
    expect(await box.flush()).toBe(false);
    expect(box.state().lastError).toBe("sign in");
    expect(await box.flush()).toBe(true);
  });

  it("starts by sending what an earlier page left in the store (a reload)", async () => {
    const store = new MemoryOutboxStore();
    const server = fakeServer();
    server.script = ["network"];
    const before = new Outbox(store, "r", { send: server.send });
    await before.add(pts(0));
    await before.add(pts(1));
    await before.flush();
    // The page reloads: a new outbox on the same store, another run's batch beside it.
    await store.add("other", pts(0));
    const after = new Outbox(store, "r", { send: server.send });
    expect(await after.flush()).toBe(true);
    expect(server.stored.size).toBe(6);
    expect(store.entries.map((e) => e.runId)).toEqual(["other"]);
  });

  it("drops a batch the server will never take (the run is over), and goes on", async () => {
    const store = new MemoryOutboxStore();
    let calls = 0;
    const box = new Outbox(store, "r", { send: async () => (++calls === 1 ? { ok: false, retry: false, drop: true, message: "run completed" } : { ok: true }), maxPoints: 3 });
    await box.add(pts(0));
    await box.add(pts(1));
    expect(await box.flush()).toBe(true);
    expect(calls).toBe(2);
    expect(store.entries).toEqual([]);
    expect(box.state().pending).toBe(0);
  });

  it("runs one flush at a time", async () => {
    const server = fakeServer();
    const box = new Outbox(new MemoryOutboxStore(), "r", { send: server.send });
    await box.add(pts(0));
    const [a, b] = await Promise.all([box.flush(), box.flush()]);
    expect([a, b]).toEqual([true, true]);
    expect(server.requests).toBe(1);
  });

  it("drains through failures within the time allowed", async () => {
    const server = fakeServer();
    server.script = ["5xx", "network"];
    const box = new Outbox(new MemoryOutboxStore(), "r", { send: server.send, backoffMs: 10 });
    await box.add(pts(0));
    let t = 0;
    const waits: number[] = [];
    const ok = await drainOutbox(box, { timeoutMs: 1000, now: () => t, sleep: async (ms) => { waits.push(ms); t += ms; } });
    expect(ok).toBe(true);
    expect(waits).toEqual([10, 20]);
    server.script = ["5xx", "5xx", "5xx"];
    await box.add(pts(1));
    expect(await drainOutbox(box, { timeoutMs: 25, now: () => t, sleep: async (ms) => { t += ms; } })).toBe(false);
    expect(box.state().pending).toBe(3);
  });
});
