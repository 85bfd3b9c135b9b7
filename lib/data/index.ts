/**
 * ShapeWorld: seeded synthetic scenes with every label the four tasks need (captions,
 * boxes, a panoptic map, colour and grey pixels). Plain TypeScript with integer
 * arithmetic only, so a seed gives identical bytes in Node and in the browser.
 * Code outside lib/data imports only from here.
 */
export { CATEGORIES, COLOR_NAMES, STUFF_CATEGORIES, THING_CATEGORIES, categoryById } from "./categories";
export { generateScene, sceneAt } from "./scene";
export { captionMentions, captionWords, groundCaption, groundingShares, sumGroundings } from "./caption-grounding";
export type { CaptionGrounding, CaptionMention, GroundTruthObject } from "./caption-grounding";
export { hashScenes, sceneBytes } from "./serialize";
export { chunkedFingerprint, combineDigests, FINGERPRINT_MAX_PIXELS, fingerprintChunks, fingerprintChunkSize } from "./fingerprint";
export { SPLITS, seedAt, splitOfSeed } from "./splits";
export type {
  BBox,
  Category,
  ColorName,
  PanopticSegment,
  Rgb,
  Scene,
  SceneObject,
  SceneOptions,
  Split,
  StuffName,
  StuffRegion,
  ThingClass,
} from "./types";
