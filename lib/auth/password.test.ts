import { describe, expect, it } from "vitest";
import { hashPassword, verifyNoPassword, verifyPassword } from "./password";

describe("password hashing (scrypt)", () => {
  it("stores the parameters, a 16-byte salt and a 32-byte key", async () => {
    const stored = await hashPassword("studio-demo");
    const [scheme, N, r, p, salt, key] = stored.split("$");
    expect([scheme, N, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(Buffer.from(salt!, "base64url")).toHaveLength(16);
    expect(Buffer.from(key!, "base64url")).toHaveLength(32);
  });

  it("accepts the password and refuses any other", async () => {
    const stored = await hashPassword("studio-demo");
    expect(await verifyPassword("studio-demo", stored)).toBe(true);
    expect(await verifyPassword("studio-demo ", stored)).toBe(false);
    expect(await verifyPassword("Studio-demo", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts: the same password hashes differently each time, and both verify", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same", a)).toBe(true);
    expect(await verifyPassword("same", b)).toBe(true);
  });

  it("treats Unicode forms alike (NFKC), so a password typed on another keyboard still matches", async () => {
    const stored = await hashPassword("caf\u00e9");
    expect(await verifyPassword("cafe\u0301", stored)).toBe(true);
  });

  it("is false, not an exception, for malformed or absurd stored values", async () => {
    const good = await hashPassword("x");
    const parts = good.split("$");
    for (const bad of [
      "", "plain", "bcrypt$1$2$3$4$5", "scrypt$32768$8$1$$",
      ["scrypt", "1000", ...parts.slice(2)].join("$"), // N not a power of two
      ["scrypt", String(2 ** 30), ...parts.slice(2)].join("$"), // cost beyond the cap
      [...parts.slice(0, 5), Buffer.from("short").toString("base64url")].join("$"),
    ]) {
      expect(await verifyPassword("x", bad), bad).toBe(false);
    }
  });

  it("checks an unknown account in about the time of a real check, and says no", async () => {
    expect(await verifyNoPassword("anything")).toBe(false);
  });
});
