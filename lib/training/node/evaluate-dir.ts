/** Greedy held-out metrics of a checkpoint folder (Node scripts: docs/RESULTS.md's tables). */
import type { Split } from "@/lib/data";
import { fromArtifacts } from "../checkpoint";
import { evaluatePolicy } from "../evaluate";
import { loadCheckpointDir } from "./checkpoint-files";

/** Loads the checkpoint in `dir`, evaluates it on the first `count` scenes of `split` as `reward-studio eval` does, and frees it. */
export async function evaluateCheckpointDir(dir: string, split: Split, count: number): Promise<Record<string, number>> {
  const { policy } = await fromArtifacts(await loadCheckpointDir(dir));
  try {
    return await evaluatePolicy(policy, split, count);
  } finally {
    policy.dispose();
  }
}
