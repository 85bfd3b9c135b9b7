"use client";

import { useEffect, useReducer } from "react";
import type { TaskId } from "@/lib/rewards/task-types";
import { listCheckpoints, listRewardSpecs, type CheckpointListing, type RewardSpecSummary } from "@/lib/training/browser/run-client";
import { DEFAULT_SPEC, recipeFields, smokeFields, specBody, type RunFields } from "./launch-run";

/** This browser's IndexedDB checkpoints (read with TF.js, so loaded only when the form opens). */
const browserCheckpoints = () => import("@/lib/training/browser-checkpoints").then((m) => m.listBrowserCheckpoints());

export const SHIPPED = "shipped";

export interface FormState {
  task: TaskId;
  name: string;
  /** SHIPPED, "server:<id>" or "browser:<indexeddb uri>". */
  base: string;
  specChoice: string;
  fields: RunFields;
  errors: Partial<Record<keyof RunFields | "form", string>>;
  specs: RewardSpecSummary[];
  server: CheckpointListing[];
  browser: { uri: string; step: number | null; task: TaskId }[];
  launching: boolean;
}

export type FormAction =
  | { type: "task"; task: TaskId }
  | { type: "set"; patch: Partial<Pick<FormState, "name" | "base" | "specChoice">> }
  | { type: "field"; key: keyof RunFields; value: number | string }
  | { type: "preset"; preset: "recipe" | "smoke" }
  | { type: "beta"; beta: number }
  | { type: "options"; specs?: RewardSpecSummary[]; server?: CheckpointListing[]; browser?: FormState["browser"] }
  | { type: "errors"; errors: FormState["errors"] }
  | { type: "launching"; on: boolean };

function reduce(s: FormState, a: FormAction): FormState {
  switch (a.type) {
    case "task": return { ...s, task: a.task, base: SHIPPED, specChoice: DEFAULT_SPEC, fields: recipeFields(a.task, 0), errors: {}, specs: [], server: [] };
    case "set": return { ...s, ...a.patch };
    case "field": return { ...s, fields: { ...s.fields, [a.key]: a.value }, errors: { ...s.errors, [a.key]: undefined } };
    case "preset": return { ...s, errors: {}, fields: a.preset === "smoke" ? smokeFields(s.task, s.fields.beta, s.fields.backend) : { ...recipeFields(s.task, s.fields.beta), backend: s.fields.backend } };
    case "beta": return { ...s, fields: { ...s.fields, beta: a.beta } };
    case "options": return { ...s, ...(a.specs ? { specs: a.specs } : {}), ...(a.server ? { server: a.server } : {}), ...(a.browser ? { browser: a.browser } : {}) };
    case "errors": return { ...s, errors: a.errors, launching: false };
    case "launching": return { ...s, launching: a.on };
  }
}

/**
 * The launch form's state: task (its recipe prefilled), base checkpoint, reward spec version
 * (its KL beta prefilled), settings; loads the options (specs and checkpoints of the task).
 */
export function useNewRunForm(initialTask: TaskId = "captioning") {
  const [state, dispatch] = useReducer(reduce, {
    task: initialTask, name: "", base: SHIPPED, specChoice: DEFAULT_SPEC, fields: recipeFields(initialTask, 0), errors: {}, specs: [], server: [], browser: [], launching: false,
  });
  const { task, specChoice } = state;

  useEffect(() => {
    let live = true;
    const fail = (what: string) => (err: unknown) => live && dispatch({ type: "errors", errors: { form: `cannot list ${what}: ${err instanceof Error ? err.message : String(err)}` } });
    listRewardSpecs(task).then((specs) => live && dispatch({ type: "options", specs })).catch(fail("the reward specs"));
    listCheckpoints(task).then((server) => live && dispatch({ type: "options", server })).catch(fail("the server's checkpoints"));
    browserCheckpoints()
      .then((all) => live && dispatch({ type: "options", browser: all.filter((c) => c.manifest.task === task).map((c) => ({ uri: c.uri, step: c.manifest.run?.step ?? null, task: c.manifest.task })) }))
      .catch(() => undefined); // no IndexedDB here: the list stays empty
    return () => {
      live = false;
    };
  }, [task]);

  // The chosen version's KL beta, prefilled (changing it saves a derived version on launch).
  useEffect(() => {
    let live = true;
    specBody(task, specChoice).then((b) => live && dispatch({ type: "beta", beta: b.beta })).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [task, specChoice]);

  return { state, dispatch };
}
