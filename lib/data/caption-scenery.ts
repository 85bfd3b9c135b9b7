/**
 * Background phrases for captions: where the shapes are ("on grass under a blue sky"),
 * the scene as a noun ("a grassy field under a blue sky"), where one object sits, and
 * the captions of an empty scene.
 */
import type { Layout } from "./background";
import type { Rng } from "./rng";
import type { StuffName } from "./types";

const WHERE_SINGLE: Readonly<Record<StuffName, readonly string[]>> = {
  sky: ["in the sky", "against a blue sky", "against the sky"],
  wall: ["in front of a wall", "against a brick wall", "in front of a brick wall"],
  grass: ["on the grass", "on a grassy field", "on green grass"],
  water: ["on the water", "floating on water", "on blue water"],
  sand: ["on the sand", "on a sandy beach", "on sand"],
};

// Two-region layouts only put sky or wall on top and grass, water or sand below; the
// other entries exist so every stuff has a phrase.
const WHERE_LOWER: Readonly<Record<StuffName, readonly string[]>> = {
  sky: ["in the sky"],
  wall: ["by a wall"],
  grass: ["on grass", "on the grass", "on a grassy field"],
  water: ["near water", "by the water", "near the water"],
  sand: ["on the sand", "on a beach", "on sand"],
};

const WHERE_UPPER: Readonly<Record<StuffName, readonly string[]>> = {
  sky: ["under a blue sky", "under the sky", "below the sky"],
  wall: ["in front of a wall", "by a brick wall", "below a wall"],
  grass: ["below the grass"],
  water: ["below the water"],
  sand: ["below the sand"],
};

const NOUN: Readonly<Record<StuffName, readonly string[]>> = {
  sky: ["a blue sky", "a clear sky"],
  wall: ["a brick wall", "a red brick wall"],
  grass: ["a grassy field", "a field of grass"],
  water: ["calm water", "a stretch of water"],
  sand: ["a sandy beach", "a stretch of sand"],
};

const LOCATION: Readonly<Record<StuffName, string>> = {
  sky: "in the sky",
  wall: "in front of the wall",
  grass: "on the grass",
  water: "on the water",
  sand: "on the sand",
};

/** Where the shapes are: "on the sand", "near water under the sky". */
export function wherePhrase(layout: Layout, rng: Rng): string {
  if (layout.lower === null) return rng.pick(WHERE_SINGLE[layout.upper]);
  return `${rng.pick(WHERE_LOWER[layout.lower])} ${rng.pick(WHERE_UPPER[layout.upper])}`;
}

/** The scene as a noun phrase: "a grassy field under a blue sky", "a brick wall". */
export function sceneNoun(layout: Layout, rng: Rng): string {
  if (layout.lower === null) return rng.pick(NOUN[layout.upper]);
  return `${rng.pick(NOUN[layout.lower])} ${rng.pick(WHERE_UPPER[layout.upper])}`;
}

/** Where one object sits: "in the sky", "on the grass". */
export function locationPhrase(stuff: StuffName): string {
  return LOCATION[stuff];
}

/** Every object-location phrase with its region, for reading captions back (lib/data/caption-grounding). */
export const LOCATION_PHRASES: readonly (readonly [StuffName, string])[] = Object.entries(LOCATION) as [StuffName, string][];

/** Stuff names present, lower region first: "grass and sky", "sand". */
function stuffList(layout: Layout): string {
  return layout.lower === null ? layout.upper : `${layout.lower} and ${layout.upper}`;
}

/** "field of grass", "stretch of water": the main region as a place. */
function place(name: StuffName): string {
  const places: Record<StuffName, string> = {
    sky: "sky",
    wall: "brick wall",
    grass: "field of grass",
    water: "stretch of water",
    sand: "beach",
  };
  return places[name];
}

/** Captions for a scene with no objects, one per template, in template order. */
export function emptyCaptions(layout: Layout, rng: Rng): string[] {
  const main = layout.lower ?? layout.upper;
  const above = layout.lower === null ? "" : ` ${rng.pick(WHERE_UPPER[layout.upper])}`;
  const names = stuffList(layout);
  return [
    `an empty ${place(main)}${above}`,
    `there are no shapes ${wherePhrase(layout, rng)}`,
    `no shapes just ${names}`,
    `${sceneNoun(layout, rng)} with nothing on it`,
    `a picture of ${sceneNoun(layout, rng)} and no objects`,
    `an image with no shapes only ${names}`,
    `a plain scene of ${main}${above}`,
  ];
}
