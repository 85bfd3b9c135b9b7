import { describe, expect, it } from "vitest";
import { combineDigests, FINGERPRINT_MAX_PIXELS, fingerprintChunks, fingerprintChunkSize } from "./fingerprint";

describe("the chunked determinism check", () => {
  it("cuts 200 scenes of size 32 into 12 chunks of 16 and one of 8; larger scenes into smaller chunks", () => {
    expect(FINGERPRINT_MAX_PIXELS).toBe(16_384);
    const chunks = fingerprintChunks(Array.from({ length: 200 }, (_, i) => i));
    expect(chunks.map((c) => c.length)).toEqual([...Array(12).fill(16), 8]);
    expect(chunks.flat()).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect([fingerprintChunkSize(64), fingerprintChunkSize(128), fingerprintChunkSize(256)]).toEqual([4, 1, 1]);
  });

  it("combines digests as SHA-256 over them joined by newlines", () => {
    // SHA-256("abc") (FIPS 180-2 B.1) and SHA-256("a\nb").
    expect(combineDigests(["abc"])).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(combineDigests(["a", "b"])).not.toBe(combineDigests(["b", "a"]));
  });
});
