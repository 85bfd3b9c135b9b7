import type { Db, Prisma } from "../client";
import type { ComparisonPair, Task, Vote, VoteChoice } from "../generated/sqlite/client";
import { rethrowAsStudioError } from "./prisma-errors";

export async function createComparisonPair(
  db: Db,
  input: { task: Task; sceneSeed: number; aId: string; bId: string; outputA: Prisma.InputJsonValue; outputB: Prisma.InputJsonValue },
): Promise<ComparisonPair> {
  try {
    return await db.comparisonPair.create({ data: input });
  } catch (err) {
    rethrowAsStudioError(err, "comparison_pair", `the pair for scene ${input.sceneSeed}`);
  }
}

/** Records a rater's blind vote; voting twice on a pair is `conflict:vote`. */
export async function recordVote(
  db: Db,
  input: { pairId: string; raterId: string; choice: VoteChoice; aShownLeft: boolean; durationMs: number },
): Promise<Vote> {
  try {
    return await db.vote.create({ data: input });
  } catch (err) {
    rethrowAsStudioError(err, "vote", "a vote by this rater on this pair");
  }
}

/** The oldest pair (optionally of one task) that this rater has not voted on yet. */
export function nextPairForRater(db: Db, input: { raterId: string; task?: Task }): Promise<ComparisonPair | null> {
  return db.comparisonPair.findFirst({
    where: { ...(input.task ? { task: input.task } : {}), votes: { none: { raterId: input.raterId } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Vote tallies for checkpoint A against checkpoint B over all their pairs. */
export async function tallyVotes(db: Db, input: { aId: string; bId: string }): Promise<Record<VoteChoice, number>> {
  const rows = await db.vote.groupBy({
    by: ["choice"],
    where: { pair: { aId: input.aId, bId: input.bId } },
    _count: { _all: true },
  });
  const tally: Record<VoteChoice, number> = { a: 0, b: 0, tie: 0 };
  for (const r of rows) tally[r.choice] = r._count._all;
  return tally;
}
