/**
 * Which model answers a request, from the database's state alone (no routing state lives in one
 * process's memory): the candidate when the request's bucket falls under the stage's share. The
 * bucket is a hash of the roll-out and the request key, so one client sees one model in a stage,
 * any number of processes route alike, and raising the share only moves clients to the candidate.
 */
import { createHash, randomBytes } from "node:crypto";

/** 0 ≤ bucket < 10,000, from the roll-out's id and the request key's hash (or at random without a key). */
export function bucketOf(rolloutId: string, keyHash: string | undefined): number {
  const source = keyHash ?? randomBytes(16).toString("hex");
  return createHash("sha256").update(`${rolloutId}:${source}`).digest().readUInt32BE(0) % 10_000;
}

export interface Route {
  /** Who answers. */
  served: "baseline" | "candidate";
  /** Also run the candidate, log its output, and answer with the baseline's (the shadow stage). */
  mirror: boolean;
}

/** The route for a request in a live roll-out at `percent` (the stage's share), in the shadow stage or not. */
export function routeRequest(input: { rolloutId: string; keyHash?: string; percent: number; shadow: boolean }): Route {
  if (input.shadow) return { served: "baseline", mirror: true };
  return { served: bucketOf(input.rolloutId, input.keyHash) < Math.round(input.percent * 100) ? "candidate" : "baseline", mirror: false };
}
