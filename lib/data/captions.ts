/**
 * Reference captions. Each scene gets 5..7 captions, each from a different template
 * (full list, spatial relation, count, classes only, colours, scenery first, size,
 * per-object location), with phrasing variants inside templates, so references agree
 * on content but differ in wording, as COCO's five human captions do. CIDEr-D then
 * rewards a candidate for the specific content the references share.
 */
import type { Layout } from "./background";
import {
  bareName,
  countedPhrase,
  describeAll,
  groupBy,
  joinAnd,
  nounFor,
  numberWord,
  positionWords,
  relation,
  verbFor,
  withArticle,
  type CaptionObject,
} from "./caption-words";
import { emptyCaptions, locationPhrase, sceneNoun, wherePhrase } from "./caption-scenery";
import type { Rng } from "./rng";

/** Input of the caption grammar. */
export interface CaptionInput {
  objects: readonly CaptionObject[];
  layout: Layout;
  size: number;
}

type Template = (input: CaptionInput, rng: Rng) => string | null;

const REL_WORDS = {
  left: ["to the left of", "left of"],
  right: ["to the right of", "right of"],
  above: ["above", "over"],
  below: ["below", "under"],
} as const;
const INVERSE = { left: "right", right: "left", above: "below", below: "above" } as const;

/** T2: one object's place in the frame, or a relation between two objects. */
const spatial: Template = ({ objects, size }, rng) => {
  const only = objects[0];
  if (objects.length === 1 && only) {
    const pos = positionWords(only.bbox, size);
    const where = pos === "middle" ? "in the middle" : rng.pick([`in the ${pos}`, `near the ${pos}`]);
    return `${withArticle(bareName(only))} ${where} of the ${rng.pick(["image", "picture"])}`;
  }
  const pairs: [CaptionObject, CaptionObject][] = [];
  objects.forEach((a, i) => objects.slice(i + 1).forEach((b) => pairs.push([a, b])));
  const distinct = pairs.filter(([a, b]) => bareName(a) !== bareName(b) && relation(a.bbox, b.bbox));
  const usable = distinct.length > 0 ? distinct : pairs.filter(([a, b]) => relation(a.bbox, b.bbox));
  if (usable.length === 0) return null;
  const [a, b] = rng.pick(usable);
  const rel = relation(a.bbox, b.bbox);
  if (!rel) return null;
  // Two objects that look alike read "a red circle left of another red circle".
  const same = bareName(a) === bareName(b);
  const [firstA, laterA] = [withArticle(bareName(a)), same ? `another ${bareName(a)}` : withArticle(bareName(a))];
  const [firstB, laterB] = [withArticle(bareName(b)), same ? `another ${bareName(b)}` : withArticle(bareName(b))];
  switch (rng.int(3)) {
    case 0:
      return `${firstA} ${rng.pick(REL_WORDS[rel])} ${laterB}`;
    case 1:
      return `${firstA} is ${rng.pick(REL_WORDS[rel])} ${laterB}`;
    default:
      return `${firstB} ${rng.pick(REL_WORDS[INVERSE[rel]])} ${laterA}`;
  }
};

/** T3: how many shapes. */
const count: Template = ({ objects, layout }, rng) => {
  const n = objects.length;
  const noun = nounFor(n, rng.pick(["shape", "object"]));
  const where = wherePhrase(layout, rng);
  return rng.chance(1, 2)
    ? `there ${n === 1 ? "is" : "are"} ${numberWord(n)} ${noun} ${where}`
    : `${numberWord(n)} ${noun} ${where}`;
};

/** T4: classes without colours. */
const classes: Template = ({ objects, layout }, rng) => {
  const list = describeAll(objects, false);
  const where = wherePhrase(layout, rng);
  return rng.chance(1, 2) ? `there ${verbFor(objects, false)} ${list} ${where}` : `${list} ${where}`;
};

/** T5: colours without classes. */
const colours: Template = ({ objects, layout }, rng) => {
  const names = [...new Set(objects.map((o) => o.colorName))];
  const where = wherePhrase(layout, rng);
  if (objects.length === 1) return `a single ${names[0] ?? ""} shape ${where}`;
  if (names.length === 1) return `${numberWord(objects.length)} ${names[0] ?? ""} shapes ${where}`;
  return `${joinAnd(names)} shapes ${where}`;
};

/** T6: scenery first. */
const scenery: Template = ({ objects, layout }, rng) =>
  `${sceneNoun(layout, rng)} with ${describeAll(objects, true)}`;

/** T7: sizes: the largest and the smallest object, or one object's size. */
const sizes: Template = ({ objects, layout, size }, rng) => {
  const sorted = [...objects].sort((p, q) => q.area - p.area);
  const big = sorted[0];
  const small = sorted[sorted.length - 1];
  if (!big || !small) return null;
  if (objects.length === 1) {
    const share = (big.area * 100) / (size * size);
    const adj = share >= 8 ? rng.pick(["large", "big"]) : share < 3 ? rng.pick(["small", "tiny"]) : "medium sized";
    return `${withArticle(`${adj} ${bareName(big)}`)} ${wherePhrase(layout, rng)}`;
  }
  if (big.area === small.area) return null;
  return rng.chance(1, 2)
    ? `${withArticle(`${rng.pick(["large", "big"])} ${bareName(big)}`)} and ${withArticle(`small ${bareName(small)}`)}`
    : `the ${rng.pick(["biggest", "largest"])} shape is ${withArticle(bareName(big))}`;
};

/** T8: each object with the region it sits on, or "all three shapes are in the sky". */
const locations: Template = ({ objects }, rng) => {
  const first = objects[0];
  if (first && objects.length > 1 && objects.every((o) => o.stuff === first.stuff)) {
    const n = objects.length;
    const noun = `${n === 2 ? "both" : `all ${numberWord(n)}`} ${rng.pick(["shapes", "objects"])}`;
    return `${noun} are ${locationPhrase(first.stuff)}`;
  }
  const groups = groupBy(objects, (o) => `${bareName(o)} ${o.stuff}`);
  return joinAnd(
    groups.map((g) => `${countedPhrase(g.count, g.first.colorName, g.first.className)} ${locationPhrase(g.first.stuff)}`),
  );
};

const OPTIONAL: readonly Template[] = [spatial, count, classes, colours, scenery, sizes, locations];

/**
 * 5..7 distinct reference captions. The first always lists every object with its colour
 * and class plus the background, so every class present is named at least once.
 */
export function makeCaptions(input: CaptionInput, rng: Rng): string[] {
  const want = 5 + rng.int(3);
  let candidates: (string | null)[];
  if (input.objects.length === 0) {
    const [first, ...rest] = emptyCaptions(input.layout, rng);
    candidates = [first ?? null, ...rng.shuffle(rest)];
  } else {
    const first = `${describeAll(input.objects, true)} ${wherePhrase(input.layout, rng)}`;
    candidates = [first, ...rng.shuffle(OPTIONAL).map((t) => t(input, rng))];
  }
  const out: string[] = [];
  for (const c of candidates) if (c && !out.includes(c) && out.length < want) out.push(c);
  return out;
}
