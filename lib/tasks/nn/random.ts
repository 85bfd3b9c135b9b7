/**
 * Seeded uniform numbers for sampling (sfc32 seeded through splitmix32). Sampling happens in
 * JS on probabilities read back from the backend, so a seed gives the same draws on every
 * backend and no backend needs a multinomial kernel.
 */
export type Random = () => number;

export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/**
 * Draws one index from `probs[offset .. offset + n)` (a row of a softmax), or the argmax when
 * `greedy`. Probabilities need not sum exactly to 1.
 */
export function drawIndex(probs: Float32Array, offset: number, n: number, rand: Random, greedy: boolean): number {
  if (greedy) {
    let best = 0;
    for (let i = 1; i < n; i++) if ((probs[offset + i] as number) > (probs[offset + best] as number)) best = i;
    return best;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += probs[offset + i] as number;
  let u = rand() * total;
  for (let i = 0; i < n; i++) {
    u -= probs[offset + i] as number;
    if (u < 0) return i;
  }
  // Rounding left u >= 0: fall back to the last index with mass.
  for (let i = n - 1; i >= 0; i--) if ((probs[offset + i] as number) > 0) return i;
  return n - 1;
}
