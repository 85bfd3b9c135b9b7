import { z } from "zod";
import { PQStat } from "../metrics/panoptic-quality";
import { defineTerm } from "./define";

export const pqTerm = defineTerm({
  task: "panoptic",
  label: "Panoptic quality (per image)",
  description: "PQ (or SQ / RQ) of this image alone, panopticapi's pq_compute averaged over the classes present (All, Things or Stuff).",
  kind: "metric",
  direction: "maximize",
  range: [0, 1],
  params: z
    .object({ stat: z.enum(["PQ", "SQ", "RQ"]).default("PQ"), subset: z.enum(["All", "Things", "Stuff"]).default("All") })
    .strict(),
  score: (sample, target, params, ctx) => {
    const stat = new PQStat(ctx.panopticCategories).add(
      {
        id: 0,
        width: target.width,
        height: target.height,
        groundTruth: { segmentIds: target.segmentIds, segments: target.segments },
        prediction: { segmentIds: sample.output.segmentIds, segments: sample.output.segments },
      },
      "sample",
    );
    const result = stat.average()[params.subset];
    return { value: result[params.stat], aux: { classes: result.n } };
  },
});
