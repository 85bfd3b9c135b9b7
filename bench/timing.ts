/** Timing helpers for `npm run bench`: warm up, repeat, report the median. */

export interface Timing {
  /** Median wall time of one repetition, ms. */
  ms: number;
  reps: number;
}

/** Runs `fn` once to warm up, then `reps` times; returns the median wall time. */
export function time(fn: () => unknown, reps = 5): Timing {
  fn();
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)] as number, reps };
}

/** A fixed-width table row. */
export function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 10) : String(c).padStart(widths[i] ?? 10))).join("  ");
}
