/**
 * Streams a run's metric points to the server in batches: after every `everySteps` steps or
 * `everyMs`, whichever comes first, and on `flush()`. One batch in flight at a time, in order;
 * a point leaves the queue only when its batch was answered, so none is lost, and the server's
 * (run, step, name) key makes a retried batch store nothing twice.
 */
import { MAX_POINTS_PER_BATCH, type MetricPoint } from "@/lib/runs/contract";

export interface MetricStream {
  /** Queues one step's (or evaluation's) points; sends a batch when one is due. */
  push(points: readonly MetricPoint[]): void;
  /** Sends everything queued and waits for it; rethrows a batch that could not be sent. */
  flush(): Promise<void>;
}

export function metricStream(input: { send: (points: MetricPoint[]) => Promise<unknown>; everySteps?: number; everyMs?: number; now?: () => number }): MetricStream {
  const everySteps = input.everySteps ?? 10;
  const everyMs = input.everyMs ?? 5000;
  const now = input.now ?? Date.now;
  const queue: MetricPoint[] = [];
  let pushes = 0;
  let last = now();
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  const sendQueued = async () => {
    while (queue.length > 0 && failure === null) {
      const batch = queue.slice(0, MAX_POINTS_PER_BATCH);
      try {
        await input.send(batch);
        queue.splice(0, batch.length);
      } catch (err) {
        failure = err; // kept (and the points with it) for flush() to report
      }
    }
  };
  const schedule = () => {
    pushes = 0;
    last = now();
    chain = chain.then(sendQueued);
    return chain;
  };

  return {
    push(points) {
      queue.push(...points);
      pushes++;
      if (pushes >= everySteps || now() - last >= everyMs) void schedule();
    },
    async flush() {
      await schedule();
      if (failure !== null) throw failure;
    },
  };
}
