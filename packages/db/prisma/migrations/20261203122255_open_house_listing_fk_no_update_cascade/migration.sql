-- DropForeignKey
ALTER TABLE "OpenHouse" DROP CONSTRAINT "OpenHouse_tenantId_ListingKey_fkey";

-- AddForeignKey
ALTER TABLE "OpenHouse" ADD CONSTRAINT "OpenHouse_tenantId_ListingKey_fkey" FOREIGN KEY ("tenantId", "ListingKey") REFERENCES "Listing"("tenantId", "ListingKey") ON DELETE CASCADE ON UPDATE NO ACTION;
