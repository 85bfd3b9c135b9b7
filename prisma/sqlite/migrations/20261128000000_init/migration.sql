-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'engineer',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RewardSpec" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RewardSpec_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RewardSpecVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "specId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RewardSpecVersion_specId_fkey" FOREIGN KEY ("specId") REFERENCES "RewardSpec" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RewardSpecVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Checkpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "architecture" TEXT NOT NULL,
    "uri" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "evalMetrics" JSONB,
    "parentId" TEXT,
    "producedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Checkpoint_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Checkpoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Checkpoint_producedById_fkey" FOREIGN KEY ("producedById") REFERENCES "Run" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "task" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "settings" JSONB NOT NULL,
    "backend" TEXT,
    "error" TEXT,
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

-- CreateTable
CREATE TABLE "RunMetricPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "phase" TEXT NOT NULL,
    "metrics" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RunMetricPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Sample" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkpointId" TEXT NOT NULL,
    "runId" TEXT,
    "step" INTEGER,
    "sceneSeed" INTEGER NOT NULL,
    "output" JSONB NOT NULL,
    "rewards" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Sample_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Sample_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComparisonPair" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "task" TEXT NOT NULL,
    "sceneSeed" INTEGER NOT NULL,
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "outputA" JSONB NOT NULL,
    "outputB" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComparisonPair_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ComparisonPair_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pairId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "aShownLeft" BOOLEAN NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vote_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "ComparisonPair" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Vote_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rollout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "candidateId" TEXT NOT NULL,
    "baselineId" TEXT NOT NULL,
    "guardrails" JSONB NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rollout_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Rollout_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Rollout_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RolloutStage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rolloutId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "trafficPercent" REAL NOT NULL,
    "gate" JSONB NOT NULL,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    CONSTRAINT "RolloutStage_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RolloutEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rolloutId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "stage" TEXT,
    "details" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RolloutEvent_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RolloutEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PredictionLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rolloutId" TEXT,
    "checkpointId" TEXT NOT NULL,
    "stage" TEXT,
    "shadow" BOOLEAN NOT NULL DEFAULT false,
    "requestId" TEXT NOT NULL,
    "sceneSeed" INTEGER,
    "output" JSONB NOT NULL,
    "metrics" JSONB,
    "latencyMs" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PredictionLog_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PredictionLog_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "RewardSpec_task_idx" ON "RewardSpec"("task");

-- CreateIndex
CREATE UNIQUE INDEX "RewardSpec_ownerId_name_key" ON "RewardSpec"("ownerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RewardSpecVersion_specId_version_key" ON "RewardSpecVersion"("specId", "version");

-- CreateIndex
CREATE INDEX "Checkpoint_task_idx" ON "Checkpoint"("task");

-- CreateIndex
CREATE INDEX "Run_ownerId_createdAt_idx" ON "Run"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RunMetricPoint_runId_phase_step_key" ON "RunMetricPoint"("runId", "phase", "step");

-- CreateIndex
CREATE INDEX "Sample_checkpointId_sceneSeed_idx" ON "Sample"("checkpointId", "sceneSeed");

-- CreateIndex
CREATE INDEX "Sample_runId_step_idx" ON "Sample"("runId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonPair_aId_bId_sceneSeed_key" ON "ComparisonPair"("aId", "bId", "sceneSeed");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_pairId_raterId_key" ON "Vote"("pairId", "raterId");

-- CreateIndex
CREATE UNIQUE INDEX "RolloutStage_rolloutId_position_key" ON "RolloutStage"("rolloutId", "position");

-- CreateIndex
CREATE INDEX "RolloutEvent_rolloutId_createdAt_idx" ON "RolloutEvent"("rolloutId", "createdAt");

-- CreateIndex
CREATE INDEX "PredictionLog_rolloutId_createdAt_idx" ON "PredictionLog"("rolloutId", "createdAt");

-- CreateIndex
CREATE INDEX "PredictionLog_checkpointId_createdAt_idx" ON "PredictionLog"("checkpointId", "createdAt");

