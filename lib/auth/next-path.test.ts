import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath (the sign-in page's ?next=)", () => {
  it.each(["/runs", "/data?split=test&page=2", "/runs#saved", "/a/b%20c"])("keeps the path %s", (p) => {
    expect(safeNextPath(p)).toBe(p);
  });

  it.each([
    ["a tab browsers drop (issue 9's probe)", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["a backslash", "/\\evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["javascript:", "javascript:alert(1)"],
    ["a space", "/ /evil.example"],
    ["the sign-in page itself", "/sign-in?next=/runs"],
    ["nothing", undefined],
  ])("sends %s home", (_, p) => {
    expect(safeNextPath(p)).toBe("/");
  });

  it("takes the first of repeated parameters", () => {
    expect(safeNextPath(["/runs", "//evil.example"])).toBe("/runs");
  });
});
