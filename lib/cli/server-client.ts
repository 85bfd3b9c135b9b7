/**
 * The CLI's HTTP client for a Reward Studio server (`tune --server`): the runs API of
 * lib/runs/contract.ts with an API token (`Authorization: Bearer rs_...`). Network errors and
 * 429 / 5xx answers are retried with exponential backoff; that is safe because every write it
 * makes is idempotent on the server (the run by its Idempotency-Key, metric points by
 * (run, step, name), uploads by content). Any other refusal is a ServerRefusal with the
 * server's typed code and message.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CreateRunInput, MetricPoint, RunStatusInput, RunSummary } from "@/lib/runs/contract";

/** The server said no: HTTP status, typed code (`conflict:run`) and its message. */
export class ServerRefusal extends Error {
  constructor(message: string, readonly status: number, readonly code: string) {
    super(message);
    this.name = "ServerRefusal";
  }
}

export interface ServerClientOptions {
  /** The server's origin, e.g. http://localhost:3000. */
  url: string;
  token: string;
  /** Tries per request (default 6: about 15 s of backoff in all). */
  attempts?: number;
  /** The first wait; each retry doubles it (default 500 ms). */
  backoffMs?: number;
  /** Told about each retry. */
  onRetry?: (what: string, attempt: number, reason: string) => void;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client for one server and token. `fetch` is looked up at each call (tests stub it). */
export function serverClient(o: ServerClientOptions) {
  const base = o.url.replace(/\/+$/, "");
  const attempts = o.attempts ?? 6;
  const backoff = o.backoffMs ?? 500;

  async function call<T>(what: string, pathAndQuery: string, init: { method: string; json?: unknown; form?: () => FormData; headers?: Record<string, string> }): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      try {
        const headers: Record<string, string> = { authorization: `Bearer ${o.token}`, ...init.headers };
        if (init.json !== undefined) headers["content-type"] = "application/json";
        const body = init.json !== undefined ? JSON.stringify(init.json) : init.form?.();
        const res = await fetch(`${base}${pathAndQuery}`, { method: init.method, headers, ...(body !== undefined ? { body } : {}) });
        const parsed = (await res.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
        if (res.ok && parsed) return parsed;
        if (!RETRYABLE.has(res.status)) throw new ServerRefusal(parsed?.message ?? `HTTP ${res.status}`, res.status, parsed?.code ?? `http:${res.status}`);
        reason = `HTTP ${res.status}${parsed?.message ? `: ${parsed.message}` : ""}`;
      } catch (err) {
        if (err instanceof ServerRefusal) throw err;
        reason = (err as Error).message;
      }
      if (attempt >= attempts) throw new Error(`${what}: ${base} did not answer after ${attempts} tries (${reason})`);
      o.onRetry?.(what, attempt, reason);
      await sleep(backoff * 2 ** (attempt - 1));
    }
  }

  return {
    /** POST /api/runs with an Idempotency-Key, so a retry after a lost answer returns the same run. */
    createRun: async (body: CreateRunInput, idempotencyKey: string) =>
      (await call<{ run: RunSummary }>("create the run", "/api/runs", { method: "POST", json: body, headers: { "idempotency-key": idempotencyKey } })).run,
    getRun: async (runId: string) => (await call<{ run: RunSummary }>("read the run", `/api/runs/${runId}`, { method: "GET" })).run,
    setStatus: async (runId: string, body: RunStatusInput) => (await call<{ run: RunSummary }>(`mark the run ${body.status}`, `/api/runs/${runId}/status`, { method: "POST", json: body })).run,
    postMetrics: (runId: string, points: MetricPoint[]) =>
      call<{ added: number; stepsDone: number }>("send metric points", `/api/runs/${runId}/metrics`, { method: "POST", json: { points } }),
    /** Uploads the checkpoint folder `dir` (model.json + its weights) as tf.io.http sends it, as the run's output at `step`. */
    uploadCheckpoint: async (runId: string, step: number, dir: string) => {
      const modelJson = readFileSync(path.join(dir, "model.json"), "utf8");
      const weightsFile = (JSON.parse(modelJson) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]!.paths[0]!;
      const weights = readFileSync(path.join(dir, weightsFile));
      const form = () => {
        const f = new FormData();
        f.append("model.json", new Blob([modelJson], { type: "application/json" }), "model.json");
        f.append("model.weights.bin", new Blob([weights], { type: "application/octet-stream" }), "model.weights.bin");
        return f;
      };
      return (await call<{ checkpoint: { id: string; uri: string } }>(`upload the step-${step} checkpoint`, `/api/checkpoints?run=${encodeURIComponent(runId)}&step=${step}`, { method: "POST", form })).checkpoint;
    },
  };
}

export type ServerClient = ReturnType<typeof serverClient>;
