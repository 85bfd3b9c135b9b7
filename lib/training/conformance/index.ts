/**
 * The backend conformance suite: the models' ops one by one (forward and gradient) and each
 * task's losses, log-probabilities and gradient norms, on a backend against the cpu reference.
 * Runs in a browser Worker (the Backends page, e2e) and in Node (tests, on wasm).
 */
export { compareValues, type Comparison, type Tolerance } from "./compare";
export { OP_CASES, OP_TOLERANCE } from "./ops";
export { taskCase, TASK_TOLERANCE, type TaskCaseOptions } from "./tasks";
export { runConformance, type ConformanceOptions } from "./run";
export type { CaseResult, ConformanceCase, OutputResult, Outputs } from "./types";
