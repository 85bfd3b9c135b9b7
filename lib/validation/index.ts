/**
 * Turning zod issues into messages a person can act on: the JSON path of the wrong value
 * (`$.terms[2].weight`) and what was expected. Shared by the server edge and the CLI.
 */
import type { z } from "zod";

/** `["terms", 2, "weight"]` -> `terms[2].weight` (the root is ``). */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The first issue of a failed parse as `{ field, message }`, field as a JSON path. */
export function firstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: jsonPath(prefix), message: "invalid value" };
  return { field: jsonPath([...prefix, ...issue.path]), message: issue.message };
}
