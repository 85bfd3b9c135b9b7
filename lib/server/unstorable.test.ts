import { describe, expect, it } from "vitest";
import { findUnstorable, MAX_JSON_DEPTH, unstorableText } from "./unstorable";

describe("unstorableText", () => {
  it("refuses NUL and lone surrogates of either half, anywhere, and passes pairs and other text", () => {
    for (const s of ["\u0000", "a\u0000", "\ud800", "x\udbff", "\udc00y", "\udfff", "\ude00\ud83d"]) expect(unstorableText(s), JSON.stringify(s)).not.toBeNull();
    for (const s of ["", "plain", "\ud83d\ude00", "\uffff", "\u0001", "a\ud800\udc00b"]) expect(unstorableText(s), JSON.stringify(s)).toBeNull();
  });
});

describe("findUnstorable", () => {
  it("names the first value or key in document order", () => {
    expect(findUnstorable({ a: "ok", b: ["x", "y\u0000"], c: "\ud800" })).toEqual({ field: "b[1]", message: "NUL characters are not accepted" });
    expect(findUnstorable({ a: { "k\udc00": 1 } })).toMatchObject({ field: 'a["k\\udc00"]', message: expect.stringMatching(/^key: lone surrogates/) });
    expect(findUnstorable({ a: 1, b: [true, null, { c: "fine" }] })).toBeNull();
    expect(findUnstorable("\u0000")).toEqual({ field: "", message: "NUL characters are not accepted" });
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, and walks any depth without recursion`, () => {
    const nest = (depth: number) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown;
    expect(findUnstorable(nest(MAX_JSON_DEPTH))).toBeNull();
    expect(findUnstorable(nest(MAX_JSON_DEPTH + 1))?.message).toBe(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    expect(findUnstorable(nest(200_000))?.field).toBe(`${"[0]".repeat(MAX_JSON_DEPTH)}`);
  });
});
