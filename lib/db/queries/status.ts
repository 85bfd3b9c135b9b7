import type { Db } from "../client";

export interface RecordCounts {
  users: number;
  rewardSpecs: number;
  checkpoints: number;
  runs: number;
  votes: number;
  rollouts: number;
}

/** How many of the main records the studio holds (home page, health check). */
export async function countRecords(db: Db): Promise<RecordCounts> {
  const [users, rewardSpecs, checkpoints, runs, votes, rollouts] = await Promise.all([
    db.user.count(),
    db.rewardSpec.count(),
    db.checkpoint.count(),
    db.run.count(),
    db.vote.count(),
    db.rollout.count(),
  ]);
  return { users, rewardSpecs, checkpoints, runs, votes, rollouts };
}
