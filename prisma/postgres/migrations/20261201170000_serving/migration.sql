-- AlterTable
ALTER TABLE "PredictionLog" ADD COLUMN     "error" TEXT,
ADD COLUMN     "keyHash" TEXT,
ADD COLUMN     "task" "Task";

-- CreateTable
CREATE TABLE "ServingModel" (
    "task" "Task" NOT NULL,
    "checkpointId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServingModel_pkey" PRIMARY KEY ("task")
);

-- CreateTable
CREATE TABLE "RequestWindow" (
    "key" TEXT NOT NULL,
    "windowStartedAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RequestWindow_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "PredictionLog_task_createdAt_idx" ON "PredictionLog"("task", "createdAt");

-- AddForeignKey
ALTER TABLE "ServingModel" ADD CONSTRAINT "ServingModel_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

