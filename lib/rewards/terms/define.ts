import type { z } from "zod";
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
