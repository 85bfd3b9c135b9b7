"use client";

import { useEffect, useState } from "react";
import { useSavedSpecs } from "@/components/rewards/use-saved-specs";
import type { OpenCampaign } from "@/lib/rating/contract";
import type { TaskId } from "@/lib/rewards/task-types";
import { listRatable, type Ratable } from "./rating-api";
import styles from "./rating.module.css";

export type Settings = Required<Omit<OpenCampaign, "specVersionId">> & { specVersionId: string };

export const DEFAULT_SETTINGS: Settings = {
  instructions: "Which output describes the scene better? Judge what is shown; ignore small differences that do not matter.",
  votesPerPair: 2, goldCount: 2, raterIds: [], specVersionId: "",
};

/** The body POST /api/campaigns/<id>/open (or POST /api/campaigns's `open`) takes. */
export const openBody = (s: Settings): OpenCampaign => ({ ...s, specVersionId: s.specVersionId || undefined });

/** The settings a campaign opens with: raters invited, overlap, gold pairs, instructions, the reward to set against. */
export function SettingsFields({ task, value, onChange, errorField, disabled }: {
  task: TaskId; value: Settings; onChange: (update: (s: Settings) => Settings) => void; errorField: { field: string; message: string } | null; disabled: boolean;
}) {
  const [people, setPeople] = useState<Ratable[] | null>(null);
  const [peopleError, setPeopleError] = useState<string | null>(null);
  const { specs } = useSavedSpecs(task);
  useEffect(() => {
    listRatable().then((list) => {
      setPeople(list);
      // Raters are invited by default (unless the form already names someone).
      onChange((v) => (v.raterIds.length ? v : { ...v, raterIds: list.filter((p) => p.role === "rater").map((p) => p.id) }));
    }, (err: unknown) => setPeopleError(err instanceof Error ? err.message : String(err)));
    // Only once: the list of people does not change while the form is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const fieldError = (field: string) => (errorField?.field === field ? <span className={styles.fieldError} role="alert">{errorField.message}</span> : null);
  const set = (patch: Partial<Settings>) => onChange((v) => ({ ...v, ...patch }));
  return (
    <>
      <fieldset disabled={disabled} className={styles.form} style={{ border: 0, padding: 0, margin: 0 }}>
        <div>
          <div>Raters invited</div>
          {peopleError ? <p className="fail">Cannot list people: {peopleError}</p> : null}
          <div className={styles.raters} data-testid="rater-picker">
            {(people ?? []).map((p) => (
              <label key={p.id}>
                <input type="checkbox" checked={value.raterIds.includes(p.id)} onChange={(e) => { const on = e.target.checked; onChange((v) => ({ ...v, raterIds: on ? [...v.raterIds, p.id] : v.raterIds.filter((x) => x !== p.id) })); }} />
                {p.name} <span className="muted">({p.role})</span>
              </label>
            ))}
          </div>
          {fieldError("raterIds")}
        </div>
        <div className={styles.row}>
          <label>Votes per pair
            <input type="number" min={1} max={10} value={value.votesPerPair} onChange={(e) => set({ votesPerPair: Number(e.target.value) })} aria-describedby="vpp-help" />
            {fieldError("votesPerPair")}
          </label>
          <label>Gold pairs
            <input type="number" min={0} max={50} value={value.goldCount} onChange={(e) => set({ goldCount: Number(e.target.value) })} />
            {fieldError("goldCount")}
          </label>
          <label>Reward the results compare with
            <select value={value.specVersionId} onChange={(e) => set({ specVersionId: e.target.value })} aria-label="Reward spec version">
              <option value="">the {task} default spec</option>
              {specs.flatMap((s) => s.versions.map((v) => <option key={v.id} value={v.id}>{s.name} v{v.version}</option>))}
            </select>
            {fieldError("specVersionId")}
          </label>
        </div>
        <p className="muted" id="vpp-help">
          Two or more votes per pair give inter-rater agreement (κ); a pair goes to at most that many raters. Gold pairs show a
          scene&apos;s own output against one made for another scene, to check raters; they are left out of the win rate.
        </p>
        <label>Instructions (shown to raters: do not name the models)
          <textarea rows={3} value={value.instructions} maxLength={2000} onChange={(e) => set({ instructions: e.target.value })} />
          {fieldError("instructions")}
        </label>
      </fieldset>
    </>
  );
}
