-- AlterEnum
ALTER TYPE "LeadPlanStatus" ADD VALUE 'PAUSED';

-- AlterTable
ALTER TABLE "LeadPlan" ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "pausedReason" TEXT;

-- AlterTable
ALTER TABLE "LeadPlanStep" ADD COLUMN     "rescheduled" INTEGER NOT NULL DEFAULT 0;
