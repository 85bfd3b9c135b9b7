/**
 * The ShapeWorld category table and colour palette.
 *
 * Thing ids are 1..6 and stuff ids 7..11, stable across versions: metric files and
 * checkpoints refer to them by number.
 */
import type { Category, ColorName, Rgb, StuffName, ThingClass } from "./types";

/** Every object colour name, in a fixed order. */
export const COLOR_NAMES: readonly ColorName[] = [
  "red",
  "orange",
  "yellow",
  "green",
  "blue",
  "purple",
  "white",
];

/** Base RGB of each named colour (saturated, so objects stand out from muted stuff). */
export const PALETTE: Readonly<Record<ColorName, Rgb>> = {
  red: [214, 38, 38],
  orange: [240, 132, 24],
  yellow: [240, 212, 36],
  green: [40, 176, 64],
  blue: [36, 84, 222],
  purple: [146, 56, 196],
  white: [242, 242, 242],
};

/**
 * Colours each shape class may take. One entry = a fixed colour (the colour is implied
 * by the shape, so colorization has a right answer); several = ambiguous (grey values
 * do not determine the colour, so a colorization model has a real choice).
 */
export const COLOR_RULES: Readonly<Record<ThingClass, readonly ColorName[]>> = {
  circle: ["red", "orange", "yellow", "green", "blue", "purple", "white"],
  square: ["red", "orange", "green", "blue", "purple"],
  triangle: ["orange", "yellow", "green", "blue", "white"],
  diamond: ["yellow"],
  cross: ["red"],
  ring: ["blue", "purple", "white", "orange"],
};

/** Shape classes in id order (id = index + 1). */
export const THING_CLASSES: readonly ThingClass[] = [
  "circle",
  "square",
  "triangle",
  "diamond",
  "cross",
  "ring",
];

/** Stuff names in id order (id = THING_CLASSES.length + index + 1). */
export const STUFF_NAMES: readonly StuffName[] = ["sky", "wall", "grass", "water", "sand"];

const OVERLAY: Readonly<Record<ThingClass | StuffName, Rgb>> = {
  circle: [230, 25, 75],
  square: [60, 180, 75],
  triangle: [255, 225, 25],
  diamond: [0, 130, 200],
  cross: [245, 130, 48],
  ring: [145, 30, 180],
  sky: [70, 240, 240],
  wall: [128, 0, 0],
  grass: [170, 255, 195],
  water: [0, 0, 128],
  sand: [255, 215, 180],
};

/** Thing categories, ids 1..6, supercategory "shape". */
export const THING_CATEGORIES: readonly Category[] = THING_CLASSES.map((name, i) => ({
  id: i + 1,
  name,
  isthing: true,
  supercategory: "shape" as const,
  color: OVERLAY[name],
}));

/** Stuff categories, ids 7..11, supercategory "stuff". */
export const STUFF_CATEGORIES: readonly Category[] = STUFF_NAMES.map((name, i) => ({
  id: THING_CLASSES.length + i + 1,
  name,
  isthing: false,
  supercategory: "stuff" as const,
  color: OVERLAY[name],
}));

/** All categories, things first, in id order. */
export const CATEGORIES: readonly Category[] = [...THING_CATEGORIES, ...STUFF_CATEGORIES];

/** The category with this id, or undefined for an unknown id. */
export function categoryById(id: number): Category | undefined {
  return CATEGORIES[id - 1];
}

/** Category id of a shape class. */
export function thingId(name: ThingClass): number {
  return THING_CLASSES.indexOf(name) + 1;
}

/** Category id of a stuff name. */
export function stuffId(name: StuffName): number {
  return THING_CLASSES.length + STUFF_NAMES.indexOf(name) + 1;
}
