/**
 * Input the database cannot keep as it was sent, refused at the edge (400 naming the field)
 * instead of failing in the database (a 500) or being stored changed: NUL characters
 * (PostgreSQL text and jsonb cannot hold them), lone UTF-16 surrogates (they have no UTF-8 form:
 * Prisma's query protocol refuses them, PostgreSQL's jsonb too, and a driver would store U+FFFD),
 * and JSON nested deeper than any form of the studio (recursive code further on would overflow).
 */
import { jsonPath } from "@/lib/validation";

/** Deepest nesting of objects and arrays a JSON input may have; model.json is 6 levels deep. */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as sent, or null. */
export function unstorableText(text: string): string | null {
  if (text.includes("\u0000")) return "NUL characters are not accepted";
  if (LONE_SURROGATE.test(text)) return "lone surrogates (half of a UTF-16 pair, not Unicode text) are not accepted";
  return null;
}

interface Node { value: unknown; key?: PropertyKey; parent?: Node; depth: number }
const pathOf = (n: Node): PropertyKey[] => {
  const out: PropertyKey[] = [];
  for (let at: Node | undefined = n; at?.parent; at = at.parent) out.unshift(at.key!);
  return out;
};

/**
 * The first place in a parsed JSON value (document order) holding unstorable text, in a value
 * or a key, or nested deeper than MAX_JSON_DEPTH: its JSON path (`a.b[2]`) and why. Iterative,
 * so any depth JSON.parse accepts is walked.
 */
export function findUnstorable(value: unknown): { field: string; message: string } | null {
  const stack: Node[] = [{ value, depth: 0 }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === "string") {
      const why = unstorableText(v);
      if (why) return { field: jsonPath(pathOf(node)), message: why };
      continue;
    }
    if (!v || typeof v !== "object") continue;
    if (node.depth >= MAX_JSON_DEPTH) return { field: jsonPath(pathOf(node)), message: `nested more than ${MAX_JSON_DEPTH} levels deep` };
    const entries: [PropertyKey, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k] of entries) {
      const why = typeof k === "string" ? unstorableText(k) : null;
      if (why) return { field: jsonPath([...pathOf(node), k]), message: `key: ${why}` };
    }
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: node, depth: node.depth + 1 });
  }
  return null;
}
