// Set-based listing upsert: one INSERT ... SELECT over the whole batch, expanded in the database
// from a single JSON parameter (jsonb_to_recordset), with ON CONFLICT on (tenantId, ListingKey).
// One JSON parameter rather than one unnest() array per column keeps NULLs and types exact on
// both the pg and the PGlite adapters, and is just as set-based.
import { Prisma } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import type { ListingSeed } from "../factories/build-listing";
import { deterministicUuid } from "./deterministic-uuid";

/** Column name → SQL type of the record the JSON rows expand to (order = insert order). */
const COLUMNS: readonly (readonly [keyof ListingSeed, string])[] = [
  ["ListingKey", "text"],
  ["ListingId", "text"],
  ["StandardStatus", "text"],
  ["PropertyType", "text"],
  ["PropertySubType", "text"],
  ["ListPrice", "integer"],
  ["ClosePrice", "integer"],
  ["BedroomsTotal", "integer"],
  ["BathroomsTotalInteger", "integer"],
  ["LivingArea", "integer"],
  ["LotSizeAcres", "double precision"],
  ["YearBuilt", "integer"],
  ["UnparsedAddress", "text"],
  ["StreetNumber", "text"],
  ["StreetName", "text"],
  ["City", "text"],
  ["StateOrProvince", "text"],
  ["PostalCode", "text"],
  ["CountyOrParish", "text"],
  ["Latitude", "double precision"],
  ["Longitude", "double precision"],
  ["PublicRemarks", "text"],
  ["ListAgentFullName", "text"],
  ["ListOfficeName", "text"],
  ["DaysOnMarket", "integer"],
  ["ListingContractDate", "timestamp(3)"],
  ["ModificationTimestamp", "timestamp(3)"],
  ["Media", "jsonb"],
  ["townSlug", "text"],
  ["neighborhoodSlug", "text"],
  ["isSample", "boolean"],
];

const quoted = COLUMNS.map(([name]) => `"${name}"`);
const INSERT_COLUMNS = Prisma.raw(quoted.join(", "));
const RECORD_TYPE = Prisma.raw(COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(", "));
const SELECT_LIST = Prisma.raw(quoted.map((q) => `r.${q}`).join(", "));
const UPDATE_LIST = Prisma.raw(
  quoted
    .filter((q) => q !== `"ListingKey"`)
    .map((q) => `${q} = EXCLUDED.${q}`)
    .join(", "),
);

/**
 * Inserts or updates a tenant's listings in one statement; returns the number of rows written.
 * New rows get a stable id derived from (tenant, ListingKey); existing rows keep theirs.
 */
export async function upsertListings(db: Db, options: { tenantId: string; listings: readonly ListingSeed[] }): Promise<number> {
  if (options.listings.length === 0) return 0;
  // Dates serialise as ISO strings in UTC, which timestamp(3) stores as is (Prisma's convention).
  const rows = options.listings.map((l) => ({ ...l, id: deterministicUuid("listing", options.tenantId, l.ListingKey) }));
  return db.$executeRaw`
    INSERT INTO "Listing" ("tenantId", "id", ${INSERT_COLUMNS})
    SELECT ${options.tenantId}::uuid, r."id", ${SELECT_LIST}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("id" uuid, ${RECORD_TYPE})
    ON CONFLICT ("tenantId", "ListingKey") DO UPDATE SET ${UPDATE_LIST}`;
}
