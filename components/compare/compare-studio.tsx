"use client";

import { useMemo, useState } from "react";
import { compileRewardSpec } from "@/lib/rewards";
import type { TaskId } from "@/lib/rewards/task-types";
import { AggregateTable } from "./aggregate-table";
import { CampaignPanel } from "./campaign-panel";
import { CompareForm } from "./compare-form";
import { CompareStatus } from "./compare-status";
import { SceneList } from "./scene-list";
import { useCampaigns } from "./use-campaigns";
import { useCompare } from "./use-compare";
import { selectedSpec, useSelection } from "./use-selection";

/** What the comparison on screen was run with (the form may have changed since). */
interface Ran { task: TaskId; aId: string; bId: string; names: { a: string; b: string }; signs: Record<string, number> }

/** +1 for terms to maximise, −1 for those to minimise (penalties), by term key. */
function termSigns(spec: unknown): Record<string, number> {
  return Object.fromEntries(compileRewardSpec(spec).terms.map((t) => [t.key, t.def.direction === "minimize" ? -1 : 1]));
}

/**
 * The compare page: two checkpoints of a task on the same test scenes — both outputs side by
 * side with every reward term, the aggregate metrics with B − A and bootstrap intervals, a
 * histogram of per-scene deltas, sorting by gain or loss, and sending pairs to a rating campaign.
 */
export function CompareStudio() {
  const { selection, setTask, set } = useSelection("captioning");
  const spec = useMemo(() => selectedSpec(selection), [selection]);
  const { state, run, cancel } = useCompare();
  const [ran, setRan] = useState<Ran | null>(null);
  const busy = state.status === "asking-cache" || state.status === "loading" || state.status === "decoding" || state.status === "aggregating";
  const defaultName = ran ? `${ran.task}: ${ran.names.a} vs ${ran.names.b}` : "";
  const campaigns = useCampaigns(ran, defaultName);

  function compare() {
    const a = selection.checkpoints.find((c) => c.id === selection.aId);
    const b = selection.checkpoints.find((c) => c.id === selection.bId);
    if (!a || !b || spec.spec === null) return;
    setRan({ task: selection.task, aId: a.id, bId: b.id, names: { a: a.name, b: b.name }, signs: termSigns(spec.spec) });
    void run({
      a: { id: a.id, name: a.name, uri: a.uri }, b: { id: b.id, name: b.name, uri: b.uri },
      split: "test", start: selection.start, count: selection.count, spec: spec.spec, backend: selection.backend,
    });
  }

  const result = state.result;
  const keys = result?.keys ?? Object.keys(state.scenes[0]?.a.terms ?? {});
  const weights = result?.weights ?? {};
  return (
    <>
      <CompareForm selection={selection} specError={spec.error} busy={busy} onTask={setTask} onSet={set} onCompare={compare} onStop={cancel} />
      <CompareStatus state={state} />
      {ran && result ? <AggregateTable result={result} aName={ran.names.a} bName={ran.names.b} /> : null}
      {ran && result ? <CampaignPanel campaigns={campaigns} defaultName={defaultName} /> : null}
      {ran && state.scenes.length ? (
        <SceneList
          task={ran.task} scenes={state.scenes} keys={keys} weights={weights} signs={ran.signs} names={ran.names}
          onSend={result ? (pairs) => void campaigns.send(pairs) : undefined}
        />
      ) : null}
    </>
  );
}
