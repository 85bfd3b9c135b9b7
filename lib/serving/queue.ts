/**
 * A bounded inference queue: at most `concurrency` jobs run at once (one: TF.js WASM runs one
 * thread here) and at most `maxWaiting` wait; past that a job is refused at once with an
 * estimate of when to try again, never queued into an unbounded backlog.
 */
export class QueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`the inference queue is full; try again in ${retryAfterSeconds} s`);
    this.name = "QueueFull";
  }
}

export class InferenceQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Moving average of a job's duration (ms), for Retry-After. */
  private averageMs = 200;

  constructor(readonly opts: { concurrency: number; maxWaiting: number }) {}

  get depth(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `job` when a slot is free; throws QueueFull when `maxWaiting` jobs wait already. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.opts.concurrency) {
      if (this.waiting.length >= this.opts.maxWaiting) {
        const ahead = this.waiting.length + this.running;
        throw new QueueFull(Math.max(1, Math.ceil((ahead * this.averageMs) / this.opts.concurrency / 1000)));
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    const t0 = performance.now();
    try {
      return await job();
    } finally {
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - t0);
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Admission at the door: at most `max` requests of a route in this process at once, counted from
 * their arrival (before the body, the database's auth checks and the inference queue), so a flood
 * gets refused at once instead of piling up in front of the database.
 */
export class Admission {
  private inside = 0;
  constructor(readonly max: number) {}
  get count(): number {
    return this.inside;
  }
  /** Runs `fn` if there is room, else returns `refuse()` without running it. */
  async enter<T>(fn: () => Promise<T>, refuse: () => T): Promise<T> {
    if (this.inside >= this.max) return refuse();
    this.inside++;
    try {
      return await fn();
    } finally {
      this.inside--;
    }
  }
}
