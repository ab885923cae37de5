import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import type { Prisma } from "../generated/prisma/client";

export type TListingInput = Omit<Prisma.ListingUncheckedCreateInput, "tenantId" | "id" | "createdAt">;

/** Creates or replaces one listing of the tenant, keyed by ListingKey (a RESO feed's upsert). */
export async function upsertListing(options: { tenantId: string; listing: TListingInput; db?: Db }) {
  const db = options.db ?? getDb();
  const { tenantId, listing } = options;
  return db.listing.upsert({
    where: { tenantId_ListingKey: { tenantId, ListingKey: listing.ListingKey } },
    create: { ...listing, tenantId },
    update: listing,
    select: { id: true, ListingKey: true },
  });
}
