-- DropIndex
DROP INDEX "IngestionJob_tenantId_eventId_key";

-- AlterTable
ALTER TABLE "IngestionJob" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'website-event';

-- CreateTable
CREATE TABLE "JobEffect" (
    "tenantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobEffect_pkey" PRIMARY KEY ("tenantId","kind","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "IngestionJob_tenantId_kind_eventId_key" ON "IngestionJob"("tenantId", "kind", "eventId");

-- AddForeignKey
ALTER TABLE "JobEffect" ADD CONSTRAINT "JobEffect_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
