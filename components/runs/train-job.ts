/**
 * The Worker job that trains a server run in this tab: its settings and spec body, where it
 * starts (the base, or the last checkpoint it uploaded) and the backend with why (auto's
 * measurement or "chosen"). No React here.
 */
import type { RunDetail } from "@/lib/runs/contract";
import type { BackendName } from "@/lib/training/backend";
import type { ProbeJob, ProbeResult } from "@/lib/training/browser/probe-protocol";
import type { RunJob } from "@/lib/training/browser/run-protocol";
import { listCheckpoints } from "@/lib/training/browser/run-client";

/** The base checkpoint's model.json (or IndexedDB) address. */
export async function baseUriOf(run: RunDetail): Promise<string> {
  if (run.baseUri) return run.baseUri;
  if (!run.baseCheckpointId) throw new Error("the run names no base checkpoint");
  const found = (await listCheckpoints(run.task)).find((c) => c.id === run.baseCheckpointId);
  if (!found) throw new Error(`the base checkpoint ${run.baseCheckpointId} is not on the server any more`);
  return found.uri;
}

/** What auto's probe times for this run: its model and step shape. */
export const probeJobOf = (run: RunDetail, baseUri: string): ProbeJob => ({
  task: run.task, from: baseUri, size: "smoke", batchSize: Number(run.settings.batchSize ?? 2), samples: Number(run.settings.samples ?? 2),
});

/** Why auto chose what it chose, for the run's record: each backend's measured step time. */
export function autoReason(r: ProbeResult): string {
  const figs = r.figures.map((f) => `${f.backend} ${f.msPerStep !== undefined ? `${Math.round(f.msPerStep)} ms` : f.status}`).join(", ");
  return `auto: fastest train step measured (${figs})`.slice(0, 500);
}

/** The job, resuming from the run's last uploaded checkpoint when it has one. */
export function trainJob(run: RunDetail, baseUri: string, backend: BackendName, backendReason: string): RunJob {
  const last = [...run.checkpoints].filter((c) => c.step !== null).sort((a, b) => (a.step as number) - (b.step as number)).at(-1);
  return {
    runId: run.id, settings: run.settings, spec: run.rewardSpecBody, baseUri, backend, backendReason,
    ...(last && (last.step as number) > 0 ? { resume: { uri: last.uri, step: last.step as number } } : {}),
  };
}
