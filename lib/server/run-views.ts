/** Runs as the API answers them (lib/runs/contract.ts's RunSummary, RunDetail, RunSample). */
import "server-only";
import { isInterrupted, type RunWithDetail, type RunWithSummary, type Sample } from "@/lib/db";
import type { RunDetail, RunSample, RunSummary } from "@/lib/runs/contract";

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** A run's summary; displayStatus is "interrupted" for a running run whose trainer went quiet (as of `now`). */
export function describeRun(run: RunWithSummary, now = new Date()): RunSummary {
  const settings = (run.settings ?? {}) as Record<string, unknown>;
  const v = run.rewardSpecVersion;
  return {
    id: run.id, name: run.name, task: run.task, kind: run.kind, source: run.source, status: run.status,
    displayStatus: isInterrupted(run, now) ? "interrupted" : run.status,
    owner: { id: run.owner.id, name: run.owner.name, email: run.owner.email },
    settings, backend: run.backend, backendReason: run.backendReason, error: run.error,
    baseCheckpointId: run.baseCheckpointId, baseUri: run.baseUri,
    rewardSpec: v ? { id: v.id, specId: v.specId, name: v.spec.name, version: v.version, hash: v.hash } : null,
    stepsDone: run.stepsDone, totalSteps: typeof settings.steps === "number" ? settings.steps : 0,
    evalMetric: run.evalMetric, bestEval: run.bestEval, baseEval: run.baseEval,
    createdAt: run.createdAt.toISOString(), startedAt: iso(run.startedAt), finishedAt: iso(run.finishedAt), heartbeatAt: iso(run.heartbeatAt),
  };
}

/** A run's detail: its summary, the reward spec body, and the checkpoints it produced by step. */
export function describeRunDetail(run: RunWithDetail, now = new Date()): RunDetail {
  return {
    ...describeRun(run, now),
    rewardSpecBody: run.rewardSpecVersion?.body ?? null,
    checkpoints: run.checkpoints.map((c) => ({ id: c.id, step: c.step, uri: c.uri, createdAt: c.createdAt.toISOString() })),
  };
}

/** A stored sample of a run's eval step. */
export function describeRunSample(s: Sample): RunSample {
  return { step: s.step ?? 0, sceneSeed: s.sceneSeed, output: s.output, rewards: (s.rewards as RunSample["rewards"]) ?? null };
}
