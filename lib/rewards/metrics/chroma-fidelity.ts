/**
 * Chroma fidelity: a guardrail for colorization rewards. Colourfulness alone is maximised
 * by painting everything saturated; this checks that the colours stay those of the ground
 * truth. Colorization predicts the a*b* chroma of CIELAB given L*, and Zhang et al.
 * ("Colorful Image Colorization", ECCV 2016) score it by per-pixel L2 distance in a*b*;
 * we use the mean of that distance:
 *   chromaError    = mean over pixels of sqrt((a*_pred - a*_gt)^2 + (b*_pred - b*_gt)^2)
 *   chromaFidelity = 1 - chromaError / AB_DIAMETER,  in [0, 1]
 * where AB_DIAMETER ≈ 252.68 is the largest a*b* distance between two sRGB colours, so
 * 1 = identical chroma everywhere and 0 = every pixel as far off as sRGB allows.
 * Colour conversion: chroma-lab.ts (IEC 61966-2-1 sRGB, CIE 15:2004 CIELAB, D65).
 */
import { AB_DIAMETER, abDistance, srgbToLab } from "./chroma-lab";
import { checkRgb } from "./colorfulness";

export { AB_DIAMETER, srgbToLab } from "./chroma-lab";

/**
 * Mean a*b* distance between two images.
 * @param prediction, target shape [height, width, 3], row-major, values 0..255.
 * @returns mean per-pixel chroma error in CIELAB units (0..AB_DIAMETER).
 */
export function chromaError(
  prediction: ArrayLike<number>,
  target: ArrayLike<number>,
  width: number,
  height: number,
): number {
  checkRgb(prediction, width, height, "prediction");
  checkRgb(target, width, height, "target");
  let sum = 0;
  for (let i = 0; i < prediction.length; i += 3) {
    const p = srgbToLab(prediction[i] as number, prediction[i + 1] as number, prediction[i + 2] as number);
    const t = srgbToLab(target[i] as number, target[i + 1] as number, target[i + 2] as number);
    sum += abDistance(p, t);
  }
  return sum / (width * height);
}

/**
 * 1 - chromaError / AB_DIAMETER, clamped to [0, 1] (the diameter was found on the 8-bit
 * grid; non-integer inputs could in principle exceed it by a hair).
 * @param prediction, target shape [height, width, 3], row-major, values 0..255.
 */
export function chromaFidelity(
  prediction: ArrayLike<number>,
  target: ArrayLike<number>,
  width: number,
  height: number,
): number {
  return fidelityOfError(chromaError(prediction, target, width, height));
}

/** Chroma fidelity of an image's mean a*b* error: 1 - error / AB_DIAMETER, clamped to [0, 1]. */
export function fidelityOfError(meanError: number): number {
  return Math.min(1, Math.max(0, 1 - meanError / AB_DIAMETER));
}

/**
 * Chroma error split by what each pixel shows: the sum of per-pixel a*b* distances and the pixel
 * count for each category of a panoptic map ("is the sky still blue?"), and the sum over every
 * pixel (`total / (width * height)` is chromaError). Sums, so a corpus adds them up.
 * @param segmentIds [height * width] segment id per pixel; `categoryOf` maps a segment id to its category (pixels of unknown segments count only in `total`).
 */
export function chromaErrorByCategory(
  prediction: ArrayLike<number>,
  target: ArrayLike<number>,
  width: number,
  height: number,
  segmentIds: ArrayLike<number>,
  categoryOf: ReadonlyMap<number, number>,
): { total: number; byCategory: Map<number, { sum: number; pixels: number }> } {
  checkRgb(prediction, width, height, "prediction");
  checkRgb(target, width, height, "target");
  if (segmentIds.length !== width * height) throw new Error(`chromaErrorByCategory: ${segmentIds.length} segment ids for ${width}x${height} pixels`);
  const byCategory = new Map<number, { sum: number; pixels: number }>();
  let total = 0;
  for (let k = 0; k < width * height; k++) {
    const i = 3 * k;
    const p = srgbToLab(prediction[i] as number, prediction[i + 1] as number, prediction[i + 2] as number);
    const t = srgbToLab(target[i] as number, target[i + 1] as number, target[i + 2] as number);
    const d = abDistance(p, t);
    total += d;
    const cat = categoryOf.get(segmentIds[k] as number);
    if (cat === undefined) continue;
    const acc = byCategory.get(cat) ?? { sum: 0, pixels: 0 };
    acc.sum += d;
    acc.pixels++;
    byCategory.set(cat, acc);
  }
  return { total, byCategory };
}
