/**
 * Colourfulness of Hasler & Süsstrunk, "Measuring colourfulness in natural images"
 * (Proc. SPIE 5007, Human Vision and Electronic Imaging VIII, 2003), their proposed metric:
 *   rg = R - G,  yb = (R + G) / 2 - B            (signed opponent channels, 0..255 scale)
 *   M  = sqrt(std_rg^2 + std_yb^2) + 0.3 * sqrt(mean_rg^2 + mean_yb^2)
 * with population statistics over all pixels. The reward of the colorization task in
 * Susano Pinto et al. (ICML 2023). Computed in float64 with numpy's two-pass formula
 * (`np.std` = sqrt(mean(|x - mean(x)|^2))) and compensated sums, so it agrees with
 * `np.std` / `np.mean` on the same data to ~1e-15 relative.
 */

/** Result of `colorfulness`. */
export interface Colorfulness {
  /** M = sigmaRgyb + 0.3 * muRgyb. */
  colorfulness: number;
  /** sqrt(std_rg^2 + std_yb^2), population std. */
  sigmaRgyb: number;
  /** sqrt(mean_rg^2 + mean_yb^2). */
  muRgyb: number;
}

/**
 * Neumaier's compensated sum, so the result is (almost always) the correctly rounded sum
 * and independent of summation order, like numpy's pairwise sum up to an ulp.
 */
class Sum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Throws unless `rgb` has shape [height, width, 3] with finite values in 0..255. */
export function checkRgb(rgb: ArrayLike<number>, width: number, height: number, name = "rgb"): void {
  if (!Number.isSafeInteger(width) || width <= 0 || !Number.isSafeInteger(height) || height <= 0) {
    throw new Error(`${name}: width ${width} and height ${height} must be positive integers`);
  }
  if (rgb?.length !== width * height * 3) {
    throw new Error(`${name}.length: ${rgb?.length} != width * height * 3 = ${width * height * 3}`);
  }
  for (let i = 0; i < rgb.length; i++) {
    const v = rgb[i] as number;
    // Written so that NaN fails too.
    if (!(v >= 0 && v <= 255)) throw new Error(`${name}[${i}]: ${v} is not a finite value in 0..255`);
  }
}

/**
 * Hasler & Süsstrunk colourfulness of one image.
 * @param rgb shape [height, width, 3], row-major, values 0..255 (e.g. a Uint8Array).
 */
export function colorfulness(rgb: ArrayLike<number>, width: number, height: number): Colorfulness {
  checkRgb(rgb, width, height);
  const n = width * height;
  // Pass 1: means.
  const sumRg = new Sum();
  const sumYb = new Sum();
  for (let i = 0; i < 3 * n; i += 3) {
    const r = rgb[i] as number;
    const g = rgb[i + 1] as number;
    const b = rgb[i + 2] as number;
    sumRg.add(r - g);
    sumYb.add(0.5 * (r + g) - b);
  }
  const meanRg = sumRg.value / n;
  const meanYb = sumYb.value / n;
  // Pass 2: population variances around the means, as np.var (ddof = 0).
  const ssRg = new Sum();
  const ssYb = new Sum();
  for (let i = 0; i < 3 * n; i += 3) {
    const r = rgb[i] as number;
    const g = rgb[i + 1] as number;
    const b = rgb[i + 2] as number;
    const dRg = r - g - meanRg;
    const dYb = 0.5 * (r + g) - b - meanYb;
    ssRg.add(dRg * dRg);
    ssYb.add(dYb * dYb);
  }
  const stdRg = Math.sqrt(ssRg.value / n);
  const stdYb = Math.sqrt(ssYb.value / n);
  // Same expression order as the usual numpy code: sqrt(a ** 2 + b ** 2), not Math.hypot.
  const sigmaRgyb = Math.sqrt(stdRg * stdRg + stdYb * stdYb);
  const muRgyb = Math.sqrt(meanRg * meanRg + meanYb * meanYb);
  return { colorfulness: sigmaRgyb + 0.3 * muRgyb, sigmaRgyb, muRgyb };
}
