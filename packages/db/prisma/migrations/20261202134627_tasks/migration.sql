-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('CALL', 'EMAIL', 'TEXT', 'SHOWING', 'OTHER');

-- AlterEnum
ALTER TYPE "ActivityType" ADD VALUE 'TASK_COMPLETED';

-- CreateTable
CREATE TABLE "Task" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "leadId" UUID,
    "kind" "TaskKind" NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "assignedMembershipId" UUID,
    "createdByUserId" TEXT,
    "completedAt" TIMESTAMP(3),
    "completedByUserId" TEXT,
    "remindedDueAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "Task_tenantId_assignedMembershipId_completedAt_dueAt_idx" ON "Task"("tenantId", "assignedMembershipId", "completedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Task_tenantId_leadId_dueAt_idx" ON "Task"("tenantId", "leadId", "dueAt");

-- CreateIndex
CREATE INDEX "Task_tenantId_contactId_dueAt_idx" ON "Task"("tenantId", "contactId", "dueAt");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_contactId_fkey" FOREIGN KEY ("tenantId", "contactId") REFERENCES "Contact"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_leadId_fkey" FOREIGN KEY ("tenantId", "leadId") REFERENCES "Lead"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_assignedMembershipId_fkey" FOREIGN KEY ("tenantId", "assignedMembershipId") REFERENCES "TenantMembership"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
