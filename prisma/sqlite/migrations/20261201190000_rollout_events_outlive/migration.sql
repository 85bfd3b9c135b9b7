-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RolloutEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rolloutId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "stage" TEXT,
    "details" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RolloutEvent_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RolloutEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RolloutEvent" ("actorId", "createdAt", "details", "id", "rolloutId", "stage", "type") SELECT "actorId", "createdAt", "details", "id", "rolloutId", "stage", "type" FROM "RolloutEvent";
DROP TABLE "RolloutEvent";
ALTER TABLE "new_RolloutEvent" RENAME TO "RolloutEvent";
CREATE INDEX "RolloutEvent_rolloutId_createdAt_idx" ON "RolloutEvent"("rolloutId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

