"use client";

import { useEffect, useReducer } from "react";
import { MAX_COMPARE_SCENES } from "@/lib/compare/contract";
import { SPLITS } from "@/lib/data";
import { DEFAULT_REWARD_SPECS, parseRewardSpec } from "@/lib/rewards";
import type { TaskId } from "@/lib/rewards/task-types";
import type { ServerCheckpoint } from "@/lib/training/browser-checkpoints";
import { shippedPair } from "@/lib/training/browser/run-client";
import { listCheckpoints } from "./compare-api";

export const BACKENDS = ["wasm", "webgl", "webgpu", "cpu", "auto"] as const;
export type Backend = (typeof BACKENDS)[number];

/** What the user picked: two checkpoints of a task, the test scenes, the backend and the reward spec. */
export interface Selection {
  task: TaskId;
  checkpoints: ServerCheckpoint[];
  listError: string | null;
  aId: string;
  bId: string;
  start: number;
  count: number;
  backend: Backend;
  /** "" = the task's default reward spec; else a pasted RewardSpec JSON. */
  specText: string;
}

type Action =
  | { type: "task"; task: TaskId }
  | { type: "listed"; task: TaskId; checkpoints: ServerCheckpoint[] }
  | { type: "list-error"; message: string }
  | { type: "set"; patch: Partial<Pick<Selection, "aId" | "bId" | "start" | "count" | "backend" | "specText">> };

const clampInt = (v: number, lo: number, hi: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : lo);

function reduce(s: Selection, a: Action): Selection {
  switch (a.type) {
    case "task": return a.task === s.task ? s : { ...s, task: a.task, checkpoints: [], aId: "", bId: "", listError: null, specText: "" };
    case "listed": {
      if (a.task !== s.task) return s;
      // Default: the shipped MLE model against the shipped tuned one.
      const pair = shippedPair(a.task, a.checkpoints);
      return { ...s, checkpoints: a.checkpoints, aId: pair.mle, bId: pair.tuned };
    }
    case "list-error": return { ...s, listError: a.message };
    case "set": {
      const next = { ...s, ...a.patch };
      next.count = clampInt(next.count, 1, MAX_COMPARE_SCENES);
      next.start = clampInt(next.start, 0, SPLITS.test.count - next.count);
      return next;
    }
  }
}

/** The spec to score with, or why the pasted one is not a valid RewardSpec of this task. */
export function selectedSpec(s: Selection): { spec: unknown; error: null } | { spec: null; error: string } {
  if (!s.specText.trim()) return { spec: DEFAULT_REWARD_SPECS[s.task], error: null };
  try {
    const spec = parseRewardSpec(JSON.parse(s.specText));
    if (spec.task !== s.task) return { spec: null, error: `task: this spec is for ${spec.task}, the checkpoints are ${s.task} models` };
    return { spec, error: null };
  } catch (err) {
    return { spec: null, error: err instanceof SyntaxError ? `not JSON: ${err.message}` : err instanceof Error ? err.message : String(err) };
  }
}

/** The compare form's state; lists the task's checkpoints on the server whenever the task changes. */
export function useSelection(initialTask: TaskId) {
  const [s, dispatch] = useReducer(reduce, {
    task: initialTask, checkpoints: [], listError: null, aId: "", bId: "", start: 0, count: 24, backend: "wasm", specText: "",
  });
  useEffect(() => {
    let live = true;
    listCheckpoints(s.task)
      .then((checkpoints) => live && dispatch({ type: "listed", task: s.task, checkpoints }))
      .catch((err: unknown) => live && dispatch({ type: "list-error", message: err instanceof Error ? err.message : String(err) }));
    return () => { live = false; };
  }, [s.task]);
  return { selection: s, setTask: (task: TaskId) => dispatch({ type: "task", task }), set: (patch: Extract<Action, { type: "set" }>["patch"]) => dispatch({ type: "set", patch }) };
}
