-- CreateTable
CREATE TABLE "CampaignRater" (
    "campaignId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "invitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("campaignId", "userId"),
    CONSTRAINT "CampaignRater_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignRater_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "aOnLeft" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Assignment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "ComparisonPair" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingImage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "png" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RatingImage_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "votesPerPair" INTEGER NOT NULL DEFAULT 1,
    "goldCount" INTEGER NOT NULL DEFAULT 0,
    "specVersionId" TEXT,
    "split" TEXT NOT NULL DEFAULT 'test',
    "ownerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "Campaign_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Campaign_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Campaign_specVersionId_fkey" FOREIGN KEY ("specVersionId") REFERENCES "RewardSpecVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Campaign_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Campaign" ("aId", "bId", "createdAt", "id", "instructions", "name", "ownerId", "status", "task", "updatedAt", "votesPerPair") SELECT "aId", "bId", "createdAt", "id", "instructions", "name", "ownerId", "status", "task", "updatedAt", "votesPerPair" FROM "Campaign";
DROP TABLE "Campaign";
ALTER TABLE "new_Campaign" RENAME TO "Campaign";
CREATE INDEX "Campaign_ownerId_createdAt_idx" ON "Campaign"("ownerId", "createdAt");
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
    "viewA" JSONB,
    "viewB" JSONB,
    "sceneImageId" TEXT,
    "rewardA" JSONB,
    "rewardB" JSONB,
    "gold" TEXT,
    "assigned" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComparisonPair_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ComparisonPair_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ComparisonPair_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ComparisonPair" ("aId", "bId", "campaignId", "createdAt", "id", "note", "outputA", "outputB", "sceneSeed", "task") SELECT "aId", "bId", "campaignId", "createdAt", "id", "note", "outputA", "outputB", "sceneSeed", "task" FROM "ComparisonPair";
DROP TABLE "ComparisonPair";
ALTER TABLE "new_ComparisonPair" RENAME TO "ComparisonPair";
CREATE INDEX "ComparisonPair_aId_bId_sceneSeed_idx" ON "ComparisonPair"("aId", "bId", "sceneSeed");
CREATE UNIQUE INDEX "ComparisonPair_campaignId_sceneSeed_key" ON "ComparisonPair"("campaignId", "sceneSeed");
CREATE TABLE "new_Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "aShownLeft" BOOLEAN NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "idempotencyKey" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vote_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Vote_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "ComparisonPair" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Vote_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Vote" ("aShownLeft", "choice", "createdAt", "durationMs", "id", "pairId", "raterId") SELECT "aShownLeft", "choice", "createdAt", "durationMs", "id", "pairId", "raterId" FROM "Vote";
DROP TABLE "Vote";
ALTER TABLE "new_Vote" RENAME TO "Vote";
CREATE UNIQUE INDEX "Vote_assignmentId_key" ON "Vote"("assignmentId");
CREATE INDEX "Vote_raterId_createdAt_idx" ON "Vote"("raterId", "createdAt");
CREATE UNIQUE INDEX "Vote_pairId_raterId_key" ON "Vote"("pairId", "raterId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

