/**
 * `tune --server`: the run recorded on a Reward Studio server while the CLI trains it. The run
 * is created (source "cli") and marked running; every step's points (lib/training/metric-points)
 * stream in batches; each checkpoint the CLI saves is uploaded as the run's output at its step;
 * the end marks it completed, a failure failed (with the reason).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { TaskId } from "@/lib/rewards";
import type { EvalLog, ReinforceSettings, ReinforceStepLog } from "@/lib/training";
import { evalPoints, stepPoints } from "@/lib/training/metric-points";
import { UsageError } from "./errors";
import { metricStream } from "./metric-stream";
import { ServerRefusal, serverClient, type ServerClient } from "./server-client";

/** What the training loop tells a run's observer (the server, here). */
export interface TrainReport<S> {
  step(log: S): void;
  evaluated(log: EvalLog): void;
  /** A checkpoint of `step` steps was written to `dir`. */
  saved(step: number, dir: string): Promise<void>;
  finish(): Promise<void>;
  fail(err: unknown): Promise<void>;
}

export interface ServerFlags {
  server?: string;
  token?: string;
  specVersion?: string;
}

/** The --server, --token (or RS_TOKEN) and --spec-version flags checked together; null without --server. */
export function serverTarget(o: ServerFlags, env: NodeJS.ProcessEnv = process.env): { url: string; token: string; specVersion: string } | null {
  if (!o.server) {
    if (o.specVersion !== undefined) throw new UsageError("--spec-version: only with --server");
    return null;
  }
  let url: URL;
  try {
    url = new URL(o.server);
  } catch {
    throw new UsageError(`--server: ${o.server} is not a URL (expected e.g. http://localhost:3000)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError("--server: expected an http:// or https:// URL");
  const token = o.token ?? env.RS_TOKEN;
  if (!token) throw new UsageError("--token: required with --server (or set RS_TOKEN); create one on the server's /account page");
  if (!o.specVersion) throw new UsageError("--spec-version: required with --server: the id of the saved reward spec version this run tunes against");
  return { url: url.origin + url.pathname.replace(/\/+$/, ""), token, specVersion: o.specVersion };
}

/**
 * Creates the run on the server and marks it running; returns the report the training loop
 * feeds. A refusal at creation (bad token, unknown spec version, invalid settings) is a usage
 * error naming the server's reason.
 */
export async function openServerRun(input: {
  target: { url: string; token: string; specVersion: string }; task: TaskId; settings: ReinforceSettings; from: string; backend: string;
  client?: ServerClient; log?: (line: string) => void;
}): Promise<TrainReport<ReinforceStepLog> & { runId: string }> {
  const log = input.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const client = input.client ?? serverClient({ ...input.target, onRetry: (what, n, why) => log(`server: ${what} failed (${why}); retry ${n}`) });
  let runId: string;
  try {
    const run = await client.createRun({
      task: input.task, kind: "reinforce", settings: input.settings as unknown as Record<string, unknown>, source: "cli",
      rewardSpecVersionId: input.target.specVersion, baseUri: `file://${path.resolve(input.from)}`.slice(0, 500), name: `cli ${path.basename(path.resolve(input.from))}`.slice(0, 100),
    }, randomUUID());
    runId = run.id;
    await client.setStatus(runId, { status: "running", backend: input.backend, backendReason: "chosen by the CLI (--backend)" });
  } catch (err) {
    if (err instanceof ServerRefusal) throw new UsageError(`--server: ${input.target.url} refused the run: ${err.message} (${err.code})`);
    throw err;
  }
  log(`server: run ${runId} at ${input.target.url}/runs`);
  const stream = metricStream({ send: (points) => client.postMetrics(runId, points) });
  // "completed" retried after a lost answer is refused (a finished run stays finished): then it is done.
  const settle = async (status: "completed" | "failed", error?: string) => {
    try {
      await client.setStatus(runId, { status, ...(error ? { error: error.slice(0, 2000) } : {}) });
    } catch (err) {
      if (!(err instanceof ServerRefusal && err.code === "conflict:run" && (await client.getRun(runId)).status === status)) throw err;
    }
  };
  return {
    runId,
    step: (log) => stream.push(stepPoints(log)),
    evaluated: (log) => stream.push(evalPoints(log)),
    saved: async (step, dir) => {
      await stream.flush();
      await client.uploadCheckpoint(runId, step, dir);
    },
    finish: async () => {
      await stream.flush();
      await settle("completed");
    },
    fail: async (err) => {
      await stream.flush().catch(() => undefined);
      await settle("failed", err instanceof Error ? err.message : String(err)).catch((e: unknown) => log(`server: could not mark run ${runId} failed: ${(e as Error).message}`));
    },
  };
}
