/**
 * Canonical byte serialisation of a scene, and the SHA-256 over a list of seeds that
 * pins the generator's output: equal hashes in Node and in the browser mean equal data.
 *
 * Layout (all integers little-endian; strings are u32 byte length + UTF-8):
 *   "SWv1", seed lo u32, seed hi u32, split u8 (0 none, 1 train, 2 val, 3 test),
 *   width u32, height u32, rgb bytes, gray bytes, segmentIds i32 x (w*h),
 *   segments: count u32, then per segment id i32, category_id i32, iscrowd u8,
 *     isthing u8, bbox 4 x i32, area i32,
 *   objects: count u32, then per object segmentId i32, categoryId i32, className str,
 *     colorName str, rgb 3 x u8, bbox 4 x i32, area i32,
 *   stuff: count u32, then per region segmentId i32, categoryId i32, name str, area i32,
 *   captions: count u32, then each str.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { generateScene } from "./scene";
import type { Scene, SceneOptions, Split } from "./types";

const SPLIT_CODE: Readonly<Record<Split, number>> = { train: 1, val: 2, test: 3 };

/** Growable little-endian byte writer. */
class Writer {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  private len = 0;
  private readonly text = new TextEncoder();

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void {
    this.reserve(1);
    this.view.setUint8(this.len, v);
    this.len += 1;
  }
  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.len, v, true);
    this.len += 4;
  }
  i32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.len, v, true);
    this.len += 4;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  str(s: string): void {
    const b = this.text.encode(s);
    this.u32(b.length);
    this.bytes(b);
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Canonical bytes of everything in a scene (pixels, panoptic map, labels, captions). */
export function sceneBytes(scene: Scene): Uint8Array {
  const w = new Writer();
  w.bytes(new Uint8Array([0x53, 0x57, 0x76, 0x31])); // "SWv1"
  w.u32(scene.seed >>> 0);
  w.u32(Math.floor(scene.seed / 4294967296) >>> 0);
  w.u8(scene.split === null ? 0 : SPLIT_CODE[scene.split]);
  w.u32(scene.width);
  w.u32(scene.height);
  w.bytes(scene.rgb);
  w.bytes(scene.gray);
  for (const id of scene.panoptic.segmentIds) w.i32(id);
  w.u32(scene.panoptic.segments.length);
  for (const s of scene.panoptic.segments) {
    w.i32(s.id);
    w.i32(s.category_id);
    w.u8(s.iscrowd);
    w.u8(s.isthing ? 1 : 0);
    for (const v of s.bbox) w.i32(v);
    w.i32(s.area);
  }
  w.u32(scene.objects.length);
  for (const o of scene.objects) {
    w.i32(o.segmentId);
    w.i32(o.categoryId);
    w.str(o.className);
    w.str(o.colorName);
    for (const v of o.rgb) w.u8(v);
    for (const v of o.bbox) w.i32(v);
    w.i32(o.area);
  }
  w.u32(scene.stuff.length);
  for (const s of scene.stuff) {
    w.i32(s.segmentId);
    w.i32(s.categoryId);
    w.str(s.name);
    w.i32(s.area);
  }
  w.u32(scene.captions.length);
  for (const c of scene.captions) w.str(c);
  return w.done();
}

/**
 * Hex SHA-256 over `sceneBytes(generateScene(seed, opts))` for each seed in order.
 * Pinned in tests as a regression check; compare it across engines to prove determinism.
 */
export function hashScenes(seeds: readonly number[], opts?: SceneOptions): string {
  const h = sha256.create();
  for (const seed of seeds) h.update(sceneBytes(generateScene(seed, opts)));
  return bytesToHex(h.digest());
}
