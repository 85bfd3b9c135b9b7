-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('open', 'voted', 'released');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "VoteChoice" ADD VALUE 'both_bad';
ALTER TYPE "VoteChoice" ADD VALUE 'skip';

-- DropForeignKey
ALTER TABLE "Vote" DROP CONSTRAINT "Vote_raterId_fkey";

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "goldCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "openedAt" TIMESTAMP(3),
ADD COLUMN     "specVersionId" TEXT,
ADD COLUMN     "split" TEXT NOT NULL DEFAULT 'test';

-- AlterTable
ALTER TABLE "ComparisonPair" ADD COLUMN     "assigned" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "gold" TEXT,
ADD COLUMN     "rewardA" JSONB,
ADD COLUMN     "rewardB" JSONB,
ADD COLUMN     "sceneImageId" TEXT,
ADD COLUMN     "viewA" JSONB,
ADD COLUMN     "viewB" JSONB;

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "assignmentId" TEXT NOT NULL,
ADD COLUMN     "comment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "idempotencyKey" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "CampaignRater" (
    "campaignId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignRater_pkey" PRIMARY KEY ("campaignId","userId")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "aOnLeft" BOOLEAN NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingImage" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "png" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CampaignRater_userId_idx" ON "CampaignRater"("userId");

-- CreateIndex
CREATE INDEX "Assignment_campaignId_raterId_status_idx" ON "Assignment"("campaignId", "raterId", "status");

-- CreateIndex
CREATE INDEX "Assignment_campaignId_status_expiresAt_idx" ON "Assignment"("campaignId", "status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_pairId_raterId_key" ON "Assignment"("pairId", "raterId");

-- CreateIndex
CREATE INDEX "RatingImage_campaignId_idx" ON "RatingImage"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_assignmentId_key" ON "Vote"("assignmentId");

-- CreateIndex
CREATE INDEX "Vote_raterId_createdAt_idx" ON "Vote"("raterId", "createdAt");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_specVersionId_fkey" FOREIGN KEY ("specVersionId") REFERENCES "RewardSpecVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRater" ADD CONSTRAINT "CampaignRater_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRater" ADD CONSTRAINT "CampaignRater_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "ComparisonPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingImage" ADD CONSTRAINT "RatingImage_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

