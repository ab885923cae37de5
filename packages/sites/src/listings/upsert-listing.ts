import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";

export type ListingInput = Omit<Prisma.ListingUncheckedCreateInput, "tenantId" | "id" | "createdAt">;

/** Creates or replaces one listing of the tenant, keyed by ListingKey (a RESO feed's upsert). */
export async function upsertListing(options: { tenantId: string; listing: ListingInput; db?: Db }) {
  const db = options.db ?? getDb();
  const { tenantId, listing } = options;
  return db.listing.upsert({
    where: { tenantId_ListingKey: { tenantId, ListingKey: listing.ListingKey } },
    create: { ...listing, tenantId },
    update: listing,
    select: { id: true, ListingKey: true },
  });
}
