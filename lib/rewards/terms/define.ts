import type { z } from "zod";
import { groundCaption, type CaptionGrounding } from "@/lib/data";
import type { CaptionOutput, CaptionTarget } from "../task-types";
import type { TaskId } from "../task-types";
import type { TermDefinition } from "../types";

/** Identity with inference: lets each term file state its task and params schema once. */
export function defineTerm<T extends TaskId | "any", P extends z.ZodType>(def: TermDefinition<T, P>): TermDefinition<T, P> {
  return def;
}

/** The MLE model's output for a drift term, or an error naming what is missing. */
export function requireMle<O>(mle: O | undefined, term: string): O {
  if (mle === undefined) throw new Error(`term ${term} needs the MLE model's output on each sample (sample.mle)`);
  return mle;
}

/** How the caption reads against the scene's objects (lib/data's grounding), or an error naming what is missing. */
export function groundedCaption(output: CaptionOutput, target: CaptionTarget, term: string): CaptionGrounding {
  if (!target.objects) throw new Error(`term ${term} needs the scene's objects on each captioning target (target.objects: class, colour and region of each)`);
  return groundCaption(output.text, target.objects);
}
