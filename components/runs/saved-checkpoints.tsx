"use client";

import { checkpointLabel } from "@/lib/training/checkpoint-uris";
import type { StoredCheckpoint } from "@/lib/training/browser-checkpoints";

const fmtMetric = (v: number | null) => (v === null ? "—" : Number(v.toPrecision(3)).toString());

/**
 * The checkpoints this browser holds in IndexedDB: what each is (task, kind, step, parent,
 * held-out metrics), with Resume for a stopped tuning run, Upload to the server (for a signed-in
 * user; the row then shows the server's address), and Delete.
 */
export function SavedCheckpoints(props: {
  items: StoredCheckpoint[];
  busy: boolean;
  onResume: (c: StoredCheckpoint) => void;
  onDelete: (c: StoredCheckpoint) => void;
  /** Whether Upload is offered: false when nobody is signed in (the button says why). */
  canUpload: boolean;
  /** The browser checkpoint being uploaded now, if any. */
  uploading: string | null;
  /** The server's copy of a checkpoint, when it has one. */
  serverUriOf: (c: StoredCheckpoint) => string | undefined;
  onUpload: (c: StoredCheckpoint) => void;
}) {
  if (props.items.length === 0) {
    return <p className="muted" data-testid="saved-empty">No checkpoints saved in this browser yet: every tab run saves one when it ends or is stopped.</p>;
  }
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="table" data-testid="saved-checkpoints">
        <thead>
          <tr><th>checkpoint</th><th>task</th><th>kind</th><th>step</th><th>params</th><th>parent</th><th>held-out (greedy)</th><th>saved</th><th>on the server</th><th /></tr>
        </thead>
        <tbody>
          {props.items.map((c) => {
            const run = c.manifest.run;
            const settings = run?.settings as { steps?: number } | undefined;
            const resumable = run?.kind === "reinforce" && settings?.steps !== undefined && run.step < settings.steps && !!c.manifest.parent;
            const serverUri = props.serverUriOf(c);
            return (
              <tr key={c.uri} data-testid="saved-checkpoint" data-uri={c.uri} data-step={run?.step} data-kind={run?.kind}>
                <td><code>{checkpointLabel(c.uri)}</code></td>
                <td>{c.manifest.task}</td>
                <td>{run?.kind ?? "—"}</td>
                <td>{run ? `${run.step}${settings?.steps ? ` / ${settings.steps}` : ""}` : "—"}</td>
                <td>{c.manifest.params.toLocaleString("en")}</td>
                <td><code>{c.manifest.parent ? checkpointLabel(c.manifest.parent) : "—"}</code></td>
                <td>{c.manifest.evalMetrics ? Object.entries(c.manifest.evalMetrics).slice(0, 3).map(([k, v]) => `${k} ${fmtMetric(v)}`).join(" · ") : "—"}</td>
                <td>{new Date(c.savedAt).toLocaleString("en-GB")}</td>
                <td>{serverUri ? <code className="server-uri" title={serverUri} data-testid="server-uri">{serverUri}</code> : <span className="muted">—</span>}</td>
                <td>
                  {resumable ? <button type="button" className="button" disabled={props.busy} onClick={() => props.onResume(c)}>Resume</button> : null}{" "}
                  {serverUri ? null : (
                    <>
                      <button
                        type="button"
                        className="button"
                        disabled={!props.canUpload || props.uploading !== null}
                        title={props.canUpload ? "Store this checkpoint on the server" : "Sign in as an engineer or admin to upload"}
                        onClick={() => props.onUpload(c)}
                      >
                        {props.uploading === c.uri ? "Uploading…" : "Upload"}
                      </button>{" "}
                    </>
                  )}
                  <button type="button" className="button" disabled={props.busy} onClick={() => props.onDelete(c)}>Delete</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
