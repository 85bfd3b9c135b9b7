"use client";

import { useState } from "react";
import { fetchVersion, useSavedSpecs } from "@/components/rewards/use-saved-specs";
import type { TaskId } from "@/lib/rewards/task-types";

/** Loads a saved reward spec version (anyone's, of this task) into the compare page's spec box. */
export function SavedSpecPicker({ task, disabled, onLoad }: { task: TaskId; disabled: boolean; onLoad: (specText: string, label: string) => void }) {
  const { specs, error } = useSavedSpecs(task);
  const [note, setNote] = useState<string | null>(null);
  const versions = specs.flatMap((s) => s.versions.map((v) => ({ id: v.id, label: `${s.name} v${v.version} (${v.author.name})` })));
  if (error) return <p className="fail">{error}</p>;
  if (versions.length === 0) return <p className="muted">No saved {task} specs yet: compose one on the Rewards page.</p>;
  return (
    <label>
      Load a saved version{" "}
      <select
        aria-label="Saved reward spec version"
        defaultValue=""
        disabled={disabled}
        onChange={(e) => {
          const picked = versions.find((v) => v.id === e.target.value);
          if (!picked) return;
          setNote(null);
          fetchVersion(picked.id)
            .then((v) => onLoad(JSON.stringify(v.body, null, 2), picked.label))
            .catch((err: unknown) => setNote(`cannot load ${picked.label}: ${err instanceof Error ? err.message : String(err)}`));
        }}
      >
        <option value="" disabled>choose…</option>
        {versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
      </select>
      {note ? <span className="fail"> {note}</span> : null}
    </label>
  );
}
