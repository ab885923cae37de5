-- CreateEnum
CREATE TYPE "ActionPlanStepKind" AS ENUM ('TASK', 'EMAIL');

-- CreateEnum
CREATE TYPE "LeadPlanStatus" AS ENUM ('ACTIVE', 'STOPPED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "LeadPlanStepStatus" AS ENUM ('PENDING', 'DONE', 'SKIPPED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "ActivityType" ADD VALUE 'ACTION_PLAN';

-- AlterTable
ALTER TABLE "RoutingRule" ADD COLUMN     "actionPlanId" UUID;

-- CreateTable
CREATE TABLE "ActionPlan" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdByUserId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionPlan_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ActionPlanStep" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "ActionPlanStepKind" NOT NULL,
    "taskKind" "TaskKind",
    "title" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "emailSubject" TEXT,
    "emailBody" TEXT,

    CONSTRAINT "ActionPlanStep_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "LeadPlan" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "leadId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "planName" TEXT NOT NULL,
    "status" "LeadPlanStatus" NOT NULL DEFAULT 'ACTIVE',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "startedByUserId" TEXT,
    "routingRuleId" UUID,
    "stoppedAt" TIMESTAMP(3),
    "stoppedByUserId" TEXT,
    "stoppedReason" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeadPlan_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "LeadPlanStep" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "leadPlanId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "ActionPlanStepKind" NOT NULL,
    "taskKind" "TaskKind",
    "title" TEXT NOT NULL,
    "emailSubject" TEXT,
    "emailBody" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "LeadPlanStepStatus" NOT NULL DEFAULT 'PENDING',
    "ranAt" TIMESTAMP(3),
    "taskId" UUID,
    "note" TEXT,

    CONSTRAINT "LeadPlanStep_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "ActionPlan_tenantId_name_idx" ON "ActionPlan"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ActionPlanStep_tenantId_planId_position_key" ON "ActionPlanStep"("tenantId", "planId", "position");

-- CreateIndex
CREATE INDEX "LeadPlan_tenantId_leadId_startedAt_idx" ON "LeadPlan"("tenantId", "leadId", "startedAt");

-- CreateIndex
CREATE INDEX "LeadPlan_tenantId_planId_status_idx" ON "LeadPlan"("tenantId", "planId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LeadPlanStep_tenantId_leadPlanId_position_key" ON "LeadPlanStep"("tenantId", "leadPlanId", "position");

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_tenantId_actionPlanId_fkey" FOREIGN KEY ("tenantId", "actionPlanId") REFERENCES "ActionPlan"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ActionPlan" ADD CONSTRAINT "ActionPlan_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ActionPlanStep" ADD CONSTRAINT "ActionPlanStep_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ActionPlanStep" ADD CONSTRAINT "ActionPlanStep_tenantId_planId_fkey" FOREIGN KEY ("tenantId", "planId") REFERENCES "ActionPlan"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "LeadPlan" ADD CONSTRAINT "LeadPlan_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "LeadPlan" ADD CONSTRAINT "LeadPlan_tenantId_leadId_fkey" FOREIGN KEY ("tenantId", "leadId") REFERENCES "Lead"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "LeadPlan" ADD CONSTRAINT "LeadPlan_tenantId_planId_fkey" FOREIGN KEY ("tenantId", "planId") REFERENCES "ActionPlan"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "LeadPlanStep" ADD CONSTRAINT "LeadPlanStep_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "LeadPlanStep" ADD CONSTRAINT "LeadPlanStep_tenantId_leadPlanId_fkey" FOREIGN KEY ("tenantId", "leadPlanId") REFERENCES "LeadPlan"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
