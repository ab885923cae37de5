// One page of a feed into the Listing table in one set-based statement: upsert by (tenantId,
// ListingKey), never older data over newer, and a ListingHistory row for every price or status
// that changed (or appeared). Records the feed marks "Delete" are removed with a history row.
import type { Db } from "@real-estate/db";
import { v7 as uuidv7 } from "uuid";
import type { MappedListing } from "../mapping/map-property";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

const COLUMNS: [name: keyof MappedListing | "id" | "townSlug", type: string][] = [
  ["id", "uuid"],
  ["ListingKey", "text"],
  ["ListingId", "text"],
  ["StandardStatus", "text"],
  ["PropertyType", "text"],
  ["PropertySubType", "text"],
  ["ListPrice", "int"],
  ["ClosePrice", "int"],
  ["BedroomsTotal", "int"],
  ["BathroomsTotalInteger", "int"],
  ["LivingArea", "int"],
  ["LotSizeAcres", "float8"],
  ["LotSizeSquareFeet", "float8"],
  ["YearBuilt", "int"],
  ["UnparsedAddress", "text"],
  ["StreetNumber", "text"],
  ["StreetName", "text"],
  ["City", "text"],
  ["StateOrProvince", "text"],
  ["PostalCode", "text"],
  ["CountyOrParish", "text"],
  ["Latitude", "float8"],
  ["Longitude", "float8"],
  ["PublicRemarks", "text"],
  ["ListAgentFullName", "text"],
  ["ListOfficeName", "text"],
  ["ListAgentKey", "text"],
  ["ListOfficeKey", "text"],
  ["DaysOnMarket", "int"],
  ["ListingContractDate", "timestamp(3)"],
  ["OnMarketDate", "timestamp(3)"],
  ["ModificationTimestamp", "timestamp(3)"],
  ["InternetEntireListingDisplayYN", "boolean"],
  ["InternetAddressDisplayYN", "boolean"],
  ["Media", "jsonb"],
  ["feedExtras", "jsonb"],
  ["townSlug", "text"],
];
const q = (name: string) => `"${name}"`;
const RECORD_TYPE = COLUMNS.map(([n, t]) => `${q(n)} ${t}`).join(", ");
const INSERT_COLUMNS = COLUMNS.map(([n]) => q(n)).join(", ");
const UPDATE_SET = COLUMNS.filter(([n]) => n !== "id" && n !== "ListingKey")
  .map(([n]) => `${q(n)} = EXCLUDED.${q(n)}`)
  .join(", ");

const UPSERT_SQL = `
WITH incoming AS (
  SELECT * FROM jsonb_to_recordset($3::jsonb) AS r(${RECORD_TYPE})
),
previous AS (
  SELECT l."ListingKey", l."ListPrice", l."StandardStatus", l."ModificationTimestamp"
  FROM "Listing" l JOIN incoming i ON i."ListingKey" = l."ListingKey"
  WHERE l."tenantId" = $1::uuid
),
upserted AS (
  INSERT INTO "Listing" ("tenantId", "feedId", "isSample", ${INSERT_COLUMNS})
  SELECT $1::uuid, $2::uuid, false, ${INSERT_COLUMNS} FROM incoming
  ON CONFLICT ("tenantId", "ListingKey") DO UPDATE SET "feedId" = EXCLUDED."feedId", "isSample" = false, ${UPDATE_SET}
  WHERE "Listing"."ModificationTimestamp" <= EXCLUDED."ModificationTimestamp"
  RETURNING "ListingKey"
),
history AS (
  INSERT INTO "ListingHistory" ("tenantId", "ListingKey", "feedId", "field", "oldValue", "newValue", "changedAt")
  SELECT $1::uuid, i."ListingKey", $2::uuid, c.field, c.old, c.new, i."ModificationTimestamp"
  FROM incoming i
  LEFT JOIN previous p ON p."ListingKey" = i."ListingKey"
  CROSS JOIN LATERAL (VALUES ('ListPrice', p."ListPrice"::text, i."ListPrice"::text), ('StandardStatus', p."StandardStatus", i."StandardStatus")) AS c(field, old, new)
  WHERE c.old IS DISTINCT FROM c.new AND (p."ModificationTimestamp" IS NULL OR p."ModificationTimestamp" < i."ModificationTimestamp")
  RETURNING 1
)
SELECT (SELECT count(*) FROM upserted)::int AS upserted, (SELECT count(*) FROM history)::int AS history`;

const REMOVE_SQL = `
WITH gone AS (
  DELETE FROM "Listing" WHERE "tenantId" = $1::uuid AND "feedId" = $2::uuid AND "ListingKey" = ANY($3::text[])
  RETURNING "ListingKey", "StandardStatus"
),
history AS (
  INSERT INTO "ListingHistory" ("tenantId", "ListingKey", "feedId", "field", "oldValue", "newValue", "changedAt")
  SELECT $1::uuid, "ListingKey", $2::uuid, 'Removed', "StandardStatus", NULL, now() FROM gone
  RETURNING 1
)
SELECT (SELECT count(*) FROM gone)::int AS removed`;

export type PageRow = MappedListing & { townSlug: string | null };

/** Upserts the page's listings (the last record wins for a key sent twice). */
export async function upsertListingPage(options: { tenantId: string; feedId: string; rows: PageRow[]; db: DbOrTx }): Promise<{ upserted: number }> {
  const byKey = new Map<string, PageRow>();
  for (const row of options.rows) byKey.set(row.ListingKey, row);
  if (byKey.size === 0) return { upserted: 0 };
  const json = JSON.stringify([...byKey.values()].map((row) => ({ ...row, id: uuidv7() })));
  const [result] = await options.db.$queryRawUnsafe<{ upserted: number }[]>(UPSERT_SQL, options.tenantId, options.feedId, json);
  return { upserted: result?.upserted ?? 0 };
}

/** Removes the feed's listings with these keys, recording each removal in the history. */
export async function removeFeedListings(options: { tenantId: string; feedId: string; keys: string[]; db: DbOrTx }): Promise<{ removed: number }> {
  if (options.keys.length === 0) return { removed: 0 };
  const [result] = await options.db.$queryRawUnsafe<{ removed: number }[]>(REMOVE_SQL, options.tenantId, options.feedId, options.keys);
  return { removed: result?.removed ?? 0 };
}

/** Removes the feed's listings whose keys the feed no longer has (reconciliation). */
export async function removeFeedListingsNotIn(options: { tenantId: string; feedId: string; keep: string[]; db: DbOrTx }): Promise<{ removed: number }> {
  const [result] = await options.db.$queryRawUnsafe<{ removed: number }[]>(
    REMOVE_SQL.replace(`"ListingKey" = ANY($3::text[])`, `NOT ("ListingKey" = ANY($3::text[]))`),
    options.tenantId,
    options.feedId,
    options.keep,
  );
  return { removed: result?.removed ?? 0 };
}
