-- CreateTable
CREATE TABLE "ApiIdempotencyKey" (
    "tenantId" UUID NOT NULL,
    "principal" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "responseHeaders" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ApiIdempotencyKey_pkey" PRIMARY KEY ("tenantId","principal","key")
);

-- CreateIndex
CREATE INDEX "ApiIdempotencyKey_tenantId_createdAt_idx" ON "ApiIdempotencyKey"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "ApiIdempotencyKey" ADD CONSTRAINT "ApiIdempotencyKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
