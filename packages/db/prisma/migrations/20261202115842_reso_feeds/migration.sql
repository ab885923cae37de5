-- AlterTable
ALTER TABLE "Listing" ADD COLUMN     "InternetAddressDisplayYN" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "InternetEntireListingDisplayYN" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "ListAgentKey" TEXT,
ADD COLUMN     "ListOfficeKey" TEXT,
ADD COLUMN     "LotSizeSquareFeet" DOUBLE PRECISION,
ADD COLUMN     "OnMarketDate" TIMESTAMP(3),
ADD COLUMN     "OpenHouses" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "feedExtras" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "feedId" UUID;

-- CreateTable
CREATE TABLE "ListingHistory" (
    "tenantId" UUID NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "ListingKey" TEXT NOT NULL,
    "feedId" UUID,
    "field" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListingHistory_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Feed" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "authKind" TEXT NOT NULL,
    "tokenUrl" TEXT,
    "clientId" TEXT,
    "secretCiphertext" TEXT NOT NULL,
    "secretHint" TEXT NOT NULL,
    "filter" TEXT,
    "resources" TEXT[] DEFAULT ARRAY['Property', 'Media', 'Member', 'Office']::TEXT[],
    "pageSize" INTEGER NOT NULL DEFAULT 200,
    "disclaimer" TEXT,
    "syncIntervalSeconds" INTEGER NOT NULL DEFAULT 300,
    "reconcileIntervalSeconds" INTEGER NOT NULL DEFAULT 86400,
    "status" TEXT NOT NULL DEFAULT 'active',
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastReconcileAt" TIMESTAMP(3),
    "cursorTimestamp" TIMESTAMP(3),
    "cursorKey" TEXT,
    "requestedKind" TEXT,
    "fullLoadStartedAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feed_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "FeedRun" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "feedId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "pages" INTEGER NOT NULL DEFAULT 0,
    "upserted" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "FeedRun_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "FeedOffice" (
    "tenantId" UUID NOT NULL,
    "feedId" UUID NOT NULL,
    "OfficeKey" TEXT NOT NULL,
    "OfficeName" TEXT NOT NULL,
    "OfficePhone" TEXT,
    "ModificationTimestamp" TIMESTAMP(3),

    CONSTRAINT "FeedOffice_pkey" PRIMARY KEY ("tenantId","feedId","OfficeKey")
);

-- CreateTable
CREATE TABLE "FeedMember" (
    "tenantId" UUID NOT NULL,
    "feedId" UUID NOT NULL,
    "MemberKey" TEXT NOT NULL,
    "MemberFullName" TEXT NOT NULL,
    "OfficeKey" TEXT,
    "ModificationTimestamp" TIMESTAMP(3),

    CONSTRAINT "FeedMember_pkey" PRIMARY KEY ("tenantId","feedId","MemberKey")
);

-- CreateIndex
CREATE INDEX "ListingHistory_tenantId_ListingKey_changedAt_idx" ON "ListingHistory"("tenantId", "ListingKey", "changedAt");

-- CreateIndex
CREATE INDEX "Feed_status_nextRunAt_idx" ON "Feed"("status", "nextRunAt");

-- CreateIndex
CREATE UNIQUE INDEX "Feed_tenantId_name_key" ON "Feed"("tenantId", "name");

-- CreateIndex
CREATE INDEX "FeedRun_tenantId_feedId_startedAt_idx" ON "FeedRun"("tenantId", "feedId", "startedAt");

-- CreateIndex
CREATE INDEX "Listing_tenantId_Latitude_Longitude_idx" ON "Listing"("tenantId", "Latitude", "Longitude");

-- CreateIndex
CREATE INDEX "Listing_tenantId_feedId_idx" ON "Listing"("tenantId", "feedId");

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_tenantId_feedId_fkey" FOREIGN KEY ("tenantId", "feedId") REFERENCES "Feed"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ListingHistory" ADD CONSTRAINT "ListingHistory_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Feed" ADD CONSTRAINT "Feed_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "FeedRun" ADD CONSTRAINT "FeedRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "FeedRun" ADD CONSTRAINT "FeedRun_tenantId_feedId_fkey" FOREIGN KEY ("tenantId", "feedId") REFERENCES "Feed"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "FeedOffice" ADD CONSTRAINT "FeedOffice_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "FeedOffice" ADD CONSTRAINT "FeedOffice_tenantId_feedId_fkey" FOREIGN KEY ("tenantId", "feedId") REFERENCES "Feed"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "FeedMember" ADD CONSTRAINT "FeedMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "FeedMember" ADD CONSTRAINT "FeedMember_tenantId_feedId_fkey" FOREIGN KEY ("tenantId", "feedId") REFERENCES "Feed"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
