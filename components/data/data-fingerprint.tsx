"use client";

import { useState } from "react";
import { combineDigests, fingerprintChunks, hashScenes, SPLITS, type Split } from "@/lib/data";

type State =
  | { phase: "idle" }
  | { phase: "working" }
  | { phase: "done"; browser: string; server: string; ms: number }
  | { phase: "error"; message: string };

/**
 * Checks that this browser generates exactly the scenes the server (Node) does: both hash the
 * canonical bytes of `count` scenes from `start` in the chunks the server accepts per request,
 * and the SHA-256 over each side's chunk digests is compared.
 */
export function DataFingerprint({ split, start, count }: { split: Split; start: number; count: number }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const n = Math.min(count, SPLITS[split].count - start);
  const first = SPLITS[split].start + start;

  async function verify() {
    setState({ phase: "working" });
    try {
      // The server hashes a bounded chunk per request; both sides combine the chunks' digests.
      const chunks = fingerprintChunks(Array.from({ length: n }, (_, i) => i));
      const digests: string[] = [];
      for (const chunk of chunks) {
        const res = await fetch(`/api/data/fingerprint?split=${split}&start=${start + chunk[0]!}&count=${chunk.length}`);
        const body = (await res.json()) as { sha256?: string; message?: string };
        if (!res.ok || !body.sha256) throw new Error(body.message ?? `server answered ${res.status}`);
        digests.push(body.sha256);
      }
      const t0 = performance.now();
      const browser = combineDigests(chunks.map((chunk) => hashScenes(chunk.map((i) => first + i))));
      const server = combineDigests(digests);
      setState({ phase: "done", browser, server, ms: performance.now() - t0 });
    } catch (err) {
      setState({ phase: "error", message: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <section className="panel fingerprint" aria-label="Determinism check" data-testid="fingerprint">
      <h2>Determinism check</h2>
      <p className="muted">
        Hash scenes with seeds {first.toLocaleString("en-US")}–{(first + n - 1).toLocaleString("en-US")} ({n} scenes) in
        this browser and on the server, and compare.
      </p>
      <button type="button" className="button" onClick={verify} disabled={state.phase === "working"}>
        {state.phase === "working" ? "Hashing…" : "Verify determinism"}
      </button>
      {state.phase === "done" ? (
        <dl className="facts" style={{ marginTop: "0.75rem" }}>
          <dt>Browser</dt>
          <dd className="mono" data-testid="fingerprint-browser">{state.browser}</dd>
          <dt>Server</dt>
          <dd className="mono" data-testid="fingerprint-server">{state.server}</dd>
          <dt>Verdict</dt>
          <dd data-testid="fingerprint-verdict" className={state.browser === state.server ? "ok" : "fail"}>
            {state.browser === state.server ? "identical" : "DIFFERENT"} ({state.ms.toFixed(0)} ms in this browser)
          </dd>
        </dl>
      ) : null}
      {state.phase === "error" ? <p className="fail" role="alert">Could not verify: {state.message}</p> : null}
    </section>
  );
}
