import { describe, expect, it } from "vitest";
import { defaultWasmThreads, planWasm } from "./wasm-plan";

describe("planWasm", () => {
  it("takes TF.js's default pool, half the logical cores, from 1 to 8", () => {
    expect([1, 2, 3, 4, 8, 16, 32].map(defaultWasmThreads)).toEqual([1, 1, 1, 2, 4, 8, 8]);
  });

  it("runs the SIMD binary when the pool would be one thread", () => {
    expect(planWasm({ simd: true, threadsSupported: true, cores: 2 })).toMatchObject({ binary: "SIMD", threads: 1 });
    expect(planWasm({ simd: true, threadsSupported: true, cores: 8, requested: 1 })).toMatchObject({ binary: "SIMD", threads: 1 });
  });

  it("runs the threaded-SIMD binary for two threads or more", () => {
    expect(planWasm({ simd: true, threadsSupported: true, cores: 8 })).toMatchObject({ binary: "threaded-SIMD", threads: 4 });
    expect(planWasm({ simd: true, threadsSupported: true, cores: 2, requested: 2 })).toMatchObject({ binary: "threaded-SIMD", threads: 2 });
  });

  it("caps an explicit pool at the logical cores and at 8", () => {
    expect(planWasm({ simd: true, threadsSupported: true, cores: 2, requested: 6 })).toMatchObject({ binary: "threaded-SIMD", threads: 2, note: "asked for 6, capped at 2" });
    expect(planWasm({ simd: true, threadsSupported: true, cores: 64, requested: 12 })).toMatchObject({ threads: 8 });
  });

  it("stays single-threaded without threads support or without SIMD, and says why", () => {
    expect(planWasm({ simd: true, threadsSupported: false, cores: 8, requested: 4 })).toMatchObject({ binary: "SIMD", threads: 1, note: expect.stringContaining("SharedArrayBuffer") });
    expect(planWasm({ simd: false, threadsSupported: true, cores: 8 })).toMatchObject({ binary: "plain", threads: 1, note: expect.stringContaining("SIMD") });
  });
});
