/**
 * What keeps the server in step with a run training in this tab: the outbox pump (flushes every
 * `intervalMs`, or after the backoff while the server is away) and the heartbeat (POST status
 * running every `heartbeatMs`, so the run page elsewhere can tell a live trainer from a tab
 * that was closed). Both stop with `stop()`.
 */
import { postRunStatus } from "./run-client";
import type { Outbox, OutboxState } from "./outbox";

/** How often points go out, and how often the trainer says it is alive. */
export const SYNC_TIMING = { intervalMs: 1500, heartbeatMs: 15_000 } as const;

export interface RunSync {
  stop(): void;
}

/** Flushes `outbox` on a timer, reporting its state after every try. */
export function startPump(outbox: Outbox, onState: (s: OutboxState) => void, intervalMs: number = SYNC_TIMING.intervalMs): RunSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    await outbox.flush();
    onState(outbox.state());
    if (!stopped) timer = setTimeout(() => void tick(), outbox.delayMs(intervalMs));
  };
  timer = setTimeout(() => void tick(), intervalMs);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** POSTs status running every `heartbeatMs` (a missed beat is not an error: the next one follows). */
export function startHeartbeat(runId: string, backend: { backend: string; backendReason: string }, heartbeatMs: number = SYNC_TIMING.heartbeatMs): RunSync {
  const timer = setInterval(() => {
    postRunStatus(runId, { status: "running", ...backend }).catch(() => undefined);
  }, heartbeatMs);
  return { stop: () => clearInterval(timer) };
}
