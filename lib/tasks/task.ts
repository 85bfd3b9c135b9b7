import type { Scene } from "@/lib/data";
import type { OutputOf, TaskId } from "@/lib/rewards";
import type { Architecture, Policy } from "./types";

export type ModelSize = "default" | "smoke";

/** What each task folder exports: build its policy, and score held-out outputs. */
export interface TaskDefinition<T extends TaskId = TaskId> {
  id: T;
  /** A policy of a named size with seeded initial weights. */
  createPolicy(size: ModelSize, seed: number): Policy<T>;
  /** A policy with the architecture a checkpoint manifest records (weights assigned after). */
  fromArchitecture(architecture: Architecture): Policy<T>;
  /**
   * Held-out metrics of greedy outputs, under the names the rewards use (CIDEr, Bleu_4, AP,
   * AP50, PQ, SQ, RQ, colorfulness...) plus this task's guardrails.
   */
  evalMetrics(outputs: readonly OutputOf<T>[], scenes: readonly Scene[]): Record<string, number>;
}
