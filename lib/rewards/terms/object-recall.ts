import { z } from "zod";
import { groundingShares } from "@/lib/data";
import { defineTerm, groundedCaption } from "./define";

export const objectRecallTerm = defineTerm({
  task: "captioning",
  label: "Object recall",
  description:
    "Share of the scene's objects the caption names with their colour and class (\"two red crosses\" names two; " +
    "\"a circle\" names none); 1 for a scene without objects. CIDEr-D can rise while captions name less: this shows it.",
  kind: "guardrail",
  direction: "maximize",
  range: [0, 1],
  params: z.object({}).strict(),
  score: (sample, target) => {
    const g = groundedCaption(sample.output, target, "object_recall");
    return { value: groundingShares(g).objectRecall, aux: { objects: g.objects, named: g.named } };
  },
});
