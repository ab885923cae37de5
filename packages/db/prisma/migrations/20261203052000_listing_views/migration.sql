-- CreateTable
CREATE TABLE "ListingView" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "visitorId" UUID NOT NULL,
    "listingKey" TEXT NOT NULL,
    "lastRecordedAt" TIMESTAMP(3) NOT NULL,
    "recordedCount" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ListingView_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ListingView_tenantId_visitorId_listingKey_key" ON "ListingView"("tenantId", "visitorId", "listingKey");

-- AddForeignKey
ALTER TABLE "ListingView" ADD CONSTRAINT "ListingView_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ListingView" ADD CONSTRAINT "ListingView_tenantId_visitorId_fkey" FOREIGN KEY ("tenantId", "visitorId") REFERENCES "Visitor"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
