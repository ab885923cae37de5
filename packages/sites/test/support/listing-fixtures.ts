import type { Db } from "@real-estate/db";
import { upsertListing, type ListingInput } from "../../src/listings";

let counter = 0;

/** A listing with sensible defaults; override any RESO field. */
export function listingInput(overrides: Partial<ListingInput> = {}): ListingInput {
  counter += 1;
  const key = overrides.ListingKey ?? `TEST-${String(counter).padStart(5, "0")}`;
  return {
    ListingKey: key,
    StandardStatus: "Active",
    PropertyType: "Residential",
    PropertySubType: "Single Family Residence",
    ListPrice: 500_000,
    BedroomsTotal: 3,
    BathroomsTotalInteger: 2,
    LivingArea: 2_000,
    UnparsedAddress: `${counter} Main Street`,
    City: "Fairfield",
    StateOrProvince: "CT",
    PostalCode: "06824",
    townSlug: "fairfield",
    ModificationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, counter)),
    Media: [{ url: `/media/listings/${key}/1.svg`, caption: "Front" }],
    isSample: true,
    ...overrides,
  };
}

export async function createListings(db: Db, tenantId: string, listings: Partial<ListingInput>[]) {
  for (const l of listings) await upsertListing({ tenantId, listing: listingInput(l), db });
}
