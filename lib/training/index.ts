/**
 * Training: MLE pretraining and REINFORCE tuning (one trainer per objective), backend choice,
 * checkpoints. Runs unchanged in Node and in a Web Worker; progress goes through callbacks.
 * Node-only helpers (files, wasm paths) live in ./node and are imported from there directly.
 */
export { selectBackend, parseBackendRequest, BACKEND_NAMES, type BackendName, type BackendChoice, type BackendRequest } from "./backend";
export { advantages, BASELINES, type Baseline } from "./baseline";
export { MleSettingsSchema, ReinforceSettingsSchema, TASK_TUNE_DEFAULTS, learningRate, type MleSettings, type ReinforceSettings } from "./settings";
export { trainMle, mleStep, type MleStepLog, type EvalLog, type TrainCallbacks } from "./mle";
export { trainReinforce, reinforceStep, type ReinforceStepLog, type ReinforceSetup } from "./reinforce";
export { nonFiniteRewardReason, SkipCounter, type TrainResult } from "./skips";
export { evaluatePolicy, imageSizeOf } from "./evaluate";
export { toArtifacts, fromArtifacts, manifestOf, CHECKPOINT_FORMAT, type CheckpointManifest } from "./checkpoint";
export { drawScenes, heldOutScenes, stepSeed } from "./scenes";
