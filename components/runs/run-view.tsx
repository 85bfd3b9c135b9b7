"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { RewardSpecSchema } from "@/lib/rewards/spec";
import { canTrainHere, presenceOf } from "@/lib/runs/presence";
import { rewardHackingFlags } from "@/lib/training/flags";
import { TASK_BLIND_SPOT_METRIC, TASK_EVAL_METRIC } from "@/lib/training/metric-points";
import { Outbox } from "@/lib/training/browser/outbox";
import { browserOutboxStore } from "@/lib/training/browser/outbox-idb";
import { sendMetrics } from "@/lib/training/browser/run-client";
import { useBackendProbe } from "@/components/backends/use-backend-probe";
import { ProbeFigures } from "@/components/backends/probe-figures";
import { RunCharts } from "./run-charts";
import { RunFlags } from "./run-flags";
import { RunHeader } from "./run-header";
import { runLockHeld, startedHere } from "./run-lock";
import { RunSamples } from "./run-samples";
import { autoReason, baseUriOf, probeJobOf, trainJob } from "./train-job";
import { useRunData } from "./use-run-data";
import { useTabTrainer } from "./use-tab-trainer";

/** Where this browser's other tabs stand on the run (lock) and whether this browser started it, checked every few seconds. */
function useBrowserPresence(runId: string, trainingHere: boolean) {
  const [p, setP] = useState({ lockHeld: false, started: false, checked: false });
  useEffect(() => {
    let live = true;
    const check = async () => {
      const lockHeld = trainingHere ? true : await runLockHeld(runId);
      if (live) setP({ lockHeld, started: startedHere(runId), checked: true });
    };
    void check();
    const t = setInterval(() => void check(), 3000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [runId, trainingHere]);
  return p;
}

/**
 * The run page: status and controls, live charts with reward-hacking flags, and the samples on
 * the eval scenes. With `autoStart` (just launched from /runs/new) the trainer starts in this tab.
 */
export function RunView({ runId, autoStart }: { runId: string; autoStart: boolean }) {
  const router = useRouter();
  const probe = useBackendProbe();
  const [note, setNote] = useState<string | null>(null);
  const trainer = useTabTrainer(runId);
  const data = useRunData(runId, trainer.state, trainer.active);
  const { run, series, refresh } = data;
  const browser = useBrowserPresence(runId, trainer.active);
  // The trainer ended: read the status and checkpoints the server now has.
  const phase = trainer.state.phase;
  useEffect(() => {
    if (phase === "ended") void refresh();
  }, [phase, refresh]);

  // A trainer that just ended here counts as here until the server's status says it ended.
  const here = trainer.active || (phase === "ended" && !trainer.state.ended?.message && run?.status === "running");
  const presence = run ? presenceOf({ run, trainingHere: here, lockHeld: browser.lockHeld && !here, startedInThisBrowser: browser.started }) : null;
  const spec = useMemo(() => (run ? RewardSpecSchema.safeParse(run.rewardSpecBody) : null), [run]);
  const evalMetric = run ? (run.evalMetric ?? TASK_EVAL_METRIC[run.task]) : "";
  const watchOnly = useMemo(() => new Set(spec?.success ? spec.data.terms.filter((t) => (t.weight ?? 0) === 0).map((t) => t.name ?? t.term) : []), [spec]);
  const flags = useMemo(
    () => (run ? rewardHackingFlags({ series, guardrails: spec?.success ? spec.data.guardrails : [], evalMetric, baseEval: run.baseEval }) : []),
    [run, series, spec, evalMetric],
  );

  async function train() {
    if (!run || trainer.active) return;
    setNote(null);
    try {
      const baseUri = await baseUriOf(run);
      const requested = String(run.settings.backend ?? "auto");
      let backend = requested as Parameters<typeof trainJob>[2];
      let reason = "chosen";
      if (requested === "auto") {
        setNote("auto is measuring the backends on this model…");
        const r = await probe.choose(probeJobOf(run, baseUri));
        [backend, reason] = [r.chosen, autoReason(r)];
        setNote(null);
      }
      await trainer.start(trainJob(run, baseUri, backend, reason));
    } catch (err) {
      setNote(`cannot start the trainer: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // Points an earlier page of this run stored but never sent (the tab closed mid-batch) go out now.
  useEffect(() => {
    void browserOutboxStore()
      .then(({ store }) => new Outbox(store, runId, { send: sendMetrics }).flush())
      .catch(() => undefined);
  }, [runId]);

  // Just launched: start here once, and drop ?start so a reload does not start a second trainer.
  const started = useRef(false);
  useEffect(() => {
    if (!autoStart || started.current || !run || !presence || !browser.checked || !canTrainHere(presence)) return;
    started.current = true;
    router.replace(`/runs/${runId}`);
    void train();
    // train reads the latest run; this fires once when the run first loads
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoStart, run, presence?.kind, browser.checked]);

  if (!run || !presence) {
    return data.error ? <p className="fail" role="alert">{data.error}</p> : <p className="muted" role="status">Loading the run…</p>;
  }
  return (
    <>
      <RunHeader
        run={run} presence={presence} trainer={trainer.state} series={data.series} note={note ?? probe.state.error}
        canTrain={canTrainHere(presence) && !probe.state.running} onTrain={() => void train()} onPause={trainer.pause} onStop={trainer.stop}
      />
      <ProbeFigures state={probe.state} />
      {data.error ? <p className="fail" role="alert">the server did not answer: {data.error} (retrying)</p> : null}
      <RunFlags flags={flags} />
      <RunCharts series={data.series} flags={flags} evalMetric={evalMetric} baseEval={run.baseEval} blindSpotMetric={TASK_BLIND_SPOT_METRIC[run.task]} watchOnly={watchOnly} />
      <RunSamples runId={runId} task={run.task} version={trainer.state.samplesAt.length + (data.series.get(`eval/${evalMetric}`)?.length ?? 0)} />
    </>
  );
}
