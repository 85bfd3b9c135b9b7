"use client";

import { memo } from "react";
import type { Scene } from "@/lib/data";
import type { Ranking, TaskId } from "@/lib/rewards";
import type { PreviewBatch } from "@/lib/training/browser/preview-protocol";
import { OutputView } from "@/components/outputs/output-view";

const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "—" : Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(1) : Number(v.toPrecision(4)).toString());

function SampleCard({ task, scene, batch, ranking, row }: { task: TaskId; scene: Scene; batch: PreviewBatch; ranking: Ranking; row: number }) {
  const r = batch.rows[row]!;
  const rank = ranking.ranks[row]!;
  return (
    <div className={`sample-card${rank === 1 ? " best" : ""}`} data-testid="preview-sample" data-sample={r.sample} data-rank={rank} data-composite={ranking.composite[row]}>
      <OutputView task={task} scene={scene} output={r.output} title={`sample ${r.sample + 1} · rank ${rank} of ${batch.samples}`} showReferences={task === "captioning"} />
      <table className="table term-values">
        <tbody>
          <tr className="composite"><th>composite</th><td data-testid="composite">{fmt(ranking.composite[row])}</td><td /></tr>
          {ranking.keys.map((k, t) => (
            <tr key={k} data-key={k}><th><code>{k}</code></th><td>{fmt(ranking.values[t]![row])}</td><td className="muted" title="weighted contribution">{fmt(ranking.weighted[t]![row])}</td></tr>
          ))}
          <tr><th>KL to MLE</th><td>{fmt(r.kl)}</td><td /></tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * Every sample drawn, grouped by scene and ordered by rank within it (rank 1 = best, outlined),
 * with each spec term's raw value and weighted contribution, the composite, and the MLE model's
 * greedy output for reference.
 */
export const PreviewResults = memo(function PreviewResults({ task, batch, scenes, ranking }: { task: TaskId; batch: PreviewBatch; scenes: readonly Scene[]; ranking: Ranking }) {
  return (
    <div className="preview-groups">
      {scenes.map((scene, b) => {
        const rows = batch.rows.flatMap((r, i) => (r.scene === b ? [i] : [])).sort((x, y) => ranking.ranks[x]! - ranking.ranks[y]!);
        return (
          <section key={b} className="preview-group" data-testid="preview-group" data-scene={batch.sceneIndexes[b]} aria-label={`val scene ${batch.sceneIndexes[b]}`}>
            <h3>val #{batch.sceneIndexes[b]} <span className="muted small">seed {scene.seed}</span></h3>
            <div className="preview-row">
              <div className="sample-card reference" data-testid="preview-mle">
                <OutputView task={task} scene={scene} output={batch.mle[b]} title="MLE model, greedy" showTruth={task === "colorization"} />
              </div>
              {rows.map((i) => <SampleCard key={i} task={task} scene={scene} batch={batch} ranking={ranking} row={i} />)}
            </div>
          </section>
        );
      })}
    </div>
  );
});
