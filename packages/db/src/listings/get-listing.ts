import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { listingDetailSelect, toListingCard } from "./listing-select";

/** One listing of the tenant by its ListingKey; null when missing or another tenant's. */
export async function getListing(options: { tenantId: string; listingKey: string; db?: Db }) {
  const db = options.db ?? getDb();
  const row = await db.listing.findUnique({
    where: { tenantId_ListingKey: { tenantId: options.tenantId, ListingKey: options.listingKey } },
    select: listingDetailSelect,
  });
  if (!row) return null;
  return { ...toListingCard(row), ListingContractDate: row.ListingContractDate?.toISOString() ?? null };
}

export type TListingDetail = NonNullable<Awaited<ReturnType<typeof getListing>>>;
