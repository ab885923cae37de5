// The feed's OpenHouse resource. Incremental by its own keyset (ModificationTimestamp,
// OpenHouseKey), each page written in one transaction with its cursor, like Property; deletions
// by reconciliation, which reads every open house of the feed (they are few next to listings),
// writes them again and removes the ones the feed no longer has. An open house is stored on its
// listing (a foreign key): one whose listing is not here is skipped, and the next reconciliation
// picks it up once the listing arrived. The feed's $filter is a Property filter and is not sent.
import type { Db } from "@real-estate/db";
import { FeedRequestError } from "../client/feed-errors";
import type { ResoClient, ResoPage } from "../client/reso-client";
import { mapOpenHouse, type MappedOpenHouse } from "../mapping/map-open-house";
import { renewFeedLease } from "./feed-lease";
import { keysetFilter, quoteODataString } from "./odata-text";
import type { DbOrTx } from "./write-listing-page";

const COLUMNS: [name: keyof MappedOpenHouse, type: string][] = [
  ["OpenHouseKey", "text"],
  ["ListingKey", "text"],
  ["OpenHouseId", "text"],
  ["OpenHouseStartTime", "timestamp(3)"],
  ["OpenHouseEndTime", "timestamp(3)"],
  ["OpenHouseRemarks", "text"],
  ["OpenHouseStatus", "text"],
  ["OpenHouseType", "text"],
  ["ModificationTimestamp", "timestamp(3)"],
  ["feedExtras", "jsonb"],
];
const q = (name: string) => `"${name}"`;
const NAMES = COLUMNS.map(([n]) => q(n)).join(", ");

const UPSERT_SQL = `
WITH incoming AS (
  SELECT * FROM jsonb_to_recordset($3::jsonb) AS r(${COLUMNS.map(([n, t]) => `${q(n)} ${t}`).join(", ")})
),
upserted AS (
  INSERT INTO "OpenHouse" ("tenantId", "feedId", ${NAMES})
  SELECT $1::uuid, $2::uuid, ${COLUMNS.map(([n]) => `i.${q(n)}`).join(", ")} FROM incoming i
  WHERE EXISTS (SELECT 1 FROM "Listing" l WHERE l."tenantId" = $1::uuid AND l."ListingKey" = i."ListingKey")
  ON CONFLICT ("tenantId", "feedId", "OpenHouseKey") DO UPDATE SET ${COLUMNS.filter(([n]) => n !== "OpenHouseKey")
    .map(([n]) => `${q(n)} = EXCLUDED.${q(n)}`)
    .join(", ")}
  WHERE "OpenHouse"."ModificationTimestamp" <= EXCLUDED."ModificationTimestamp"
    AND (${COLUMNS.map(([n]) => `"OpenHouse".${q(n)}`).join(", ")}) IS DISTINCT FROM (${COLUMNS.map(([n]) => `EXCLUDED.${q(n)}`).join(", ")})
  RETURNING 1
)
SELECT (SELECT count(*) FROM incoming i WHERE EXISTS (SELECT 1 FROM "Listing" l WHERE l."tenantId" = $1::uuid AND l."ListingKey" = i."ListingKey"))::int AS present,
       (SELECT count(*) FROM upserted)::int AS upserted`;

/**
 * Upserts a page of open houses (the last record wins for a key sent twice): `upserted` counts the
 * new and changed ones; `skipped` those whose listing is not here.
 */
export async function upsertOpenHousePage(options: {
  tenantId: string;
  feedId: string;
  rows: MappedOpenHouse[];
  db: DbOrTx;
}): Promise<{ upserted: number; skipped: number }> {
  const byKey = new Map<string, MappedOpenHouse>();
  for (const row of options.rows) byKey.set(row.OpenHouseKey, row);
  if (byKey.size === 0) return { upserted: 0, skipped: 0 };
  const [result] = await options.db.$queryRawUnsafe<{ present: number; upserted: number }[]>(
    UPSERT_SQL,
    options.tenantId,
    options.feedId,
    JSON.stringify([...byKey.values()]),
  );
  return { upserted: result?.upserted ?? 0, skipped: byKey.size - (result?.present ?? 0) };
}

export type OpenHouseProgress = {
  pages: number;
  upserted: number;
  skipped: number;
  removed: number;
  rejected: number;
  /** The server has no OpenHouse resource (404): nothing read, nothing removed, the run goes on. */
  unavailable?: boolean;
};

/** Many RESO servers publish no OpenHouse resource: a 404 on its first page means "none here". */
const isMissingResource = (error: unknown) => error instanceof FeedRequestError && error.options.status === 404;

/** Incremental replication of the feed's open houses from its OpenHouse cursor (reset on a full run). */
export async function replicateOpenHouses(options: {
  tenantId: string;
  feedId: string;
  owner: string;
  pageSize: number;
  client: ResoClient;
  db: Db;
  onLeaseLost: () => Error;
}): Promise<OpenHouseProgress> {
  const { tenantId, feedId, db } = options;
  const progress: OpenHouseProgress = { pages: 0, upserted: 0, skipped: 0, removed: 0, rejected: 0 };
  const feed = await db.feed.findUniqueOrThrow({
    where: { tenantId_id: { tenantId, id: feedId } },
    select: { openHouseCursorTimestamp: true, openHouseCursorKey: true },
  });
  let cursor = { timestamp: feed.openHouseCursorTimestamp, key: feed.openHouseCursorKey };
  for (;;) {
    const page = await options.client
      .get("OpenHouse", {
        $filter: keysetFilter(cursor, "OpenHouseKey") ?? undefined,
        $orderby: "ModificationTimestamp asc,OpenHouseKey asc",
        $top: String(options.pageSize),
      })
      .catch((error: unknown) => {
        if (progress.pages === 0 && isMissingResource(error)) return null;
        throw error;
      });
    if (!page) return { ...progress, unavailable: true };
    if (page.value.length === 0) break;
    const rows: MappedOpenHouse[] = [];
    let last: { timestamp: Date; key: string } | null = null;
    for (const record of page.value) {
      const mapped = mapOpenHouse(record);
      if (!mapped.ok) {
        progress.rejected++;
        continue;
      }
      rows.push(mapped.openHouse);
      last = { timestamp: new Date(mapped.openHouse.ModificationTimestamp), key: mapped.openHouse.OpenHouseKey };
    }
    if (!last) throw new Error("a whole page of open houses without keys or modification times");
    if (
      cursor.timestamp &&
      (last.timestamp < cursor.timestamp || (last.timestamp.getTime() === cursor.timestamp.getTime() && last.key <= (cursor.key ?? "")))
    ) {
      throw new Error("the feed does not honour $orderby/$filter on OpenHouse ModificationTimestamp; stopped to avoid a loop");
    }
    const next = last;
    const counts = await db.$transaction(async (tx) => {
      if (!(await renewFeedLease({ tenantId, feedId, owner: options.owner, db: tx }))) throw options.onLeaseLost();
      const written = await upsertOpenHousePage({ tenantId, feedId, rows, db: tx });
      await tx.feed.update({
        where: { tenantId_id: { tenantId, id: feedId } },
        data: { openHouseCursorTimestamp: next.timestamp, openHouseCursorKey: next.key },
      });
      return written;
    });
    progress.pages++;
    progress.upserted += counts.upserted;
    progress.skipped += counts.skipped;
    cursor = next;
    if (!page.nextLink && page.value.length < options.pageSize) break;
  }
  return progress;
}

const RECONCILE_PAGE = 1000;

/**
 * Reads every open house of the feed (keyset-paged by OpenHouseKey), writes them (which brings in
 * any skipped earlier for want of their listing) and removes the feed's open houses it no longer
 * has. Nothing is removed unless the whole list was read.
 */
export async function reconcileOpenHouses(options: { tenantId: string; feedId: string; client: ResoClient; db: Db }): Promise<OpenHouseProgress> {
  const { tenantId, feedId, db } = options;
  const progress: OpenHouseProgress = { pages: 0, upserted: 0, skipped: 0, removed: 0, rejected: 0 };
  const keys: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ResoPage | null = await options.client
      .get("OpenHouse", {
        $filter: after === null ? undefined : `OpenHouseKey gt ${quoteODataString(after)}`,
        $orderby: "OpenHouseKey asc",
        $top: String(RECONCILE_PAGE),
      })
      .catch((error: unknown) => {
        if (progress.pages === 0 && isMissingResource(error)) return null;
        throw error;
      });
    if (!page) return { ...progress, unavailable: true };
    const rows: MappedOpenHouse[] = [];
    for (const record of page.value) {
      const mapped = mapOpenHouse(record);
      if (mapped.ok) rows.push(mapped.openHouse);
      else progress.rejected++;
    }
    const written = await upsertOpenHousePage({ tenantId, feedId, rows, db });
    progress.pages++;
    progress.upserted += written.upserted;
    progress.skipped += written.skipped;
    keys.push(...rows.map((r) => r.OpenHouseKey));
    const last: string | null = typeof page.value.at(-1)?.OpenHouseKey === "string" ? (page.value.at(-1)!.OpenHouseKey as string) : null;
    if (!last || (page.nextLink === null && page.value.length < RECONCILE_PAGE)) break;
    if (after !== null && last <= after) throw new FeedRequestError("reconcile: the feed does not order open house keys; stopped", { transient: false });
    after = last;
  }
  progress.removed = await db.$executeRawUnsafe(
    `DELETE FROM "OpenHouse" WHERE "tenantId" = $1::uuid AND "feedId" = $2::uuid AND NOT ("OpenHouseKey" = ANY($3::text[]))`,
    tenantId,
    feedId,
    keys,
  );
  return progress;
}
