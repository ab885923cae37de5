-- RESO OpenHouse records per feed, on their listing (removed with it), with their own replication
-- keyset on the feed. New feeds replicate OpenHouse by default. They replace the unused Listing.OpenHouses
-- JSON column.
-- AlterTable
ALTER TABLE "Feed" ADD COLUMN     "openHouseCursorKey" TEXT,
ADD COLUMN     "openHouseCursorTimestamp" TIMESTAMP(3),
ALTER COLUMN "resources" SET DEFAULT ARRAY['Property', 'Media', 'OpenHouse', 'Member', 'Office']::TEXT[];

-- AlterTable
ALTER TABLE "Listing" DROP COLUMN "OpenHouses";

-- CreateTable
CREATE TABLE "OpenHouse" (
    "tenantId" UUID NOT NULL,
    "feedId" UUID NOT NULL,
    "OpenHouseKey" TEXT NOT NULL,
    "ListingKey" TEXT NOT NULL,
    "OpenHouseId" TEXT,
    "OpenHouseStartTime" TIMESTAMP(3) NOT NULL,
    "OpenHouseEndTime" TIMESTAMP(3) NOT NULL,
    "OpenHouseRemarks" TEXT,
    "OpenHouseStatus" TEXT NOT NULL,
    "OpenHouseType" TEXT,
    "ModificationTimestamp" TIMESTAMP(3) NOT NULL,
    "feedExtras" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "OpenHouse_pkey" PRIMARY KEY ("tenantId","feedId","OpenHouseKey")
);

-- CreateIndex
CREATE INDEX "OpenHouse_tenantId_ListingKey_OpenHouseEndTime_idx" ON "OpenHouse"("tenantId", "ListingKey", "OpenHouseEndTime");

-- AddForeignKey
ALTER TABLE "OpenHouse" ADD CONSTRAINT "OpenHouse_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "OpenHouse" ADD CONSTRAINT "OpenHouse_tenantId_feedId_fkey" FOREIGN KEY ("tenantId", "feedId") REFERENCES "Feed"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "OpenHouse" ADD CONSTRAINT "OpenHouse_tenantId_ListingKey_fkey" FOREIGN KEY ("tenantId", "ListingKey") REFERENCES "Listing"("tenantId", "ListingKey") ON DELETE CASCADE ON UPDATE CASCADE;
