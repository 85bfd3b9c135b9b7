import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { generateScene, hashScenes, sceneBytes } from "./index";

/**
 * Regression pin: SHA-256 over sceneBytes of seeds 0..199 at size 32. Any change to the
 * generator's output changes it; update it only on purpose and say so in docs/DATA.md.
 */
const GOLDEN_0_199 = "2df96151250abce203577fad31648df6d318a9cf2abe105a3dd54eb1d838e28e";

describe("sceneBytes / hashScenes", () => {
  it("is deterministic: the same seed gives identical bytes", () => {
    for (const seed of [0, 1, 99_999, 2 ** 40 + 3]) {
      expect(sceneBytes(generateScene(seed))).toEqual(sceneBytes(generateScene(seed)));
    }
  });

  it("matches the pinned hash of seeds 0..199 at size 32", () => {
    expect(hashScenes(Array.from({ length: 200 }, (_, i) => i))).toBe(GOLDEN_0_199);
  });

  it("tells different seeds and sizes apart", () => {
    expect(hashScenes([1])).not.toBe(hashScenes([2]));
    expect(hashScenes([2 ** 32])).not.toBe(hashScenes([0]));
    expect(hashScenes([1], { size: 16 })).not.toBe(hashScenes([1]));
    expect(hashScenes([1, 2])).not.toBe(hashScenes([2, 1]));
  });

  it("hashes the concatenated bytes; the empty list is SHA-256 of nothing", () => {
    expect(hashScenes([])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const bytes = [3, 4].map((s) => sceneBytes(generateScene(s)));
    const joined = new Uint8Array(bytes.reduce((a, b) => a + b.length, 0));
    joined.set(bytes[0] ?? new Uint8Array(), 0);
    joined.set(bytes[1] ?? new Uint8Array(), bytes[0]?.length ?? 0);
    expect(hashScenes([3, 4])).toBe(bytesToHex(sha256(joined)));
  });

  it("starts with the documented header and covers pixels and the panoptic map", () => {
    const scene = generateScene(2 ** 32 + 5);
    const b = sceneBytes(scene);
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    expect(String.fromCharCode(...b.subarray(0, 4))).toBe("SWv1");
    expect([view.getUint32(4, true), view.getUint32(8, true)]).toEqual([5, 1]);
    expect(b[12]).toBe(0); // outside every split
    expect([view.getUint32(13, true), view.getUint32(17, true)]).toEqual([32, 32]);
    expect(b.subarray(21, 21 + 32 * 32 * 3)).toEqual(scene.rgb);
    const n = 32 * 32;
    expect(b.length).toBeGreaterThan(21 + 4 * n + 4 * n);
  });
});
