/** The TF.js backends the studio can train on, in `auto`'s order of preference (names only: no TF.js here, so pages import it freely). */
export const BACKEND_NAMES = ["webgpu", "webgl", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
