-- CreateEnum
CREATE TYPE "RunSource" AS ENUM ('tab', 'cli');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('draft', 'open', 'closed');

-- AlterEnum
ALTER TYPE "RunStatus" ADD VALUE 'paused';

-- DropIndex
DROP INDEX "RunMetricPoint_runId_phase_step_key";

-- DropIndex
DROP INDEX "Sample_runId_step_idx";

-- DropIndex
DROP INDEX "ComparisonPair_aId_bId_sceneSeed_key";

-- AlterTable
-- Versions saved before content hashes existed get a unique placeholder (no route wrote any).
ALTER TABLE "RewardSpecVersion" ADD COLUMN     "hash" TEXT;
UPDATE "RewardSpecVersion" SET "hash" = 'legacy:' || "id";
ALTER TABLE "RewardSpecVersion" ALTER COLUMN "hash" SET NOT NULL;

-- AlterTable
ALTER TABLE "Checkpoint" ADD COLUMN     "step" INTEGER;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "backendReason" TEXT,
ADD COLUMN     "baseEval" DOUBLE PRECISION,
ADD COLUMN     "baseUri" TEXT,
ADD COLUMN     "bestEval" DOUBLE PRECISION,
ADD COLUMN     "evalMetric" TEXT,
ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "source" "RunSource" NOT NULL DEFAULT 'tab',
ADD COLUMN     "stepsDone" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
-- Points were one JSON row per (phase, step) and are now one row per (step, name); no route wrote
-- the old shape, so there is nothing to carry over.
DELETE FROM "RunMetricPoint";
ALTER TABLE "RunMetricPoint" DROP COLUMN "metrics",
DROP COLUMN "phase",
ADD COLUMN     "name" TEXT NOT NULL,
ADD COLUMN     "value" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Sample" ALTER COLUMN "checkpointId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "ComparisonPair" ADD COLUMN     "campaignId" TEXT,
ADD COLUMN     "note" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "outputA" DROP NOT NULL,
ALTER COLUMN "outputB" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT NOT NULL DEFAULT 'runs',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComparisonCache" (
    "id" TEXT NOT NULL,
    "task" "Task" NOT NULL,
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "split" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "specHash" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComparisonCache_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "task" "Task" NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'draft',
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "votesPerPair" INTEGER NOT NULL DEFAULT 1,
    "ownerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonCache_aId_bId_split_start_count_specHash_key" ON "ComparisonCache"("aId", "bId", "split", "start", "count", "specHash");

-- CreateIndex
CREATE INDEX "Campaign_ownerId_createdAt_idx" ON "Campaign"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RewardSpecVersion_specId_hash_key" ON "RewardSpecVersion"("specId", "hash");

-- CreateIndex
CREATE UNIQUE INDEX "Checkpoint_uri_key" ON "Checkpoint"("uri");

-- CreateIndex
CREATE UNIQUE INDEX "RunMetricPoint_runId_step_name_key" ON "RunMetricPoint"("runId", "step", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Sample_runId_step_sceneSeed_key" ON "Sample"("runId", "step", "sceneSeed");

-- CreateIndex
CREATE INDEX "ComparisonPair_aId_bId_sceneSeed_idx" ON "ComparisonPair"("aId", "bId", "sceneSeed");

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonPair_campaignId_sceneSeed_key" ON "ComparisonPair"("campaignId", "sceneSeed");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonCache" ADD CONSTRAINT "ComparisonCache_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Checkpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonCache" ADD CONSTRAINT "ComparisonCache_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Checkpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonPair" ADD CONSTRAINT "ComparisonPair_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

