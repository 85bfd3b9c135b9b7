-- DropForeignKey
ALTER TABLE "RolloutEvent" DROP CONSTRAINT "RolloutEvent_rolloutId_fkey";

-- AddForeignKey
ALTER TABLE "RolloutEvent" ADD CONSTRAINT "RolloutEvent_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

