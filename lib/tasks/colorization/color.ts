/**
 * Colour space and chroma bins of the colorization task.
 *
 * ShapeWorld's grey image is BT.601 luma, `floor((299 R + 587 G + 114 B + 500) / 1000)`, so the
 * model keeps that Y and predicts only chroma, in full-range BT.601 YCbCr (JFIF / ITU-T T.871):
 *   Y  =       0.299    R + 0.587    G + 0.114    B
 *   Cb = 128 - 0.168736 R - 0.331264 G + 0.5      B
 *   Cr = 128 + 0.5      R - 0.418688 G - 0.081312 B
 *   R = Y + 1.402 (Cr - 128),  G = Y - 0.344136 (Cb - 128) - 0.714136 (Cr - 128),  B = Y + 1.772 (Cb - 128)
 * (R, G, B then rounded and clamped to 0..255: a saturated chroma on a very dark or very light
 * grey leaves the sRGB gamut, and the clamp shifts that pixel's luminance.)
 *
 * Chroma is quantised on a square grid centred on neutral: `levels` steps of `step` per axis,
 * level q in -K..K (K = (levels - 1) / 2) standing for 128 + q * step; values beyond the grid
 * fall into its edge levels. Bin = (qCb + K) * levels + (qCr + K); the centre bin is grey. The
 * default 9 x 9 grid of step 24 has centres 128 + 24 q (q = -4..4) and covers 128 +- 108, which
 * holds every 2x2-block mean chroma in ShapeWorld (Cb 28..215, Cr 60..225 over 300 training
 * scenes). Quantising the ground truth on it and decoding keeps chroma fidelity 0.953 on 300 val
 * scenes (the ceiling for this output space; the grey image scores 0.843). Bin centres at the
 * mean chroma of training blocks would raise that to 0.961 but make grey no longer exactly grey.
 */

/** A square (Cb, Cr) quantisation grid; `levels` odd so that one bin is exactly grey. */
export interface ChromaGrid {
  levels: number;
  step: number;
}

export const DEFAULT_CHROMA_GRID: ChromaGrid = { levels: 9, step: 24 };

/** Number of chroma bins (categories per location). */
export const binCount = (g: ChromaGrid): number => g.levels * g.levels;

/** The grey bin: Cb = Cr = 128. */
export const neutralBin = (g: ChromaGrid): number => ((g.levels - 1) / 2) * (g.levels + 1);

/** BT.601 full-range chroma of one colour (0..255 scale), [Cb, Cr]. */
export function rgbToChroma(r: number, g: number, b: number): [number, number] {
  return [128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b];
}

/** BT.601 luma as ShapeWorld computes its grey image (integer). */
export function luma(r: number, g: number, b: number): number {
  return Math.floor((299 * r + 587 * g + 114 * b + 500) / 1000);
}

const clamp255 = (v: number): number => Math.min(255, Math.max(0, Math.round(v)));

/** YCbCr -> RGB, rounded and clamped to 0..255. */
export function ycbcrToRgb(y: number, cb: number, cr: number): [number, number, number] {
  const u = cb - 128;
  const v = cr - 128;
  return [clamp255(y + 1.402 * v), clamp255(y - 0.344136 * u - 0.714136 * v), clamp255(y + 1.772 * u)];
}

/** The bin holding chroma (cb, cr); outside the grid, the nearest edge bin. */
export function chromaToBin(cb: number, cr: number, grid: ChromaGrid = DEFAULT_CHROMA_GRID): number {
  const k = (grid.levels - 1) / 2;
  const q = (c: number) => Math.max(-k, Math.min(k, Math.round((c - 128) / grid.step))) + k;
  return q(cb) * grid.levels + q(cr);
}

/** The chroma a bin stands for (its centre), [Cb, Cr]. */
export function binToChroma(bin: number, grid: ChromaGrid = DEFAULT_CHROMA_GRID): [number, number] {
  const k = (grid.levels - 1) / 2;
  return [128 + (Math.floor(bin / grid.levels) - k) * grid.step, 128 + ((bin % grid.levels) - k) * grid.step];
}

/**
 * MLE targets of one image: for each `block` x `block` pixel block (raster order), the bin of the
 * block's mean chroma. rgb [size * size * 3] -> [(size / block)^2] bins.
 */
export function encodeChroma(rgb: ArrayLike<number>, size: number, block: number, grid: ChromaGrid = DEFAULT_CHROMA_GRID): Int32Array {
  const side = size / block;
  const bins = new Int32Array(side * side);
  for (let by = 0; by < side; by++) {
    for (let bx = 0; bx < side; bx++) {
      let cb = 0;
      let cr = 0;
      for (let dy = 0; dy < block; dy++) {
        for (let dx = 0; dx < block; dx++) {
          const p = ((by * block + dy) * size + bx * block + dx) * 3;
          const [u, v] = rgbToChroma(rgb[p] as number, rgb[p + 1] as number, rgb[p + 2] as number);
          cb += u;
          cr += v;
        }
      }
      bins[by * side + bx] = chromaToBin(cb / (block * block), cr / (block * block), grid);
    }
  }
  return bins;
}

/**
 * A colour image from the input grey and one chroma bin per block: Y = the grey pixel, (Cb, Cr) =
 * its block's bin centre. gray [size * size], bins [(size / block)^2] -> RGB [size * size * 3].
 */
export function decodeChroma(gray: ArrayLike<number>, bins: ArrayLike<number>, size: number, block: number, grid: ChromaGrid = DEFAULT_CHROMA_GRID): Uint8Array {
  const side = size / block;
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [cb, cr] = binToChroma(bins[Math.floor(y / block) * side + Math.floor(x / block)] as number, grid);
      rgb.set(ycbcrToRgb(gray[y * size + x] as number, cb, cr), (y * size + x) * 3);
    }
  }
  return rgb;
}

/**
 * Blocks of a decoded image that are not grey (some pixel with R != G or G != B): the number of
 * coloured chroma locations, so a collapse to grey shows in the logs.
 */
export function colouredBlocks(rgb: ArrayLike<number>, size: number, block: number): number {
  const side = size / block;
  let n = 0;
  for (let by = 0; by < side; by++) {
    for (let bx = 0; bx < side; bx++) {
      let coloured = false;
      for (let dy = 0; dy < block && !coloured; dy++) {
        for (let dx = 0; dx < block && !coloured; dx++) {
          const p = ((by * block + dy) * size + bx * block + dx) * 3;
          coloured = rgb[p] !== rgb[p + 1] || rgb[p + 1] !== rgb[p + 2];
        }
      }
      if (coloured) n++;
    }
  }
  return n;
}
