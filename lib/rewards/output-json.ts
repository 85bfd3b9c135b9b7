/**
 * Model outputs as plain JSON: typed arrays (panoptic segment ids, colorization pixels) become
 * arrays, so an output survives JSON.stringify, the server and back unchanged in value.
 */
import type { OutputOf, TaskId } from "./task-types";

function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** `output` with every typed array replaced by a plain array of the same numbers. */
export function plainOutput<T extends TaskId>(output: OutputOf<T>): OutputOf<T> {
  return plain(output) as OutputOf<T>;
}
