"use client";

import { useEffect, useState } from "react";
import type { RewardSpecSummary } from "@/lib/reward-specs/contract";
import { describeChange, diffRewardSpecs } from "@/lib/rewards";
import { fetchVersion } from "./use-saved-specs";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** What changed from version `from` to version `to` (ids), as lines a person reads. */
function useDiff(from: string, to: string): { lines: string[] | null; error: string | null } {
  const [state, setState] = useState<{ key: string; lines: string[] | null; error: string | null }>({ key: "", lines: null, error: null });
  const key = `${from}→${to}`;
  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    Promise.all([fetchVersion(from), fetchVersion(to)])
      .then(([a, b]) => live && setState({ key, lines: diffRewardSpecs(a.body, b.body).map(describeChange), error: null }))
      .catch((err: unknown) => live && setState({ key, lines: null, error: err instanceof Error ? err.message : String(err) }));
    return () => { live = false; };
  }, [from, to, key]);
  return state.key === key ? state : { lines: null, error: null };
}

/**
 * The saved specs of the task (anyone's): every version of the chosen one with author and time,
 * a button to load any into the composer, and a diff between any two versions.
 */
export function VersionsPanel({ specs, selected, onSelect, onLoad, error }: {
  specs: readonly RewardSpecSummary[];
  selected: string | null;
  onSelect: (specId: string) => void;
  onLoad: (versionId: string) => void;
  error: string | null;
}) {
  const spec = specs.find((s) => s.id === selected) ?? specs[0];
  const versions = spec?.versions ?? [];
  const [pair, setPair] = useState<{ spec: string; from: string; to: string } | null>(null);
  const mine = pair && pair.spec === spec?.id ? pair : null;
  const from = mine ? mine.from : (versions[1]?.id ?? "");
  const to = mine ? mine.to : (versions[0]?.id ?? "");
  const diff = useDiff(from, to);
  const pick = (side: "from" | "to", id: string) => spec && setPair({ spec: spec.id, from, to, [side]: id });

  return (
    <section className="panel" aria-labelledby="versions-title" data-testid="versions-panel">
      <h2 id="versions-title">Saved specs</h2>
      {error ? <p className="fail">{error}</p> : null}
      {specs.length === 0 ? <p className="muted">None saved for this task yet.</p> : (
        <>
          <label>spec{" "}
            <select aria-label="Saved spec" value={spec?.id ?? ""} onChange={(e) => onSelect(e.target.value)}>
              {specs.map((s) => <option key={s.id} value={s.id}>{s.name} — {s.owner.name} ({s.versions.length} version{s.versions.length === 1 ? "" : "s"})</option>)}
            </select>
          </label>
          {spec?.description ? <p className="muted small">{spec.description}</p> : null}
          <table className="table" data-testid="versions">
            <thead><tr><th>version</th><th>author</th><th>saved</th><th>hash</th><th /></tr></thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-version={v.version}>
                  <td>v{v.version}</td><td>{v.author.name}</td><td>{when(v.createdAt)}</td><td><code>{v.hash.slice(0, 10)}</code></td>
                  <td><button type="button" className="button small" onClick={() => onLoad(v.id)}>Load</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          {versions.length > 1 ? (
            <div className="diff" data-testid="spec-diff">
              <h3>Diff</h3>
              <div className="term-controls">
                <label>from <select aria-label="Diff from" value={from} onChange={(e) => pick("from", e.target.value)}>{versions.map((v) => <option key={v.id} value={v.id}>v{v.version}</option>)}</select></label>
                <label>to <select aria-label="Diff to" value={to} onChange={(e) => pick("to", e.target.value)}>{versions.map((v) => <option key={v.id} value={v.id}>v{v.version}</option>)}</select></label>
              </div>
              {diff.error ? <p className="fail">{diff.error}</p> : null}
              {diff.lines ? (diff.lines.length === 0 ? <p className="muted">No differences.</p> : <ul data-testid="diff-lines">{diff.lines.map((l, i) => <li key={i}><code>{l}</code></li>)}</ul>) : null}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
