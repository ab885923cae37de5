// One page of a feed into the Listing table in one set-based statement: upsert by (tenantId,
// ListingKey), never older data over newer, and a ListingHistory row for every price or status
// that changed (or appeared), with the run's lease renewed, its cursor moved and its counters in
// the same statement. Records the feed marks "Delete" are removed with a history row.
import { onPooledConnection, pgPoolOf, type Db } from "@real-estate/db";
import { v7 as uuidv7 } from "uuid";
import type { MappedListing } from "../mapping/map-property";
import { FEED_LEASE_MS } from "./feed-lease";

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

/**
 * A page: $1 tenant, $2 feed, $3 the listings (JSON), $4 the lease's owner, $5 the lease's length
 * (ms), $6 and $7 the cursor (the page's last ModificationTimestamp and ListingKey), $8 now, $9 the
 * run, $10 and $11 the cursor the page follows. The feed's row is updated once (lease and cursor);
 * nothing else is written unless that update found the lease still this run's and the cursor
 * where this run's previous page left it.
 */
const PAGE_SQL = `
WITH lease AS (
  UPDATE "Feed" SET "leaseExpiresAt" = now() + ($5::int * interval '1 millisecond'), "cursorTimestamp" = $6::timestamp(3), "cursorKey" = $7::text,
    "updatedAt" = $8::timestamp(3)
  WHERE "tenantId" = $1::uuid AND "id" = $2::uuid AND "leaseOwner" = $4::text
    AND "cursorTimestamp" IS NOT DISTINCT FROM $10::timestamp(3) AND "cursorKey" IS NOT DISTINCT FROM $11::text
  RETURNING 1
),
incoming AS (
  SELECT * FROM jsonb_to_recordset($3::jsonb) AS r(${RECORD_TYPE}) WHERE EXISTS (SELECT 1 FROM lease)
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
),
run AS (
  UPDATE "FeedRun" SET "pages" = "pages" + 1, "upserted" = "upserted" + (SELECT count(*) FROM upserted)::int
  WHERE "tenantId" = $1::uuid AND "id" = $9::uuid AND EXISTS (SELECT 1 FROM lease)
)
SELECT EXISTS (SELECT 1 FROM lease) AS leased, (SELECT count(*) FROM upserted)::int AS upserted`;

const REMOVE_CTES = `
WITH gone AS (
  DELETE FROM "Listing" WHERE "tenantId" = $1::uuid AND "feedId" = $2::uuid AND "ListingKey" = ANY($3::text[])
  RETURNING "ListingKey", "StandardStatus"
),
history AS (
  INSERT INTO "ListingHistory" ("tenantId", "ListingKey", "feedId", "field", "oldValue", "newValue", "changedAt")
  SELECT $1::uuid, "ListingKey", $2::uuid, 'Removed', "StandardStatus", NULL, now() FROM gone
  RETURNING 1
)`;
const REMOVE_SQL = `${REMOVE_CTES}
SELECT (SELECT count(*) FROM gone)::int AS removed`;
/** A page's removals, counted on its run ($4), in the page's transaction after its upserts. */
const PAGE_REMOVE_SQL = `${REMOVE_CTES},
run AS (
  UPDATE "FeedRun" SET "removed" = "removed" + (SELECT count(*) FROM gone)::int WHERE "tenantId" = $1::uuid AND "id" = $4::uuid
)
SELECT (SELECT count(*) FROM gone)::int AS removed`;

export type PageRow = MappedListing & { townSlug: string | null };

/**
 * A page's listings as its statement takes them (the last record wins for a key sent twice),
 * made apart from the write so that the next page's can be made while this one is written.
 */
export function listingRowsJson(rows: PageRow[]): string {
  const byKey = new Map<string, PageRow>();
  for (const row of rows) byKey.set(row.ListingKey, row);
  return JSON.stringify([...byKey.values()].map((row) => ({ ...row, id: uuidv7() })));
}

export type ListingPage = {
  tenantId: string;
  feedId: string;
  runId: string;
  /** The run's lease owner: the page is written only while the lease is still this run's. */
  owner: string;
  /** From listingRowsJson. */
  rowsJson: string;
  /** Keys the feed marked "Delete". */
  deleted: string[];
  /** The page's last record, committed with it as the feed's cursor. */
  cursor: { timestamp: Date; key: string };
  /**
   * The cursor this page follows (the run's previous page, or where the run started): the page is
   * written only while the feed's cursor is still there.
   */
  after: { timestamp: Date | null; key: string | null };
};

/** Runs a statement on the page's transaction. */
type Query = <R>(sql: string, values: unknown[]) => Promise<R[]>;

async function writePage(query: Query, page: ListingPage): Promise<{ upserted: number; removed: number } | null> {
  const { tenantId, feedId } = page;
  const [head] = await query<{ leased: boolean; upserted: number }>(PAGE_SQL, [
    tenantId,
    feedId,
    page.rowsJson,
    page.owner,
    FEED_LEASE_MS,
    page.cursor.timestamp.toISOString(),
    page.cursor.key,
    new Date().toISOString(),
    page.runId,
    page.after.timestamp?.toISOString() ?? null,
    page.after.key,
  ]);
  if (!head?.leased) return null;
  let removed = 0;
  if (page.deleted.length > 0) {
    const [gone] = await query<{ removed: number }>(PAGE_REMOVE_SQL, [tenantId, feedId, page.deleted, page.runId]);
    removed = gone?.removed ?? 0;
  }
  return { upserted: head.upserted, removed };
}

/**
 * Writes one page of a run in one transaction: the lease renewed, the cursor moved, the listings
 * upserted with their history and the run's counters in one statement, then the page's removals
 * (when it has any). Null when another run has taken the feed, or when the feed's cursor is not
 * where this run's previous page left it: nothing is written.
 *
 * The cursor check (decision 0061) keeps a run from writing past pages whose commits were lost
 * while it ran (a failover to a standby that had not received them): it stops at its next page,
 * and the next run replays them from the last cursor the database kept.
 *
 * On a client made by createPrismaClient the transaction runs on node-postgres (pgPoolOf): a
 * page's rows are one parameter of a few megabytes, which Prisma's raw query serializes and
 * parses again before sending it. The statements are not named, so each page's is planned with
 * its values: as a named prepared statement the load was slower (bench/RESULTS.md). Any other
 * client runs the same statements in a Prisma transaction.
 */
export async function writeListingPage(db: Db, page: ListingPage): Promise<{ upserted: number; removed: number } | null> {
  const pool = pgPoolOf(db);
  if (!pool) return db.$transaction((tx) => writePage(<R>(sql: string, values: unknown[]) => tx.$queryRawUnsafe<R[]>(sql, ...values), page));
  return onPooledConnection(pool, async (client) => {
    await client.query("BEGIN");
    const written = await writePage(async <R>(text: string, values: unknown[]) => (await client.query({ text, values })).rows as R[], page);
    await client.query(written ? "COMMIT" : "ROLLBACK");
    return written;
  });
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
