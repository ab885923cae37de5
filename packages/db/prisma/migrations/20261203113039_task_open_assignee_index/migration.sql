-- DropIndex
DROP INDEX "Task_tenantId_assignedMembershipId_completedAt_dueAt_idx";

-- DropIndex
DROP INDEX "Task_tenantId_contactId_dueAt_idx";

-- DropIndex
DROP INDEX "Task_tenantId_leadId_dueAt_idx";

-- CreateIndex
CREATE INDEX "Task_open_assignee_dueAt_id_idx" ON "Task"("tenantId", "assignedMembershipId", "dueAt", "id") WHERE ("completedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Task_tenantId_leadId_dueAt_id_idx" ON "Task"("tenantId", "leadId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Task_tenantId_contactId_dueAt_id_idx" ON "Task"("tenantId", "contactId", "dueAt", "id");
