"use client";

import { useCallback, useEffect, useState } from "react";
import { REWARD_SPECS_API, type RewardSpecSummary, type SaveRewardSpecInput, type SavedRewardSpec } from "@/lib/reward-specs/contract";
import { apiCall } from "@/lib/http/api-call";
import type { TaskId } from "@/lib/rewards";

/** A saved version by id (GET /api/reward-specs/<id>). */
export async function fetchVersion(id: string): Promise<SavedRewardSpec> {
  return (await apiCall<{ spec: SavedRewardSpec }>(`${REWARD_SPECS_API}/${encodeURIComponent(id)}`)).body.spec;
}

/** The saved specs of a task (every engineer's), and saving a new version. */
export function useSavedSpecs(task: TaskId) {
  const [specs, setSpecs] = useState<RewardSpecSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    apiCall<{ specs: RewardSpecSummary[] }>(`${REWARD_SPECS_API}?task=${task}`)
      .then((r) => { if (live) { setSpecs(r.body.specs); setError(null); } })
      .catch((err: unknown) => live && setError(`cannot list saved specs: ${err instanceof Error ? err.message : String(err)}`));
    return () => { live = false; };
  }, [task, tick]);

  /** POST: `created` false when the same content was saved before (that version is returned). */
  const save = useCallback(async (input: SaveRewardSpecInput): Promise<{ spec: SavedRewardSpec; created: boolean }> => {
    const r = await apiCall<{ spec: SavedRewardSpec }>(REWARD_SPECS_API, { json: input });
    refresh();
    return { spec: r.body.spec, created: r.status === 201 };
  }, [refresh]);

  return { specs, error, refresh, save };
}
