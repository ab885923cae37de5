-- DropIndex
DROP INDEX "ListingHistory_tenantId_ListingKey_changedAt_idx";
