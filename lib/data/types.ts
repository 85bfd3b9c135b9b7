/**
 * Public types of ShapeWorld scenes. Conventions follow COCO: boxes are
 * `[x, y, w, h]` in pixels with (x, y) the top-left corner, and a pixel at column c
 * spans [c, c + 1); panoptic segments follow the COCO panoptic `segments_info` shape.
 */

/** A fixed, disjoint range of seeds (see `SPLITS`). */
export type Split = "train" | "val" | "test";

/** Shape classes (COCO "things"). */
export type ThingClass = "circle" | "square" | "triangle" | "diamond" | "cross" | "ring";

/** Background region classes (COCO "stuff"). */
export type StuffName = "sky" | "wall" | "grass" | "water" | "sand";

/** Named object colours; base RGB of each in `PALETTE` (categories.ts) and docs/DATA.md. */
export type ColorName = "red" | "orange" | "yellow" | "green" | "blue" | "purple" | "white";

/** An RGB triple, each channel 0..255. */
export type Rgb = readonly [number, number, number];

/** COCO box `[x, y, width, height]` in pixels. */
export type BBox = [number, number, number, number];

/** One entry of the category table. */
export interface Category {
  id: number;
  name: ThingClass | StuffName;
  isthing: boolean;
  supercategory: "shape" | "stuff";
  /** A distinct overlay colour for displays (not the colour the scene is drawn with). */
  color: Rgb;
}

/** Options shared by `generateScene`, `sceneAt` and `hashScenes`. */
export interface SceneOptions {
  /** Width and height in pixels, an integer in 16..256. Default 32. */
  size?: number;
}

/** A thing instance, in paint order (later objects occlude earlier ones). */
export interface SceneObject {
  segmentId: number;
  categoryId: number;
  className: ThingClass;
  colorName: ColorName;
  /** The object's base colour after per-object jitter, before shading and noise. */
  rgb: Rgb;
  /** Box of the VISIBLE pixels. */
  bbox: BBox;
  /** Number of visible pixels. */
  area: number;
  /**
   * The background region under most of the object's pixels, as the caption grammar names it
   * ("a red circle in the sky"). Not serialised: the captions it decides are.
   */
  stuff: StuffName;
}

/** A background region present in the scene. */
export interface StuffRegion {
  segmentId: number;
  categoryId: number;
  name: StuffName;
  area: number;
}

/** COCO panoptic `segments_info` entry. */
export interface PanopticSegment {
  id: number;
  category_id: number;
  iscrowd: 0;
  isthing: boolean;
  bbox: BBox;
  area: number;
}

/** One generated image with every label the four tasks need. */
export interface Scene {
  seed: number;
  /** The split whose seed range holds `seed`, or null outside all splits. */
  split: Split | null;
  width: number;
  height: number;
  /** Shape [height, width, 3], row-major, RGB. */
  rgb: Uint8Array;
  /** Shape [height, width], luma = floor((299 R + 587 G + 114 B + 500) / 1000). */
  gray: Uint8Array;
  objects: SceneObject[];
  stuff: StuffRegion[];
  panoptic: {
    /** Shape [height, width], row-major; every pixel holds a positive segment id. */
    segmentIds: Int32Array;
    segments: PanopticSegment[];
  };
  /** 5..7 tokenised reference captions: lowercase words joined by single spaces. */
  captions: string[];
}
