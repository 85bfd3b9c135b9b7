import { sceneAt, SPLITS, type Scene, type Split } from "@/lib/data";
import type { Random } from "@/lib/tasks";

/** `count` scenes drawn uniformly (with replacement) from a split. */
export function drawScenes(rand: Random, split: Split, count: number, size = 32): Scene[] {
  return Array.from({ length: count }, () => sceneAt(split, Math.floor(rand() * SPLITS[split].count), { size }));
}

/** The first `count` scenes of a split: the fixed held-out set evaluations use. */
export function heldOutScenes(split: Split, count: number, size = 32): Scene[] {
  return Array.from({ length: Math.min(count, SPLITS[split].count) }, (_, i) => sceneAt(split, i, { size }));
}

/** A per-step seed, so step k draws the same data and samples whether or not the run resumed. */
export function stepSeed(seed: number, step: number): number {
  return (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(step + 1, 0x85ebca6b)) >>> 0;
}

/**
 * Lets queued events run (a worker's "stop" message, UI work). On WASM and CPU every op and
 * every `data()` read settles as a microtask, so without this a training loop never yields.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
