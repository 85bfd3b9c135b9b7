/**
 * The studio's data layer: the only module that touches the database. Server-only.
 * Every query takes the client first and one object argument, and is named for what it does.
 */
import "server-only";
import { env } from "@/lib/env";
import { createDb, type Db } from "./client";

export { createDb, type Db, type Prisma } from "./client";
export { migrateDatabase, listMigrations } from "./migrate";
export { seedDemoData, DEMO_USERS } from "./seed";
export * from "./queries/users";
export * from "./queries/sessions";
export * from "./queries/api-tokens";
export * from "./queries/invites";
export * from "./queries/user-admin";
export * from "./queries/throttles";
export * from "./queries/reward-specs";
export * from "./queries/checkpoints";
export * from "./queries/runs";
export * from "./queries/run-reads";
export * from "./queries/rating";
export * from "./queries/comparison-cache";
export * from "./queries/campaigns";
export * from "./queries/rollouts";
export * from "./queries/serving";
export * from "./queries/status";
export type {
  User, Session, ApiToken, SignInThrottle, Invite, RewardSpec, RewardSpecVersion, Checkpoint, Run, RunMetricPoint, Sample, ComparisonPair, ComparisonCache, Campaign, Vote,
  Rollout, RolloutStage, RolloutEvent, PredictionLog,
} from "./generated/sqlite/client";
export type { Role, Task, RunKind, RunStatus, VoteChoice, RolloutStatus, RolloutStageName, CampaignStatus } from "./generated/sqlite/enums";

const globalForDb = globalThis as unknown as { rewardStudioDb?: Db };

/** The app's one Prisma client, for the database DATABASE_URL names (SQLite by default). */
export function db(): Db {
  globalForDb.rewardStudioDb ??= createDb(env().database);
  return globalForDb.rewardStudioDb;
}
