/**
 * Small English grammar for captions: number words, plurals, articles, lists and
 * grouped object descriptions. Output is tokenised: lowercase words, single spaces,
 * no punctuation (the form CIDEr-D's tokenizer would produce).
 */
import type { BBox, ColorName, StuffName, ThingClass } from "./types";

/** What the caption grammar knows about one visible object. */
export interface CaptionObject {
  className: ThingClass;
  colorName: ColorName;
  bbox: BBox;
  area: number;
  /** The background region under most of the object's visible pixels. */
  stuff: StuffName;
}

/** Number words the grammar writes, by value. */
export const NUMBER_WORDS: readonly string[] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "one".."ten" for 0..10; digits beyond (never produced by the generator). */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** Plural of a noun: "crosses", "circles". */
export function plural(noun: string): string {
  return /(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

/** `noun` when n is 1, else its plural. */
export function nounFor(n: number, noun: string): string {
  return n === 1 ? noun : plural(noun);
}

/** Prefixes "a" or "an" by the first letter: "an orange circle", "a ring". */
export function withArticle(phrase: string): string {
  return /^[aeiou]/.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

/** "a", "a and b", "a b and c" (no commas: captions carry no punctuation). */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(" ")} and ${items[items.length - 1] ?? ""}`;
}

/** "a red circle" or "two red circles"; `adjectives` may be empty. */
export function countedPhrase(count: number, adjectives: string, noun: string): string {
  const head = adjectives ? `${adjectives} ${nounFor(count, noun)}` : nounFor(count, noun);
  return count === 1 ? withArticle(head) : `${numberWord(count)} ${head}`;
}

/** Colour and class of one object: "red circle". */
export function bareName(o: CaptionObject): string {
  return `${o.colorName} ${o.className}`;
}

/** Groups by `key` in order of first appearance, with counts. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): { key: string; count: number; first: T }[] {
  const groups: { key: string; count: number; first: T }[] = [];
  for (const item of items) {
    const k = key(item);
    const g = groups.find((x) => x.key === k);
    if (g) g.count++;
    else groups.push({ key: k, count: 1, first: item });
  }
  return groups;
}

/**
 * Every object, grouped: "two red circles and a blue square" (withColor) or
 * "two circles and a square" (class only).
 */
export function describeAll(objects: readonly CaptionObject[], withColor: boolean): string {
  const groups = withColor
    ? groupBy(objects, bareName).map((g) => countedPhrase(g.count, g.first.colorName, g.first.className))
    : groupBy(objects, (o) => o.className).map((g) => countedPhrase(g.count, "", g.first.className));
  return joinAnd(groups);
}

/** "is" when the first group of a described list is singular, else "are". */
export function verbFor(objects: readonly CaptionObject[], withColor: boolean): string {
  const first = objects[0];
  if (!first) return "are";
  const key = withColor ? bareName(first) : first.className;
  const n = objects.filter((o) => (withColor ? bareName(o) : o.className) === key).length;
  return n === 1 ? "is" : "are";
}

/** Where an object sits in the image by thirds: "top left", "middle", "bottom". */
export function positionWords(bbox: BBox, size: number): string {
  const col = Math.floor((3 * (2 * bbox[0] + bbox[2])) / (2 * size)); // 0..2 from the centre x
  const row = Math.floor((3 * (2 * bbox[1] + bbox[3])) / (2 * size));
  const v = ["top", "", "bottom"][row] ?? "";
  const h = ["left", "", "right"][col] ?? "";
  return [v, h].filter(Boolean).join(" ") || "middle";
}

/**
 * Where B lies relative to A, from box centres: the larger of |dx| and |dy| decides.
 * @returns "left" when A is to the left of B, etc.; null when the centres coincide.
 */
export function relation(a: BBox, b: BBox): "left" | "right" | "above" | "below" | null {
  const dx = 2 * b[0] + b[2] - (2 * a[0] + a[2]);
  const dy = 2 * b[1] + b[3] - (2 * a[1] + a[3]);
  if (dx === 0 && dy === 0) return null;
  if (Math.abs(dx) >= Math.abs(dy)) return dx > 0 ? "left" : "right";
  return dy > 0 ? "above" : "below";
}
