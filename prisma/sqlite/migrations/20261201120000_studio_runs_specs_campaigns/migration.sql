-- AlterTable
ALTER TABLE "Checkpoint" ADD COLUMN "step" INTEGER;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT NOT NULL DEFAULT 'runs',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComparisonCache" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "task" TEXT NOT NULL,
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "split" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "specHash" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComparisonCache_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Checkpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ComparisonCache_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Checkpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "votesPerPair" INTEGER NOT NULL DEFAULT 1,
    "ownerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Campaign_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Campaign_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Campaign_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RewardSpecVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "specId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RewardSpecVersion_specId_fkey" FOREIGN KEY ("specId") REFERENCES "RewardSpec" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RewardSpecVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Versions saved before content hashes existed get a unique placeholder (no route wrote any).
INSERT INTO "new_RewardSpecVersion" ("body", "createdAt", "createdById", "id", "specId", "version", "hash") SELECT "body", "createdAt", "createdById", "id", "specId", "version", 'legacy:' || "id" FROM "RewardSpecVersion";
DROP TABLE "RewardSpecVersion";
ALTER TABLE "new_RewardSpecVersion" RENAME TO "RewardSpecVersion";
CREATE UNIQUE INDEX "RewardSpecVersion_specId_version_key" ON "RewardSpecVersion"("specId", "version");
CREATE UNIQUE INDEX "RewardSpecVersion_specId_hash_key" ON "RewardSpecVersion"("specId", "hash");
CREATE TABLE "new_Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "task" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "source" TEXT NOT NULL DEFAULT 'tab',
    "name" TEXT NOT NULL DEFAULT '',
    "settings" JSONB NOT NULL,
    "backend" TEXT,
    "backendReason" TEXT,
    "error" TEXT,
    "baseUri" TEXT,
    "stepsDone" INTEGER NOT NULL DEFAULT 0,
    "evalMetric" TEXT,
    "bestEval" REAL,
    "baseEval" REAL,
    "heartbeatAt" DATETIME,
    "ownerId" TEXT NOT NULL,
    "baseCheckpointId" TEXT,
    "rewardSpecVersionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "Run_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Run_baseCheckpointId_fkey" FOREIGN KEY ("baseCheckpointId") REFERENCES "Checkpoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Run_rewardSpecVersionId_fkey" FOREIGN KEY ("rewardSpecVersionId") REFERENCES "RewardSpecVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Run" ("backend", "baseCheckpointId", "createdAt", "error", "finishedAt", "id", "kind", "ownerId", "rewardSpecVersionId", "settings", "startedAt", "status", "task") SELECT "backend", "baseCheckpointId", "createdAt", "error", "finishedAt", "id", "kind", "ownerId", "rewardSpecVersionId", "settings", "startedAt", "status", "task" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
CREATE INDEX "Run_ownerId_createdAt_idx" ON "Run"("ownerId", "createdAt");
CREATE TABLE "new_RunMetricPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "value" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RunMetricPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Points were one JSON row per (phase, step) and are now one row per (step, name); no route wrote
-- the old shape, so there is nothing to carry over.
DROP TABLE "RunMetricPoint";
ALTER TABLE "new_RunMetricPoint" RENAME TO "RunMetricPoint";
CREATE UNIQUE INDEX "RunMetricPoint_runId_step_name_key" ON "RunMetricPoint"("runId", "step", "name");
CREATE TABLE "new_Sample" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkpointId" TEXT,
    "runId" TEXT,
    "step" INTEGER,
    "sceneSeed" INTEGER NOT NULL,
    "output" JSONB NOT NULL,
    "rewards" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Sample_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Sample_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Sample" ("checkpointId", "createdAt", "id", "output", "rewards", "runId", "sceneSeed", "step") SELECT "checkpointId", "createdAt", "id", "output", "rewards", "runId", "sceneSeed", "step" FROM "Sample";
DROP TABLE "Sample";
ALTER TABLE "new_Sample" RENAME TO "Sample";
CREATE INDEX "Sample_checkpointId_sceneSeed_idx" ON "Sample"("checkpointId", "sceneSeed");
CREATE UNIQUE INDEX "Sample_runId_step_sceneSeed_key" ON "Sample"("runId", "step", "sceneSeed");
CREATE TABLE "new_ComparisonPair" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "task" TEXT NOT NULL,
    "sceneSeed" INTEGER NOT NULL,
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "outputA" JSONB,
    "outputB" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComparisonPair_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ComparisonPair_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ComparisonPair_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ComparisonPair" ("aId", "bId", "createdAt", "id", "outputA", "outputB", "sceneSeed", "task") SELECT "aId", "bId", "createdAt", "id", "outputA", "outputB", "sceneSeed", "task" FROM "ComparisonPair";
DROP TABLE "ComparisonPair";
ALTER TABLE "new_ComparisonPair" RENAME TO "ComparisonPair";
CREATE INDEX "ComparisonPair_aId_bId_sceneSeed_idx" ON "ComparisonPair"("aId", "bId", "sceneSeed");
CREATE UNIQUE INDEX "ComparisonPair_campaignId_sceneSeed_key" ON "ComparisonPair"("campaignId", "sceneSeed");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonCache_aId_bId_split_start_count_specHash_key" ON "ComparisonCache"("aId", "bId", "split", "start", "count", "specHash");

-- CreateIndex
CREATE INDEX "Campaign_ownerId_createdAt_idx" ON "Campaign"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Checkpoint_uri_key" ON "Checkpoint"("uri");

