-- AlterTable
ALTER TABLE "Rollout" ADD COLUMN     "approvedStage" INTEGER,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "stageIndex" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stageStartedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

