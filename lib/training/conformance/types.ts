import type { TaskId } from "@/lib/rewards";
import type { Comparison, Tolerance } from "./compare";

/** Named float32 outputs of a case: "forward", "d/x", "mle loss", "grad norm"... */
export type Outputs = Record<string, Float32Array>;

/** One check: computed on the reference backend and on the backend under test, then compared. */
export interface ConformanceCase {
  id: string;
  kind: "op" | "task";
  task?: TaskId;
  /** What is checked, in words for the report. */
  what: string;
  tolerance: Tolerance;
  /** Runs once on the reference backend before either computation (e.g. draws the actions both score). */
  prepare?(): Promise<void>;
  /** The outputs, on whatever backend is active. */
  compute(): Promise<Outputs>;
  dispose?(): void;
}

export interface OutputResult extends Comparison {
  name: string;
  /** The reference's and this backend's value at the worst element (or the first, when all agree). */
  ref: number;
  got: number;
}

export interface CaseResult {
  id: string;
  kind: ConformanceCase["kind"];
  task?: TaskId;
  what: string;
  backend: string;
  reference: string;
  ok: boolean;
  tolerance: Tolerance;
  outputs: OutputResult[];
  /** Milliseconds on the backend under test. */
  ms: number;
  /** Set when computing failed outright (a kernel missing, an exception). */
  error?: string;
}
