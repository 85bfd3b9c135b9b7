"use client";

import { useEffect, useState } from "react";
import type { TaskId } from "@/lib/rewards/task-types";
import { listCheckpoints, shippedPair, type CheckpointListing } from "@/lib/training/browser/run-client";

/** The server's checkpoints of `task`, listed again whenever it changes, with the default pair (shipped MLE and tuned). */
export function useTaskCheckpoints(task: TaskId): { checkpoints: CheckpointListing[]; defaults: { mle: string; tuned: string }; error: string | null } {
  const [state, setState] = useState<{ task: TaskId; checkpoints: CheckpointListing[]; error: string | null }>({ task, checkpoints: [], error: null });
  useEffect(() => {
    let live = true;
    listCheckpoints(task).then(
      (checkpoints) => live && setState({ task, checkpoints, error: null }),
      (err: unknown) => live && setState({ task, checkpoints: [], error: err instanceof Error ? err.message : String(err) }),
    );
    return () => { live = false; };
  }, [task]);
  const checkpoints = state.task === task ? state.checkpoints : [];
  return { checkpoints, defaults: shippedPair(task, checkpoints), error: state.task === task ? state.error : null };
}
