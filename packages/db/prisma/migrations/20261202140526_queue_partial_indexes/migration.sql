-- DropIndex
DROP INDEX "IngestionJob_deadLetteredAt_idx";

-- DropIndex
DROP INDEX "IngestionJob_status_leaseExpiresAt_idx";

-- DropIndex
DROP INDEX "IngestionJob_status_nextAttemptAt_idx";

-- DropIndex
DROP INDEX "IngestionJob_tenantId_status_idx";

-- CreateIndex
CREATE INDEX "IngestionJob_pending_nextAttemptAt_idx" ON "IngestionJob"("nextAttemptAt") WHERE (status = 'PENDING'::"JobStatus");

-- CreateIndex
CREATE INDEX "IngestionJob_processing_leaseExpiresAt_idx" ON "IngestionJob"("leaseExpiresAt") WHERE (status = 'PROCESSING'::"JobStatus");

-- CreateIndex
CREATE INDEX "IngestionJob_dead_deadLetteredAt_idx" ON "IngestionJob"("deadLetteredAt") WHERE (status = 'DEAD_LETTERED'::"JobStatus");

-- CreateIndex
CREATE INDEX "IngestionJob_held_redriveId_idx" ON "IngestionJob"("redriveId") WHERE ("redriveId" IS NOT NULL);
