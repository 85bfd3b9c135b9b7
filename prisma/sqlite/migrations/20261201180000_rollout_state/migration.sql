-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Rollout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "candidateId" TEXT NOT NULL,
    "baselineId" TEXT NOT NULL,
    "guardrails" JSONB NOT NULL,
    "stageIndex" INTEGER NOT NULL DEFAULT 0,
    "stageStartedAt" DATETIME,
    "approvedStage" INTEGER,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "ownerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rollout_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Rollout_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Rollout_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Rollout" ("baselineId", "candidateId", "createdAt", "guardrails", "id", "name", "ownerId", "status", "task", "updatedAt") SELECT "baselineId", "candidateId", "createdAt", "guardrails", "id", "name", "ownerId", "status", "task", "updatedAt" FROM "Rollout";
DROP TABLE "Rollout";
ALTER TABLE "new_Rollout" RENAME TO "Rollout";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

