import { z } from "zod";
import { groundingShares } from "@/lib/data";
import { defineTerm, groundedCaption } from "./define";

export const objectHallucinationTerm = defineTerm({
  task: "captioning",
  label: "Object hallucination",
  description:
    "Share of the objects the caption names with colour and class that are not in the scene (\"three blue squares\" " +
    "where there are two: one of three); 0 when it names none. Use a negative weight.",
  kind: "guardrail",
  direction: "minimize",
  range: [0, 1],
  params: z.object({}).strict(),
  score: (sample, target) => {
    const g = groundedCaption(sample.output, target, "object_hallucination");
    return { value: groundingShares(g).objectHallucination, aux: { mentioned: g.mentioned, hallucinated: g.hallucinated } };
  },
});
