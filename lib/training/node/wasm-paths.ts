import { createRequire } from "node:module";
import path from "node:path";

/** Absolute folder of tfjs-backend-wasm's .wasm files in node_modules (Node only). */
export function nodeWasmPaths(): string {
  const entry = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
  return `${path.dirname(entry)}/`;
}
