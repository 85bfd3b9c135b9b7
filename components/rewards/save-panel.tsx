"use client";

import { useState } from "react";
import type { SaveRewardSpecInput, SavedRewardSpec } from "@/lib/reward-specs/contract";
import type { RewardSpec } from "@/lib/rewards";

/**
 * Save the draft as a version of a named spec: "saved as version N", or "same as version N"
 * when that content was saved before (versions are content-addressed on the server).
 */
export function SavePanel({ valid, defaultName, onSave, onSaved }: {
  valid: RewardSpec | null;
  defaultName: string;
  onSave: (input: SaveRewardSpecInput) => Promise<{ spec: SavedRewardSpec; created: boolean }>;
  onSaved: (spec: SavedRewardSpec) => void;
}) {
  const [name, setName] = useState<string | null>(null);
  const [description, setDescription] = useState("");
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = name ?? defaultName;

  async function save() {
    if (!valid) return;
    setBusy(true);
    setNote(null);
    try {
      const r = await onSave({ name: shown, spec: valid, ...(description.trim() ? { description } : {}) });
      setNote({
        text: r.created ? `Saved as version ${r.spec.version} of “${r.spec.name}”.` : `Same as version ${r.spec.version} of “${r.spec.name}” (no new version).`,
        error: false,
      });
      onSaved(r.spec);
    } catch (err) {
      setNote({ text: `Not saved: ${err instanceof Error ? err.message : String(err)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="save-title">
      <h2 id="save-title">Save</h2>
      <div className="save-form">
        <label>name <input value={shown} onChange={(e) => setName(e.target.value)} maxLength={100} aria-label="Spec name" /></label>
        <label>description <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} aria-label="Spec description" placeholder="what this reward is for" /></label>
        <button type="button" className="button" onClick={() => void save()} disabled={!valid || busy || !shown.trim()}>
          {busy ? "Saving…" : "Save version"}
        </button>
      </div>
      {!valid ? <p className="muted small">Fix the errors marked above to save.</p> : null}
      {note ? <p className={note.error ? "fail" : "ok"} role="status" data-testid="save-result">{note.text}</p> : null}
    </section>
  );
}
