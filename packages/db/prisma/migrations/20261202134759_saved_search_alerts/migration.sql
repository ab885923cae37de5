-- CreateEnum
CREATE TYPE "SavedSearchAlertFrequency" AS ENUM ('OFF', 'INSTANT', 'DAILY');

-- AlterTable
ALTER TABLE "SavedSearch" ADD COLUMN     "alertBaselineAt" TIMESTAMP(3),
ADD COLUMN     "alertFrequency" "SavedSearchAlertFrequency" NOT NULL DEFAULT 'INSTANT',
ADD COLUMN     "lastAlertAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Visitor" ADD COLUMN     "emailToken" TEXT,
ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "VisitorToken" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "visitorId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitorToken_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "SavedSearchListing" (
    "tenantId" UUID NOT NULL,
    "savedSearchId" UUID NOT NULL,
    "listingKey" TEXT NOT NULL,
    "listPrice" INTEGER NOT NULL,
    "standardStatus" TEXT NOT NULL,
    "emailId" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearchListing_pkey" PRIMARY KEY ("tenantId","savedSearchId","listingKey")
);

-- CreateIndex
CREATE INDEX "VisitorToken_tenantId_visitorId_idx" ON "VisitorToken"("tenantId", "visitorId");

-- CreateIndex
CREATE UNIQUE INDEX "VisitorToken_tenantId_tokenHash_key" ON "VisitorToken"("tenantId", "tokenHash");

-- CreateIndex
CREATE INDEX "SavedSearch_tenantId_alertFrequency_idx" ON "SavedSearch"("tenantId", "alertFrequency");

-- CreateIndex
CREATE UNIQUE INDEX "Visitor_tenantId_emailToken_key" ON "Visitor"("tenantId", "emailToken");

-- AddForeignKey
ALTER TABLE "VisitorToken" ADD CONSTRAINT "VisitorToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "VisitorToken" ADD CONSTRAINT "VisitorToken_tenantId_visitorId_fkey" FOREIGN KEY ("tenantId", "visitorId") REFERENCES "Visitor"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "SavedSearchListing" ADD CONSTRAINT "SavedSearchListing_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "SavedSearchListing" ADD CONSTRAINT "SavedSearchListing_tenantId_savedSearchId_fkey" FOREIGN KEY ("tenantId", "savedSearchId") REFERENCES "SavedSearch"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
