/**
 * One trainer per run in this browser: the training tab holds the Web Lock "reward-studio-run:<id>"
 * while its Worker trains (the browser drops it when the tab closes or reloads), and marks the
 * run in localStorage until the trainer reports its end. A run page seeing the mark but no lock
 * knows this browser's trainer died (interrupted), even while its last heartbeat looks fresh.
 */
const lockName = (id: string) => `reward-studio-run:${id}`;
const markKey = (id: string) => `reward-studio:training:${id}`;

/** Holds the run's lock until the returned function is called. */
export async function holdRunLock(id: string): Promise<() => void> {
  if (!navigator.locks) return () => undefined;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await new Promise<void>((acquired) => {
    void navigator.locks.request(lockName(id), () => {
      acquired();
      return held;
    });
  });
  return release;
}

/** Whether some tab of this browser holds the run's lock. */
export async function runLockHeld(id: string): Promise<boolean> {
  if (!navigator.locks) return false;
  const state = await navigator.locks.query();
  return (state.held ?? []).some((l) => l.name === lockName(id));
}

export function markStartedHere(id: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(markKey(id), new Date().toISOString());
    else localStorage.removeItem(markKey(id));
  } catch {
    // Storage refused (private window): presence then relies on the heartbeat alone.
  }
}

export function startedHere(id: string): boolean {
  try {
    return localStorage.getItem(markKey(id)) !== null;
  } catch {
    return false;
  }
}
