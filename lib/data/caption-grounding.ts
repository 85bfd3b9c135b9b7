/**
 * Reads a caption back against the scene it describes: which of the scene's objects it names
 * with colour and class, which of its colour+class mentions are not in the scene, and whether
 * the counts it states are right. ShapeWorld knows every scene's truth, so these are exact.
 *
 * The words are the caption grammar's own (colour names, classes and their plurals, number
 * words, the size adjectives, the object-location phrases), so a phrase the grammar writes is
 * read as the grammar meant it; a test checks that every reference caption of the generator
 * reads back as true.
 *
 * A mention is a noun phrase whose head is a class ("circle", "crosses") or a generic noun
 * ("shape", "objects"), with what precedes it: a colour right before the head, size adjectives
 * before that, then a determiner. The determiner says how many objects the phrase names and
 * whether it states a count:
 *   - a number word ("two red crosses"; "one shape"), "both", "a single", "no": names and states that count;
 *   - "a", "an", "another", "the" or nothing: names one (at least two for a plural), states no count;
 *   - "nothing" and "empty" ("an empty beach") state that the scene has no objects.
 */
import { COLOR_NAMES, THING_CLASSES } from "./categories";
import { LOCATION_PHRASES } from "./caption-scenery";
import { NUMBER_WORDS, plural } from "./caption-words";
import type { ColorName, StuffName, ThingClass } from "./types";

/** What grounding needs of one object in the scene. */
export interface GroundTruthObject {
  className: ThingClass;
  colorName: ColorName;
  /** The region under the object (SceneObject.stuff); without it location phrases are not checked against regions. */
  stuff?: StuffName;
}

/** One noun phrase of a caption that talks about objects. */
export interface CaptionMention {
  /** Index of the head noun among the caption's words (or of "nothing" / "empty"). */
  at: number;
  colorName: ColorName | null;
  /** null for "shape" / "object": any class. */
  className: ThingClass | null;
  /** How many objects the phrase names: 2 for "two red circles", 1 for "a red circle", 0 for "no shapes". */
  named: number;
  /** The count the phrase states, or null where it states none (an article is not a count). */
  stated: number | null;
  /** The region an object-location phrase right after the head puts the objects on ("two red circles on the grass"). */
  stuff: StuffName | null;
}

const HEADS = new Map<string, { className: ThingClass | null; plural: boolean }>([
  ...THING_CLASSES.flatMap((c) => [[c, { className: c, plural: false }], [plural(c), { className: c, plural: true }]] as const),
  ...["shape", "object"].flatMap((g) => [[g, { className: null, plural: false }], [plural(g), { className: null, plural: true }]] as const),
]);
const COLORS = new Set<string>(COLOR_NAMES);
const SIZE_WORDS = new Set(["large", "big", "small", "tiny", "medium", "sized", "biggest", "largest"]);
const STATED_WORDS = new Map<string, number>([...NUMBER_WORDS.map((w, n) => [w, n] as const), ["both", 2], ["single", 1], ["no", 0]]);
/** Words that say the scene holds no objects at all. */
const NOTHING_WORDS = new Set(["nothing", "empty"]);
const LOCATIONS = LOCATION_PHRASES.map(([stuff, phrase]) => ({ stuff, words: phrase.split(" ") }));

/** The caption's words: lowercase, split on anything that is not a letter. */
export function captionWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z]+/).filter(Boolean);
}

function locationAt(words: readonly string[], i: number): StuffName | null {
  const hit = LOCATIONS.find((l) => l.words.every((w, k) => words[i + k] === w));
  return hit?.stuff ?? null;
}

/** Every mention of objects in `text`, in reading order. */
export function captionMentions(text: string): CaptionMention[] {
  const words = captionWords(text);
  const mentions: CaptionMention[] = [];
  words.forEach((word, at) => {
    if (NOTHING_WORDS.has(word)) {
      mentions.push({ at, colorName: null, className: null, named: 0, stated: 0, stuff: null });
      return;
    }
    const head = HEADS.get(word);
    if (!head) return;
    let j = at - 1;
    const colorName = COLORS.has(words[j] ?? "") ? (words[j--] as ColorName) : null;
    while (SIZE_WORDS.has(words[j] ?? "")) j--;
    const det = words[j] ?? "";
    const stated = STATED_WORDS.get(det) ?? null;
    // Without a count, a plural names at least two and anything else one.
    const named = stated ?? (head.plural ? 2 : 1);
    mentions.push({ at, colorName, className: head.className, named, stated, stuff: locationAt(words, at + 1) });
  });
  return mentions;
}

/** How a caption reads against its scene; every field a count, so corpora sum them. */
export interface CaptionGrounding {
  /** Objects in the scene. */
  objects: number;
  /** Of them, how many the caption names with their colour and class (per kind, at most the scene's count). */
  named: number;
  /** Objects the caption names with colour and class ("two red crosses" is two). */
  mentioned: number;
  /** Of those, how many are not in the scene: per kind, the named beyond the scene's count. */
  hallucinated: number;
  /** Counts the caption states. */
  stated: number;
  /** Of them, how many are right. */
  rightCounts: number;
}

const matches = (o: GroundTruthObject, m: CaptionMention) =>
  (m.colorName === null || o.colorName === m.colorName) && (m.className === null || o.className === m.className);

/**
 * Grounds `text` in `objects`. A stated count is right when it equals the scene's objects of
 * that kind (colour and class as stated; "shapes" is any class), or, when an object-location
 * phrase follows, those of that kind on that region: "two red circles on the grass and a red
 * circle in the sky" states two right. (The grammar also ends whole lists with the same words
 * for where the group is, so either reading counts.)
 */
export function groundCaption(text: string, objects: readonly GroundTruthObject[]): CaptionGrounding {
  const mentions = captionMentions(text);
  const namedByKind = new Map<string, number>();
  for (const m of mentions) {
    if (m.colorName === null || m.className === null || m.named === 0) continue;
    const kind = `${m.colorName} ${m.className}`;
    namedByKind.set(kind, (namedByKind.get(kind) ?? 0) + m.named);
  }
  const trueByKind = new Map<string, number>();
  for (const o of objects) {
    const kind = `${o.colorName} ${o.className}`;
    trueByKind.set(kind, (trueByKind.get(kind) ?? 0) + 1);
  }
  let named = 0;
  let mentioned = 0;
  let hallucinated = 0;
  for (const [kind, n] of namedByKind) {
    const truth = trueByKind.get(kind) ?? 0;
    mentioned += n;
    named += Math.min(n, truth);
    hallucinated += Math.max(0, n - truth);
  }
  let stated = 0;
  let rightCounts = 0;
  for (const m of mentions) {
    if (m.stated === null) continue;
    stated++;
    const kind = objects.filter((o) => matches(o, m));
    const onRegion = m.stuff === null ? -1 : kind.filter((o) => o.stuff === m.stuff).length;
    if (m.stated === kind.length || m.stated === onRegion) rightCounts++;
  }
  return { objects: objects.length, named, mentioned, hallucinated, stated, rightCounts };
}

/** The three shares of a grounding (or of summed groundings): each a vacuous 1 or 0 where its denominator is 0. */
export function groundingShares(g: CaptionGrounding): { objectRecall: number; objectHallucination: number; countAccuracy: number } {
  return {
    objectRecall: g.objects === 0 ? 1 : g.named / g.objects,
    objectHallucination: g.mentioned === 0 ? 0 : g.hallucinated / g.mentioned,
    countAccuracy: g.stated === 0 ? 1 : g.rightCounts / g.stated,
  };
}

/** Field-wise sum of groundings: a corpus's counts. */
export function sumGroundings(gs: readonly CaptionGrounding[]): CaptionGrounding {
  const total: CaptionGrounding = { objects: 0, named: 0, mentioned: 0, hallucinated: 0, stated: 0, rightCounts: 0 };
  for (const g of gs) for (const k of Object.keys(total) as (keyof CaptionGrounding)[]) total[k] += g[k];
  return total;
}
