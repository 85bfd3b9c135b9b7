"use client";

import { OutputView } from "@/components/outputs/output-view";
import type { ComparedScene } from "@/lib/compare/contract";
import type { Scene } from "@/lib/data";
import type { OutputOf, TaskId } from "@/lib/rewards/task-types";
import { BeforeAfter } from "./before-after";
import { fmt, signed } from "./format";

export interface SceneRowProps {
  task: TaskId;
  compared: ComparedScene;
  scene: Scene;
  /** Its index in the split, for people. */
  index: number;
  keys: string[];
  weights: Record<string, number>;
  /** +1 where a higher value is better, −1 where lower is (a penalty term). */
  signs: Record<string, number>;
  names: { a: string; b: string };
  onSend?: () => void;
  sendLabel?: string;
}

const tone = (d: number | null) => (d === null || d === 0 ? "" : d > 0 ? "ok" : "fail");

/** One scene: A's and B's outputs side by side, each term's value for both and the composite delta. */
export function SceneRow({ task, compared: c, scene, index, keys, weights, signs, names, onSend, sendLabel }: SceneRowProps) {
  const delta = c.a.composite !== null && c.b.composite !== null ? c.b.composite - c.a.composite : null;
  return (
    <article className="panel compare-row" data-testid="compare-row" data-seed={c.seed} data-delta={delta ?? ""} aria-label={`scene ${c.seed}`}>
      <header className="compare-row-head">
        <strong>scene {c.seed}</strong> <span className="muted">(test #{index})</span>
        <span className={`compare-delta ${tone(delta)}`} data-testid="composite-delta">composite Δ {signed(delta)}</span>
        {onSend ? <button type="button" className="button" onClick={onSend}>{sendLabel ?? "Send to campaign"}</button> : null}
      </header>
      <div className="compare-row-body">
        {task === "colorization" ? (
          <BeforeAfter a={(c.a.output as unknown as OutputOf<"colorization">).rgb} b={(c.b.output as unknown as OutputOf<"colorization">).rgb} w={scene.width} h={scene.height} seed={c.seed} />
        ) : null}
        <div data-testid="output-a"><OutputView task={task} scene={scene} output={c.a.output} title={`A · ${names.a}`} showReferences /></div>
        <div data-testid="output-b"><OutputView task={task} scene={scene} output={c.b.output} title={`B · ${names.b}`} showReferences /></div>
        <table className="table compare-terms" data-testid="term-table">
          <thead><tr><th>term</th><th>weight</th><th>A</th><th>B</th><th>B − A</th></tr></thead>
          <tbody>
            {keys.map((k) => {
              const a = c.a.terms[k] ?? null;
              const b = c.b.terms[k] ?? null;
              const d = a !== null && b !== null ? b - a : null;
              return (
                <tr key={k} data-term={k}>
                  <td>{k}</td><td className="muted">{fmt(weights[k])}</td><td>{fmt(a)}</td><td>{fmt(b)}</td>
                  <td className={tone(d === null ? null : d * (signs[k] ?? 1))}>{signed(d)}</td>
                </tr>
              );
            })}
            <tr className="compare-composite">
              <td>composite</td><td /><td>{fmt(c.a.composite)}</td><td>{fmt(c.b.composite)}</td><td className={tone(delta)}>{signed(delta)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </article>
  );
}
