-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'engineer', 'rater');

-- CreateEnum
CREATE TYPE "Task" AS ENUM ('captioning', 'detection', 'panoptic', 'colorization');

-- CreateEnum
CREATE TYPE "RunKind" AS ENUM ('mle', 'reinforce');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('a', 'b', 'tie');

-- CreateEnum
CREATE TYPE "RolloutStatus" AS ENUM ('draft', 'active', 'paused', 'completed', 'rolled_back');

-- CreateEnum
CREATE TYPE "RolloutStageName" AS ENUM ('shadow', 'canary', 'full');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'engineer',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardSpec" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "task" "Task" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RewardSpec_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardSpecVersion" (
    "id" TEXT NOT NULL,
    "specId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RewardSpecVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Checkpoint" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "task" "Task" NOT NULL,
    "architecture" TEXT NOT NULL,
    "uri" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "evalMetrics" JSONB,
    "parentId" TEXT,
    "producedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Checkpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "task" "Task" NOT NULL,
    "kind" "RunKind" NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "settings" JSONB NOT NULL,
    "backend" TEXT,
    "error" TEXT,
    "ownerId" TEXT NOT NULL,
    "baseCheckpointId" TEXT,
    "rewardSpecVersionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunMetricPoint" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "phase" TEXT NOT NULL,
    "metrics" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunMetricPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sample" (
    "id" TEXT NOT NULL,
    "checkpointId" TEXT NOT NULL,
    "runId" TEXT,
    "step" INTEGER,
    "sceneSeed" INTEGER NOT NULL,
    "output" JSONB NOT NULL,
    "rewards" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComparisonPair" (
    "id" TEXT NOT NULL,
    "task" "Task" NOT NULL,
    "sceneSeed" INTEGER NOT NULL,
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "outputA" JSONB NOT NULL,
    "outputB" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComparisonPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "aShownLeft" BOOLEAN NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rollout" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "task" "Task" NOT NULL,
    "status" "RolloutStatus" NOT NULL DEFAULT 'draft',
    "candidateId" TEXT NOT NULL,
    "baselineId" TEXT NOT NULL,
    "guardrails" JSONB NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rollout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolloutStage" (
    "id" TEXT NOT NULL,
    "rolloutId" TEXT NOT NULL,
    "name" "RolloutStageName" NOT NULL,
    "position" INTEGER NOT NULL,
    "trafficPercent" DOUBLE PRECISION NOT NULL,
    "gate" JSONB NOT NULL,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "RolloutStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolloutEvent" (
    "id" TEXT NOT NULL,
    "rolloutId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "stage" "RolloutStageName",
    "details" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RolloutEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PredictionLog" (
    "id" TEXT NOT NULL,
    "rolloutId" TEXT,
    "checkpointId" TEXT NOT NULL,
    "stage" "RolloutStageName",
    "shadow" BOOLEAN NOT NULL DEFAULT false,
    "requestId" TEXT NOT NULL,
    "sceneSeed" INTEGER,
    "output" JSONB NOT NULL,
    "metrics" JSONB,
    "latencyMs" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PredictionLog_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "RewardSpec" ADD CONSTRAINT "RewardSpec_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardSpecVersion" ADD CONSTRAINT "RewardSpecVersion_specId_fkey" FOREIGN KEY ("specId") REFERENCES "RewardSpec"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardSpecVersion" ADD CONSTRAINT "RewardSpecVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Checkpoint" ADD CONSTRAINT "Checkpoint_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Checkpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Checkpoint" ADD CONSTRAINT "Checkpoint_producedById_fkey" FOREIGN KEY ("producedById") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_baseCheckpointId_fkey" FOREIGN KEY ("baseCheckpointId") REFERENCES "Checkpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_rewardSpecVersionId_fkey" FOREIGN KEY ("rewardSpecVersionId") REFERENCES "RewardSpecVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunMetricPoint" ADD CONSTRAINT "RunMetricPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sample" ADD CONSTRAINT "Sample_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sample" ADD CONSTRAINT "Sample_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonPair" ADD CONSTRAINT "ComparisonPair_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonPair" ADD CONSTRAINT "ComparisonPair_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "ComparisonPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rollout" ADD CONSTRAINT "Rollout_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rollout" ADD CONSTRAINT "Rollout_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rollout" ADD CONSTRAINT "Rollout_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutStage" ADD CONSTRAINT "RolloutStage_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutEvent" ADD CONSTRAINT "RolloutEvent_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutEvent" ADD CONSTRAINT "RolloutEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PredictionLog" ADD CONSTRAINT "PredictionLog_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PredictionLog" ADD CONSTRAINT "PredictionLog_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

