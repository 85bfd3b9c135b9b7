"use client";

import { useMemo, useState } from "react";
import type { ComparedScene } from "@/lib/compare/contract";
import { deltaOf, orderScenes, type DeltaOf, type SceneFilter, type SceneOrder } from "@/lib/compare/order";
import { generateScene, SPLITS } from "@/lib/data";
import type { TaskId } from "@/lib/rewards/task-types";
import { DeltaHistogram } from "./delta-histogram";
import { SceneRow } from "./scene-row";
import { signed } from "./format";

export interface SceneListProps {
  task: TaskId;
  scenes: ComparedScene[];
  keys: string[];
  weights: Record<string, number>;
  signs: Record<string, number>;
  names: { a: string; b: string };
  /** Sends these scenes' pairs to the chosen campaign, each with a note saying why. */
  onSend?: (pairs: { sceneSeed: number; note: string }[]) => void;
}

const COMPOSITE = "composite";

/**
 * The compared scenes, sorted and filtered by the delta of the composite or of one term, with
 * the histogram of that delta; any scene, or all those shown, can be sent to a rating campaign.
 */
export function SceneList({ task, scenes, keys, weights, signs, names, onSend }: SceneListProps) {
  const [by, setBy] = useState(COMPOSITE);
  const [order, setOrder] = useState<SceneOrder>("scene");
  const [filter, setFilter] = useState<SceneFilter>("all");
  const of: DeltaOf = useMemo(() => (by === COMPOSITE ? { kind: "composite" } : { kind: "term", key: by }), [by]);
  const sign = by === COMPOSITE ? 1 : (signs[by] ?? 1);
  const shown = useMemo(() => orderScenes(scenes, { of, order, filter, sign }), [scenes, of, order, filter, sign]);
  const values = scenes.map((s) => deltaOf(s, of)).filter((v): v is number => v !== null);
  const pictures = useMemo(() => new Map(scenes.map((s) => [s.seed, generateScene(s.seed)])), [scenes]);
  const note = (s: ComparedScene) => {
    const d = deltaOf(s, of);
    return `compare: ${d !== null && d * sign >= 0 ? "gain" : "loss"} in ${by} (${signed(d)})`;
  };
  return (
    <section aria-label="Scenes">
      <DeltaHistogram values={values} label={by} />
      <div className="toolbar" role="group" aria-label="Sort and filter scenes">
        <label>Delta of
          <select aria-label="Delta of" value={by} onChange={(e) => setBy(e.target.value)}>
            <option value={COMPOSITE}>composite reward</option>
            {keys.map((k) => <option key={k} value={k}>{k}{signs[k] === -1 ? " (lower is better)" : ""}</option>)}
          </select>
        </label>
        <label>Sort
          <select aria-label="Sort" value={order} onChange={(e) => setOrder(e.target.value as SceneOrder)}>
            <option value="scene">scene order</option>
            <option value="gain">biggest gain first</option>
            <option value="loss">biggest loss first</option>
          </select>
        </label>
        <label>Show
          <select aria-label="Show" value={filter} onChange={(e) => setFilter(e.target.value as SceneFilter)}>
            <option value="all">all scenes</option>
            <option value="gains">gains only</option>
            <option value="losses">losses only</option>
          </select>
        </label>
        <span className="muted" data-testid="shown-count">{shown.length} of {scenes.length} scenes</span>
        {onSend && shown.length ? (
          <button type="button" className="button" onClick={() => onSend(shown.map((i) => ({ sceneSeed: scenes[i]!.seed, note: note(scenes[i]!) })))}>
            Send these {shown.length} to the campaign
          </button>
        ) : null}
      </div>
      <div className="compare-rows" data-testid="compare-rows">
        {shown.map((i) => {
          const s = scenes[i]!;
          return (
            <SceneRow
              key={s.seed} task={task} compared={s} scene={pictures.get(s.seed)!} index={s.seed - SPLITS.test.start}
              keys={keys} weights={weights} signs={signs} names={names}
              onSend={onSend ? () => onSend([{ sceneSeed: s.seed, note: note(s) }]) : undefined}
            />
          );
        })}
      </div>
    </section>
  );
}
