/**
 * The outbox a tab run's metric points go through on their way to the server: every point is
 * written to a store first (IndexedDB in the browser, ./outbox-idb.ts; memory in tests), sent
 * in batches, and deleted only when the server answered 200. A network error or a 5xx leaves
 * the batch where it is and the next try waits longer (exponential backoff). Because the server
 * keeps one value per (run, step, name) and answers a repeated batch 200 { added: 0 }, a batch
 * sent twice (the answer was lost, the tab reloaded before the delete) is harmless: no point is
 * lost and none is doubled, across reloads and server restarts.
 */
import type { MetricPoint } from "../metric-points";

/** A batch as stored: `key` orders the batches of all runs (auto-increment in IndexedDB). */
export interface OutboxEntry {
  key: number;
  runId: string;
  points: MetricPoint[];
}

/** Where the outbox keeps what it has not sent yet. */
export interface OutboxStore {
  add(runId: string, points: MetricPoint[]): Promise<void>;
  /** The run's stored batches, oldest first. */
  list(runId: string): Promise<OutboxEntry[]>;
  remove(keys: readonly number[]): Promise<void>;
}

/** The store for tests and for when IndexedDB is unavailable (then a reload loses what is unsent). */
export class MemoryOutboxStore implements OutboxStore {
  private next = 1;
  readonly entries: OutboxEntry[] = [];
  async add(runId: string, points: MetricPoint[]): Promise<void> {
    this.entries.push({ key: this.next++, runId, points: [...points] });
  }
  async list(runId: string): Promise<OutboxEntry[]> {
    return this.entries.filter((e) => e.runId === runId);
  }
  async remove(keys: readonly number[]): Promise<void> {
    for (const k of keys) {
      const i = this.entries.findIndex((e) => e.key === k);
      if (i >= 0) this.entries.splice(i, 1);
    }
  }
}

/**
 * The server's answer to one batch: taken, or not (and whether trying again can help). `drop`:
 * the server will never take it (the run was deleted or is over): the batch is removed unsent.
 */
export type SendResult = { ok: true } | { ok: false; retry: boolean; message: string; drop?: boolean };

export interface OutboxOptions {
  send: (runId: string, points: MetricPoint[]) => Promise<SendResult>;
  /** Most points in one request (the server takes MAX_POINTS_PER_BATCH). */
  maxPoints?: number;
  /** First wait after a failure, doubled each failure in a row up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface OutboxState {
  /** Points stored and not yet taken by the server. */
  pending: number;
  /** Failures in a row (0 once a batch goes through). */
  failures: number;
  lastError: string | null;
}

/** One run's outbox: `add` stores, `flush` sends what is stored, `delayMs` says when to try next. */
export class Outbox {
  private failures = 0;
  private lastError: string | null = null;
  private pending = 0;
  private flushing: Promise<boolean> | null = null;
  private readonly maxPoints: number;

  constructor(private readonly store: OutboxStore, readonly runId: string, private readonly opts: OutboxOptions) {
    this.maxPoints = opts.maxPoints ?? 2000;
  }

  /** Stores points; they go out with the next flush. */
  async add(points: readonly MetricPoint[]): Promise<void> {
    for (let i = 0; i < points.length; i += this.maxPoints) await this.store.add(this.runId, points.slice(i, i + this.maxPoints));
    this.pending += points.length;
  }

  /**
   * Sends every stored batch of the run, oldest first, several stored batches per request up to
   * `maxPoints`; stops at the first failure. True when the outbox is empty afterwards. One flush
   * at a time: a call during a flush waits for it.
   */
  flush(): Promise<boolean> {
    this.flushing ??= this.sendAll().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async sendAll(): Promise<boolean> {
    const entries = await this.store.list(this.runId);
    this.pending = entries.reduce((n, e) => n + e.points.length, 0);
    let i = 0;
    while (i < entries.length) {
      const keys: number[] = [];
      const points: MetricPoint[] = [];
      while (i < entries.length && (points.length === 0 || points.length + entries[i]!.points.length <= this.maxPoints)) {
        keys.push(entries[i]!.key);
        points.push(...entries[i]!.points);
        i++;
      }
      let result: SendResult;
      try {
        result = await this.opts.send(this.runId, points);
      } catch (err) {
        result = { ok: false, retry: true, message: err instanceof Error ? err.message : String(err) };
      }
      if (!result.ok && result.drop) {
        await this.store.remove(keys);
        this.pending -= points.length;
        this.lastError = result.message;
        continue;
      }
      if (!result.ok) {
        this.failures++;
        this.lastError = result.message;
        return false;
      }
      await this.store.remove(keys);
      this.pending -= points.length;
      this.failures = 0;
      this.lastError = null;
    }
    return true;
  }

  /** How long to wait before the next flush: `intervalMs` normally, the backoff after failures. */
  delayMs(intervalMs: number): number {
    if (this.failures === 0) return intervalMs;
    const base = this.opts.backoffMs ?? 1000;
    return Math.min(this.opts.maxBackoffMs ?? 30_000, base * 2 ** (this.failures - 1));
  }

  state(): OutboxState {
    return { pending: this.pending, failures: this.failures, lastError: this.lastError };
  }
}

/**
 * Flushes until the outbox is empty, waiting the backoff between tries, for at most `timeoutMs`
 * (the end of a run, a pause): true when everything was taken. What is left stays stored and
 * goes out on the run's next start.
 */
export async function drainOutbox(outbox: Outbox, opts: { timeoutMs: number; sleep?: (ms: number) => Promise<void>; now?: () => number }): Promise<boolean> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? (() => Date.now());
  const end = now() + opts.timeoutMs;
  for (;;) {
    if (await outbox.flush()) return true;
    const wait = outbox.delayMs(0);
    if (now() + wait > end) return false;
    await sleep(wait);
  }
}
