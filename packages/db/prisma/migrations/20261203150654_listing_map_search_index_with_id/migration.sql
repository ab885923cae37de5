-- DropIndex
DROP INDEX "Listing_map_search_idx";

-- CreateIndex
CREATE INDEX "Listing_map_search_idx" ON "Listing"("tenantId", "Latitude", "Longitude", "StandardStatus", "InternetEntireListingDisplayYN", "InternetAddressDisplayYN", "ListPrice", "BedroomsTotal", "BathroomsTotalInteger", "LivingArea", "LotSizeAcres", "YearBuilt", "OnMarketDate", "ModificationTimestamp", "ListingKey", "id");
