/** Test helper: the WASM backend in Node (the dependable one here), selected once per file. */
import { selectBackend } from "@/lib/training/backend";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";

export async function useWasmBackend(): Promise<void> {
  await selectBackend("wasm", { wasmPaths: nodeWasmPaths() });
}
