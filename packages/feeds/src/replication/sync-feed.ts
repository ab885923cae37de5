// One replication run of a feed. Incremental by (ModificationTimestamp, ListingKey): each page
// is asked for with the keyset after the last committed record, written in one transaction
// together with the new cursor, so a run killed at any point resumes at the last committed
// page with no duplicates and no gaps. A full run starts the cursor again and ends with a
// reconciliation of keys; reconciliation also runs when the feed's interval says it is due.
import os from "node:os";
import { getDb, type Db } from "@real-estate/db";
import { v7 as uuidv7 } from "uuid";
import { openFeedClient, type FeedClientOverrides } from "../feeds/open-feed-client";
import type { ResoPage } from "../client/reso-client";
import { mapProperty } from "../mapping/map-property";
import { andFilters, keysetFilter } from "./odata-text";
import { claimFeedLease, releaseFeedLease } from "./feed-lease";
import { reconcileFeed } from "./reconcile-feed";
import { recordFeedFailure, recordFeedSuccess } from "./record-feed-outcome";
import { listingRowsJson, writeListingPage, type PageRow } from "./write-listing-page";
import { replicateRoster } from "./replicate-roster";
import { reconcileOpenHouses, replicateOpenHouses, type OpenHouseProgress } from "./replicate-open-houses";

export type FeedRunKind = "incremental" | "full" | "reconcile";

export type SyncFeedResult = {
  outcome: "succeeded" | "failed" | "busy" | "missing";
  runId?: string;
  pages: number;
  upserted: number;
  removed: number;
  rejected: number;
  /** The feed's OpenHouse resource, when it is replicated. */
  openHouses?: OpenHouseProgress;
  error?: string;
  paused?: boolean;
};

export type SyncProgress = { pages: number; upserted: number; removed: number; rejected: number; cursor: { timestamp: Date | null; key: string | null } };

class FeedLeaseLostError extends Error {
  override name = "FeedLeaseLostError";
}

export type SyncFeedOptions = {
  tenantId: string;
  feedId: string;
  kind?: FeedRunKind;
  db?: Db;
  /** Client settings (timeouts, retries, fetch) for tests and the CLI. */
  client?: FeedClientOverrides;
  /** Lease owner name (default host:pid:random). */
  owner?: string;
  /** Called after each committed page. */
  onPage?: (progress: SyncProgress) => void;
};

function townKey(name: string) {
  return name.trim().toLowerCase();
}

export async function syncFeed(options: SyncFeedOptions): Promise<SyncFeedResult> {
  const db = options.db ?? getDb();
  const { tenantId, feedId } = options;
  const kind = options.kind ?? "incremental";
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${uuidv7()}`;
  const progress: SyncProgress = { pages: 0, upserted: 0, removed: 0, rejected: 0, cursor: { timestamp: null, key: null } };
  const feed = await db.feed.findUnique({ where: { tenantId_id: { tenantId, id: feedId } } });
  if (!feed) return { outcome: "missing", ...progress };
  if (!(await claimFeedLease({ tenantId, feedId, owner, db }))) return { outcome: "busy", ...progress };
  // A run still "running" while the lease was free ended with its process: say so.
  await db.feedRun.updateMany({
    where: { tenantId, feedId, status: "running" },
    data: { status: "interrupted", finishedAt: new Date(), error: "the run ended with its process; the next run resumed from its last committed page" },
  });
  const run = await db.feedRun.create({ data: { tenantId, feedId, kind }, select: { id: true } });
  try {
    const client = await openFeedClient({ tenantId, feedId, db, client: options.client });
    if (!client) throw new Error("feed vanished");
    const withOpenHouses = feed.resources.includes("OpenHouse");
    let openHouses: OpenHouseProgress | undefined;
    let reconcileNow = kind === "reconcile" || kind === "full" || feed.fullLoadStartedAt !== null;
    if (kind === "full") {
      await db.feed.update({
        where: { tenantId_id: { tenantId, id: feedId } },
        data: { cursorTimestamp: null, cursorKey: null, openHouseCursorTimestamp: null, openHouseCursorKey: null, fullLoadStartedAt: new Date() },
      });
      progress.cursor = { timestamp: null, key: null };
    } else {
      // Read under the lease: a run that ended between the read above and the claim moved it.
      const at = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: feedId } }, select: { cursorTimestamp: true, cursorKey: true } });
      progress.cursor = { timestamp: at.cursorTimestamp, key: at.cursorKey };
    }
    if (kind !== "reconcile") {
      await replicateRoster({ tenantId, feedId, resources: feed.resources, client, db });
      const towns = await db.town.findMany({ where: { tenantId }, select: { slug: true, name: true } });
      const townSlugs = new Map(towns.map((t) => [townKey(t.name), t.slug]));
      const offices = new Map(
        (await db.feedOffice.findMany({ where: { tenantId, feedId }, select: { OfficeKey: true, OfficeName: true } })).map((o) => [o.OfficeKey, o.OfficeName]),
      );
      const members = new Map(
        (await db.feedMember.findMany({ where: { tenantId, feedId }, select: { MemberKey: true, MemberFullName: true } })).map((m) => [
          m.MemberKey,
          m.MemberFullName,
        ]),
      );
      // A page's records mapped and its rows made ready for the statement as soon as it arrives,
      // which (read ahead, below) is while the page before it is written.
      const preparePage = (page: ResoPage) => {
        const rows: PageRow[] = [];
        const deleted: string[] = [];
        let rejected = 0;
        let last: { timestamp: Date; key: string } | null = null;
        for (const record of page.value) {
          const mapped = mapProperty(record);
          if (!mapped.ok) {
            rejected++;
            continue;
          }
          const listing = mapped.listing;
          last = { timestamp: new Date(listing.ModificationTimestamp), key: listing.ListingKey };
          if (listing.StandardStatus === "Delete") {
            deleted.push(listing.ListingKey);
            continue;
          }
          listing.ListOfficeName ??= (listing.ListOfficeKey && offices.get(listing.ListOfficeKey)) || null;
          listing.ListAgentFullName ??= (listing.ListAgentKey && members.get(listing.ListAgentKey)) || null;
          const row = listing as PageRow;
          row.townSlug = townSlugs.get(townKey(listing.City)) ?? null;
          rows.push(row);
        }
        return {
          records: page.value.length,
          more: page.nextLink !== null || page.value.length >= feed.pageSize,
          rowsJson: listingRowsJson(rows),
          deleted,
          rejected,
          last,
        };
      };
      const fetchPage = (cursor: SyncProgress["cursor"]) => {
        const request = client
          .get("Property", {
            $filter: andFilters(feed.filter, keysetFilter(cursor)) ?? undefined,
            $orderby: "ModificationTimestamp asc,ListingKey asc",
            $top: String(feed.pageSize),
            $expand: feed.resources.includes("Media") ? "Media" : undefined,
          })
          .then(preparePage);
        // Read ahead: a failure surfaces where the page is awaited, not as an unhandled rejection.
        request.catch(() => undefined);
        return request;
      };
      let next: ReturnType<typeof fetchPage> | null = fetchPage(progress.cursor);
      while (next) {
        const page = await next;
        next = null;
        if (page.records === 0) break;
        progress.rejected += page.rejected;
        const last = page.last;
        if (!last) throw new Error("a whole page of records without keys or modification times");
        const previous = progress.cursor;
        if (
          previous.timestamp &&
          (last.timestamp < previous.timestamp || (last.timestamp.getTime() === previous.timestamp.getTime() && last.key <= (previous.key ?? "")))
        ) {
          throw new Error("the feed does not honour $orderby/$filter on ModificationTimestamp; stopped to avoid a loop");
        }
        // The next page is asked for (and mapped) while this one is written (it only reads after
        // this page's last key); the cursor is still committed page by page, in order.
        if (page.more) next = fetchPage(last);
        const counts = await writeListingPage(db, {
          tenantId,
          feedId,
          runId: run.id,
          owner,
          rowsJson: page.rowsJson,
          deleted: page.deleted,
          cursor: last,
          after: previous,
        });
        if (!counts) throw new FeedLeaseLostError("another run took over this feed, or its cursor is no longer where this run's last page left it");
        progress.pages++;
        progress.upserted += counts.upserted;
        progress.removed += counts.removed;
        progress.cursor = last;
        options.onPage?.(progress);
      }
      // Open houses after the listings they belong to.
      if (withOpenHouses) {
        openHouses = await replicateOpenHouses({
          tenantId,
          feedId,
          owner,
          pageSize: feed.pageSize,
          client,
          db,
          onLeaseLost: () => new FeedLeaseLostError("another run took over this feed"),
        });
      }
      const due = !feed.lastReconcileAt || Date.now() - feed.lastReconcileAt.getTime() >= feed.reconcileIntervalSeconds * 1000;
      reconcileNow ||= due;
    }
    if (reconcileNow) {
      const { removed } = await reconcileFeed({ tenantId, feedId, filter: feed.filter, keyPageSize: feed.keyPageSize, client, db });
      progress.removed += removed;
      await db.feedRun.update({ where: { tenantId_id: { tenantId, id: run.id } }, data: { removed: { increment: removed } } });
      if (withOpenHouses) {
        const reconciled = await reconcileOpenHouses({ tenantId, feedId, client, db });
        openHouses = openHouses
          ? {
              ...openHouses,
              upserted: openHouses.upserted + reconciled.upserted,
              removed: reconciled.removed,
              rejected: openHouses.rejected + reconciled.rejected,
            }
          : reconciled;
      }
    }
    await recordFeedSuccess({ tenantId, feedId, reconciled: reconcileNow, db });
    await db.feedRun.update({ where: { tenantId_id: { tenantId, id: run.id } }, data: { status: "succeeded", finishedAt: new Date() } });
    return { outcome: "succeeded", runId: run.id, ...progress, ...(openHouses ? { openHouses } : {}) };
  } catch (error) {
    const { paused, message } = await recordFeedFailure({ tenantId, feedId, error, db });
    await db.feedRun.update({ where: { tenantId_id: { tenantId, id: run.id } }, data: { status: "failed", error: message, finishedAt: new Date() } });
    return { outcome: "failed", runId: run.id, ...progress, error: message, paused };
  } finally {
    await releaseFeedLease({ tenantId, feedId, owner, db });
  }
}
