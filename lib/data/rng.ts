/**
 * Seeded pseudo-random numbers for ShapeWorld.
 *
 * Everything here is 32-bit integer arithmetic (`Math.imul`, shifts, `>>> 0`) plus
 * exact divisions by powers of two, so a seed gives the same stream in every
 * JavaScript engine (Node, Chromium, Web Workers). Never use `Math.random` in lib/data.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from
 * PractRand), seeded through splitmix32 so that neighbouring seeds give unrelated streams.
 */

/** 2^32 as a number; dividing by it is exact in IEEE doubles. */
const TWO_32 = 4294967296;

/**
 * One step of splitmix32: advances `state` by the golden-ratio increment and returns
 * the mixed 32-bit output (unsigned) together with the new state.
 */
export function splitmix32(state: number): { value: number; state: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return { value: z >>> 0, state: next };
}

/**
 * sfc32 generator with a 128-bit state (a, b, c, counter).
 * `nextU32()` returns integers in [0, 2^32).
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds the four state words from one 32-bit seed via splitmix32, then warms up. */
  constructor(seed32: number) {
    let s = seed32 | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = splitmix32(s);
      words.push(r.value);
      s = r.state;
    }
    this.a = words[0] ?? 0;
    this.b = words[1] ?? 0;
    this.c = words[2] ?? 0;
    this.d = words[3] ?? 1;
    // sfc32's reference seeding discards the first outputs to decorrelate the state.
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** Next raw output, an unsigned 32-bit integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform integer in [0, n) for 1 <= n <= 2^21 (multiply-high, exact in doubles). */
  int(n: number): number {
    return Math.floor((this.nextU32() * n) / TWO_32);
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability num/den. */
  chance(num: number, den: number): boolean {
    return this.int(den) < num;
  }

  /** Uniform element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError("pick: items must be non-empty");
    return item;
  }

  /** Index drawn with probability proportional to the non-negative integer `weights`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.int(total);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Fisher-Yates shuffle into a new array. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}

/**
 * Independent stream `stream` for scene `seed` (a non-negative safe integer).
 * Both 32-bit halves of the seed are mixed in, so seeds above 2^32 stay distinct.
 * Separate streams keep layers independent: changing the caption grammar does not
 * move a single pixel.
 */
export function rngFor(seed: number, stream: number): Rng {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_32) >>> 0;
  let s = splitmix32(lo ^ Math.imul(stream + 1, 0x632be5ab)).value;
  s = splitmix32(s ^ hi).value;
  return new Rng(s);
}
