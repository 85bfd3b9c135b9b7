/**
 * Seeded generators for the route fuzz (lib/testing/route-fuzz): bad text for parameters and
 * JSON documents that are wrong in one way each (a wrong type, a missing or extra field, a huge
 * string or array, deep nesting, a NUL or a lone surrogate, a non-object root, broken text).
 * Each document is derived from a valid one, so the rest of the request stays valid and the
 * route's own check of that one thing is what answers.
 */
import { createRandom, type Random } from "@/lib/tasks/nn/random";
import { jsonPath } from "@/lib/validation";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonPath = readonly (string | number)[];

/** A seeded source of choices (the project's sfc32 generator). */
export class Gen {
  private readonly rand: Random;
  constructor(seed: number) {
    this.rand = createRandom(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }
  private readonly turns = new Map<string, number>();
  /** `items` in turn, per `key`, so that a few draws already cover every one. */
  cycle<T>(key: string, items: readonly T[]): T {
    const n = this.turns.get(key) ?? 0;
    this.turns.set(key, n + 1);
    return items[n % items.length]!;
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
  /**
   * Text that no parameter of any route takes: each holds a character outside every id, enum
   * and number syntax (so a coercing schema cannot read it as a number either).
   */
  badText(): string {
    return this.pick([
      () => "!", () => "-1!", () => "1.5e3!", () => "NaN!", () => "<script>alert(1)</script>", () => "../../etc/passwd",
      () => "a\u0000b", () => "\u0000", () => "\ud800", () => "x\udfff", () => "😀", () => "\u202e!", () => "%ZZ", () => "a b",
      () => `${"x".repeat(this.int(300, 20_000))}!`, () => "'; DROP TABLE \"User\"; --", () => "${7*7}!",
    ])();
  }
}

/** A valid JSON document and where its schema checks it. */
export interface JsonShape {
  valid: Json;
  /** Fields any other JSON type, a huge string or a huge array is wrong for, and that must be present. */
  checked: JsonPath[];
  /** Objects that take no other keys (zod `.strict()`). */
  strict: JsonPath[];
}

export const JSON_DEFECTS = ["wrong_type", "missing", "extra", "huge_string", "huge_array", "deep", "nul", "lone_surrogate", "root", "text"] as const;
export type JsonDefect = (typeof JSON_DEFECTS)[number];

const clone = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json;
const parentOf = (doc: Json, path: JsonPath) => path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string, Json>)[k as string]!, doc) as Record<string | number, Json>;
const setAt = (doc: Json, path: JsonPath, value: Json) => { parentOf(doc, path)[path.at(-1)!] = value; };
const getAt = (doc: Json, path: JsonPath): Json => path.reduce<Json>((v, k) => (v as Record<string, Json>)[k as string]!, doc);

/** Paths of every string value and of every object, for NUL and surrogate insertion. */
function walk(doc: Json, path: JsonPath = [], out: { strings: JsonPath[]; objects: JsonPath[] } = { strings: [], objects: [] }) {
  if (typeof doc === "string") out.strings.push(path);
  else if (Array.isArray(doc)) doc.forEach((v, i) => walk(v, [...path, i], out));
  else if (doc && typeof doc === "object") {
    out.objects.push(path);
    for (const [k, v] of Object.entries(doc)) walk(v, [...path, k], out);
  }
  return out;
}

const DEEP = "\u0001deep\u0001";
const encoder = new TextEncoder();

/**
 * `valid` made wrong by `defect`, as the bytes of a request body, with a note saying how and,
 * where the defect has one place, `names`: what a 400's message must mention (the JSON path, or the key).
 */
export function mutateJson(g: Gen, shape: JsonShape, defect: JsonDefect): { bytes: Uint8Array; note: string; names?: string } {
  const doc = clone(shape.valid);
  let names: string | undefined;
  const done = (note: string, text = JSON.stringify(doc)) => ({ bytes: encoder.encode(text), note: `${defect} ${note}`, names });
  const at = (p: JsonPath) => (names = jsonPath(p));
  const field = () => g.pick(shape.checked);
  const where = (p: JsonPath) => JSON.stringify(p);
  switch (defect) {
    case "wrong_type": {
      const p = field();
      const was = typeof getAt(doc, p);
      const value = g.pick(([123, -1.5, true, null, [], {}, "text", [1, "2"]] as Json[]).filter((v) => typeof v !== was || (was === "object" && v === null)));
      setAt(doc, p, value);
      at(p);
      return done(`${where(p)} = ${JSON.stringify(value)}`);
    }
    case "missing": {
      const p = field();
      delete parentOf(doc, p)[p.at(-1)!];
      at(p);
      return done(where(p));
    }
    case "extra": {
      const p = g.pick(shape.strict);
      const picked = g.pick(["extra", "__proto__", "constructor", "", "role", "isAdmin", "x".repeat(1000)]);
      const key = picked === "__proto__" && p.length > 0 ? "constructor" : picked;
      (getAt(doc, p) as Record<string, Json>)[key] = g.pick([true, "admin", 1, null, {}]);
      names = `"${key}"`; // zod: Unrecognized key: "<key>"
      // JSON.stringify skips a "__proto__" set this way; write it into the text instead.
      const text = key === "__proto__" ? JSON.stringify(doc).replace(/^\{/, '{"__proto__":{"role":"admin"},') : undefined;
      return done(`${where(p)} + ${JSON.stringify(key.slice(0, 20))}`, p.length === 0 ? text : undefined);
    }
    case "huge_string": {
      const p = field();
      setAt(doc, p, "x".repeat(g.int(1_001, 300_000)));
      at(p);
      return done(where(p));
    }
    case "huge_array": {
      const p = field();
      const n = g.int(1_000, 100_000);
      setAt(doc, p, new Array<Json>(n).fill(g.pick(["x", null, {}] as Json[])));
      at(p);
      return done(`${where(p)} (${n})`);
    }
    case "deep": {
      const p = field();
      const depth = g.int(65, 20_000);
      setAt(doc, p, DEEP);
      at(p);
      const nest = g.chance(0.5) ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
      return done(`${where(p)} (depth ${depth})`, JSON.stringify(doc).replace(JSON.stringify(DEEP), nest));
    }
    case "nul":
    case "lone_surrogate": {
      const bad = defect === "nul" ? "\u0000" : g.pick(["\ud800", "\udbff", "\udc00", "\udfff"]);
      const { strings, objects } = walk(doc);
      if (strings.length && g.chance(0.7)) {
        const p = g.pick(strings);
        const s = getAt(doc, p) as string;
        const i = g.int(0, s.length);
        setAt(doc, p, s.slice(0, i) + bad + s.slice(i));
        at(p);
        return done(`in the value at ${where(p)}`);
      }
      const p = g.pick(objects);
      (getAt(doc, p) as Record<string, Json>)[`k${bad}`] = 1;
      at(p);
      return done(`in a key under ${where(p)}`);
    }
    case "root": {
      const value = g.pick([[], 42, "text", null, true, {}, [shape.valid]] as Json[]);
      return done(JSON.stringify(value).slice(0, 40), JSON.stringify(value));
    }
    case "text": {
      const text = JSON.stringify(doc);
      const kind = g.cycle("text", ["bad_utf8", "truncated", "trailing", "empty"] as const);
      if (kind === "empty") return done(kind, g.pick(["", "  \n"]));
      if (kind === "truncated") return done(kind, text.slice(0, g.int(0, text.length - 1)));
      if (kind === "trailing") return done(kind, text + g.pick(["x", "}", ",", "[]", "\u0000"]));
      const bytes = encoder.encode(text);
      const bad = g.pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
      const i = g.int(0, bytes.length);
      return { bytes: new Uint8Array([...bytes.subarray(0, i), ...bad, ...bytes.subarray(i)]), note: `text bad_utf8 at ${i}` };
    }
  }
}
