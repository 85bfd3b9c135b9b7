-- AlterTable
ALTER TABLE "PredictionLog" ADD COLUMN "error" TEXT;
ALTER TABLE "PredictionLog" ADD COLUMN "keyHash" TEXT;
ALTER TABLE "PredictionLog" ADD COLUMN "task" TEXT;

-- CreateTable
CREATE TABLE "ServingModel" (
    "task" TEXT NOT NULL PRIMARY KEY,
    "checkpointId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServingModel_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestWindow" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStartedAt" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "PredictionLog_task_createdAt_idx" ON "PredictionLog"("task", "createdAt");

