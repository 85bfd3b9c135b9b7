/**
 * The reward spec's key in the comparison cache: SHA-256 (hex, via crypto.subtle) of the parsed
 * spec's canonical JSON (object keys sorted at every level, undefined left out) — the same
 * text and hash lib/db's `rewardSpecHash` gives a saved spec version, so a saved version and the
 * same spec pasted here share cached comparisons.
 */
import { parseRewardSpec } from "@/lib/rewards";

/** JSON with object keys sorted at every level: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (lowercase hex) of the spec after parsing (defaults filled in), as the cache keys it. */
export async function specHash(spec: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(parseRewardSpec(spec)));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
