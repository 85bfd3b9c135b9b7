"use client";

import { useMemo, useReducer, useRef } from "react";
import { RewardSpecSchema, type RewardSpec, type TaskId } from "@/lib/rewards";
import { jsonPath } from "@/lib/validation";
import { draftReducer, initialDraft, type DraftAction, type DraftState } from "./draft-reducer";

export interface RewardDraft {
  state: DraftState;
  dispatch: (a: DraftAction) => void;
  /** Every schema issue by field (`terms[1].weight`), from the same RewardSpecSchema the server uses. */
  errors: ReadonlyMap<string, string>;
  /** The draft parsed (defaults filled in), or null while it has errors. */
  valid: RewardSpec | null;
  /** The last draft that parsed: what the preview ranks with while the draft has errors. */
  lastValid: RewardSpec;
  /** performance.now() of the last edit, for the preview's "re-ranked in" figure. */
  editedAt: React.RefObject<number>;
}

/** The composer's draft state (./draft-reducer) with its validation. */
export function useRewardDraft(task: TaskId = "captioning"): RewardDraft {
  const [state, rawDispatch] = useReducer(draftReducer, task, initialDraft);
  const editedAt = useRef(0);
  const parsed = useMemo(() => RewardSpecSchema.safeParse(state.spec), [state.spec]);
  const errors = useMemo(() => {
    const out = new Map<string, string>();
    if (!parsed.success) for (const issue of parsed.error.issues) {
      const key = jsonPath(issue.path.filter((k): k is string | number => typeof k !== "symbol"));
      if (!out.has(key)) out.set(key, issue.message);
    }
    return out;
  }, [parsed]);
  const valid = parsed.success ? parsed.data : null;
  const dispatch = useMemo(() => (a: DraftAction) => {
    editedAt.current = performance.now();
    rawDispatch(a);
  }, []);
  return { state, dispatch, errors, valid, lastValid: valid ?? state.lastValid, editedAt };
}
