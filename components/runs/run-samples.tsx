"use client";

import { memo, useEffect, useMemo, useRef, useState } from "react";
import { generateScene, splitOfSeed } from "@/lib/data";
import type { RunSample } from "@/lib/runs/contract";
import type { TaskId } from "@/lib/rewards/task-types";
import { getSamples } from "@/lib/training/browser/run-client";
import { OutputView } from "@/components/outputs/output-view";
import styles from "./runs.module.css";

const fmt = (v: number | null) => (v === null ? "—" : Number(v.toPrecision(3)).toString());

/**
 * The greedy outputs on the run's eval scenes (val 0..3) at each evaluation, with a slider over
 * the evaluated steps. `version` changes when a new evaluation arrived (refetch).
 */
export const RunSamples = memo(function RunSamples({ runId, task, version }: { runId: string; task: TaskId; version: number }) {
  const [steps, setSteps] = useState<number[]>([]);
  const [step, setStep] = useState<number | null>(null);
  const [samples, setSamples] = useState<RunSample[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** A person moved the slider: stop following the newest evaluation. */
  const picked = useRef(false);

  useEffect(() => {
    let live = true;
    getSamples(runId)
      .then((r) => {
        if (!live) return;
        setError(null); // the server answered again (after an outage, say)
        setSteps(r.steps);
        // Follow the newest evaluation unless a person picked one.
        setStep((s) => (picked.current && s !== null ? s : (r.steps.at(-1) ?? null)));
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [runId, version]);

  useEffect(() => {
    if (step === null) return;
    let live = true;
    getSamples(runId, step)
      .then((r) => {
        if (!live) return;
        setError(null);
        setSamples(r.samples.filter((s) => s.step === step));
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [runId, step]);

  const index = step === null ? -1 : steps.indexOf(step);
  // Drawing a scene is real work (textures, maps, captions): once per scene shown, not per render.
  const seeds = samples.map((x) => x.sceneSeed).join(",");
  const scenes = useMemo(() => new Map(seeds.split(",").filter(Boolean).map((v) => [Number(v), generateScene(Number(v), { size: 32 })])), [seeds]);
  return (
    <section className="panel" aria-label="Samples" data-testid="run-samples" data-steps={steps.length}>
      <div className="toolbar">
        <h2 style={{ margin: 0 }}>Samples on the eval scenes</h2>
        {steps.length > 1 ? (
          <label>
            Step
            <input type="range" min={0} max={steps.length - 1} value={Math.max(index, 0)} onChange={(e) => {
              picked.current = true;
              setStep(steps[Number(e.target.value)] ?? null);
            }} aria-label="Sample step" />
          </label>
        ) : null}
        <span className="mono" data-testid="sample-step">{step === null ? "no evaluation yet" : `step ${step}`}</span>
      </div>
      {error ? <p className="fail" role="alert">Cannot load the samples: {error}</p> : null}
      <div className={styles.samples}>
        {samples.map((s) => (
          <div key={s.sceneSeed} data-testid="run-sample">
            <OutputView task={task} scene={scenes.get(s.sceneSeed) ?? generateScene(s.sceneSeed, { size: 32 })} output={s.output} title={`${splitOfSeed(s.sceneSeed) ?? "scene"} seed ${s.sceneSeed}`} />
            {s.rewards ? <p className={styles.sampleRewards}>{Object.entries(s.rewards).map(([k, v]) => `${k} ${fmt(v)}`).join(" · ")}</p> : null}
          </div>
        ))}
      </div>
    </section>
  );
});
