// The "saved-search.alerts" job kind: checks one tenant's saved searches (instant ones after a
// listing change, daily ones once a day) and queues an alert e-mail per search with news. It
// joins @real-estate/sites (what a search matches, what it has told) and @real-estate/mail (the
// e-mail), which may not import each other; decision 0018.
import type { Db } from "@real-estate/db";
import {
  loadBranding,
  nextDigestTime,
  queueSavedSearchAlert,
  SAVED_SEARCH_ALERTS_KIND,
  ZSavedSearchAlertsPayload,
  type SavedSearchAlertItem,
} from "@real-estate/mail";
import { enqueueJob, PermanentIngestionError } from "@real-estate/queue";
import {
  ensureVisitorEmailToken,
  findSavedSearchChanges,
  listAlertingSavedSearches,
  loadSearchContext,
  lockSavedSearch,
  recordSavedSearchListings,
  type SavedSearchChange,
} from "@real-estate/sites";
import type { JobHandlerContext, JobKind } from "./job-kinds";

function toItem(c: SavedSearchChange): SavedSearchAlertItem {
  const l = c.listing;
  return {
    listingKey: l.ListingKey,
    change: c.change,
    address: l.UnparsedAddress,
    listPrice: l.ListPrice,
    previousPrice: c.previousPrice,
    standardStatus: l.StandardStatus,
    previousStatus: c.previousStatus,
    beds: l.BedroomsTotal,
    baths: l.BathroomsTotalInteger,
    livingArea: l.LivingArea,
    photo: l.Media[0]?.url ?? null,
  };
}

export type SavedSearchAlertsResult = { searches: number; alerts: number; baselined: number };

/**
 * Checks every saved search of the tenant at `frequency` whose visitor agreed to alerts and
 * verified the address. Each search in its own transaction, holding the search's row lock: read
 * what is new or changed, queue the e-mail, record the listings as told. So a change is mailed
 * once per search, also when two workers check at once or a check is repeated.
 */
export async function runSavedSearchAlerts(
  db: Db,
  options: { tenantId: string; frequency: "INSTANT" | "DAILY"; now?: Date },
): Promise<SavedSearchAlertsResult> {
  const { tenantId, frequency } = options;
  const searches = await listAlertingSavedSearches(db, { tenantId, frequency });
  const result: SavedSearchAlertsResult = { searches: searches.length, alerts: 0, baselined: 0 };
  if (searches.length === 0) return result;
  const [context, brand] = await Promise.all([loadSearchContext({ tenantId, db }), loadBranding(db, tenantId)]);
  for (const search of searches) {
    await db.$transaction(async (tx) => {
      if (!(await lockSavedSearch(tx, { tenantId, savedSearchId: search.id }))) return;
      const found = await findSavedSearchChanges(tx, { tenantId, savedSearchId: search.id, query: search.query, context });
      if (found.baseline) {
        await recordSavedSearchListings(tx, { tenantId, savedSearchId: search.id, listings: found.matched, emailId: null, baseline: true, now: options.now });
        result.baselined++;
        return;
      }
      if (found.changes.length === 0) return;
      const emailToken = await ensureVisitorEmailToken(tx, { tenantId, visitorId: search.visitorId });
      const email = await queueSavedSearchAlert(tx, {
        tenantId,
        brand,
        search,
        visitor: { id: search.visitorId, email: search.email, name: search.visitorName, emailToken },
        items: found.changes.map(toItem),
        now: options.now,
      });
      const told = found.changes.map((c) => ({ listingKey: c.listing.ListingKey, listPrice: c.listing.ListPrice, standardStatus: c.listing.StandardStatus }));
      await recordSavedSearchListings(tx, { tenantId, savedSearchId: search.id, listings: told, emailId: email.id, now: options.now });
      result.alerts++;
    });
  }
  return result;
}

/** The job kind: instant checks are queued by listing changes; each daily digest queues the next day's. */
export const savedSearchAlertsKind: JobKind = {
  retry: { attempts: 6, backoffMs: [5_000, 30_000, 120_000, 600_000, 3_600_000] },
  handle: async (ctx: JobHandlerContext) => {
    const parsed = ZSavedSearchAlertsPayload.safeParse(ctx.job.payload);
    if (!parsed.success) throw new PermanentIngestionError("invalid saved-search.alerts payload (frequency)");
    const tenantId = ctx.job.tenantId;
    const result = await runSavedSearchAlerts(ctx.db, { tenantId, frequency: parsed.data.frequency });
    if (parsed.data.frequency === "DAILY") {
      const tz = await ctx.db.tenant.findUnique({ where: { id: tenantId }, select: { timeZone: true } });
      if (tz) {
        const next = nextDigestTime(new Date(Math.max(ctx.now.getTime(), Date.now()) + 60_000), tz.timeZone);
        await enqueueJob(ctx.db, {
          tenantId,
          kind: SAVED_SEARCH_ALERTS_KIND,
          dedupeKey: `daily:${next.localDate}`,
          payload: { frequency: "DAILY" },
          runAt: next.at,
        });
      }
    }
    return result;
  },
};
