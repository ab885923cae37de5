import { z } from "zod";
import type { Db, DbTx } from "@real-estate/db";
import { enqueueJobs, type JobInput } from "@real-estate/queue";

/** The job kind that checks a tenant's saved searches and queues their alert e-mails. */
export const SAVED_SEARCH_ALERTS_KIND = "saved-search.alerts";

export const ZSavedSearchAlertsPayload = z.object({ frequency: z.enum(["INSTANT", "DAILY"]) });

/** Listing changes within this window are checked together (one job per tenant per window). */
export const INSTANT_ALERT_WINDOW_MS = 5_000;
/** Daily digests go out at this hour of the tenant's day. */
export const DAILY_DIGEST_HOUR = 8;

function zonedWallClock(at: Date, timeZone: string): { y: number; m: number; d: number; ms: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return { y: parts.year!, m: parts.month!, d: parts.day!, ms: wall };
}

/** The next DAILY_DIGEST_HOUR:00 in the tenant's time zone after `now`, and that local date (the digest's key). */
export function nextDigestTime(now: Date, timeZone: string, hour = DAILY_DIGEST_HOUR): { at: Date; localDate: string } {
  for (let addDays = 0; addDays < 3; addDays++) {
    const local = zonedWallClock(new Date(now.getTime() + addDays * 86_400_000), timeZone);
    const wallTarget = Date.UTC(local.y, local.m - 1, local.d, hour);
    // The zone's offset at about that time (two passes settle a daylight-saving change).
    let at = wallTarget - (zonedWallClock(new Date(wallTarget), timeZone).ms - wallTarget);
    at = wallTarget - (zonedWallClock(new Date(at), timeZone).ms - at);
    if (at > now.getTime()) return { at: new Date(at), localDate: `${local.y}-${String(local.m).padStart(2, "0")}-${String(local.d).padStart(2, "0")}` };
  }
  throw new Error("nextDigestTime: no digest time found");
}

/** The jobs that check a tenant's saved searches after a listing change: this window's instant check and the next daily digest. */
export function savedSearchAlertJobs(options: { now: Date; timeZone: string }): JobInput[] {
  const bucket = Math.floor(options.now.getTime() / INSTANT_ALERT_WINDOW_MS);
  const digest = nextDigestTime(options.now, options.timeZone);
  return [
    // Run when the window has closed, so every change made in it is committed and seen.
    {
      kind: SAVED_SEARCH_ALERTS_KIND,
      dedupeKey: `instant:${bucket}`,
      payload: { frequency: "INSTANT" },
      runAt: new Date((bucket + 1) * INSTANT_ALERT_WINDOW_MS + 1_000),
    },
    { kind: SAVED_SEARCH_ALERTS_KIND, dedupeKey: `daily:${digest.localDate}`, payload: { frequency: "DAILY" }, runAt: digest.at },
  ];
}

/**
 * Asks for a check of the tenant's saved searches because its listings changed (the feed wrote
 * some, an edit was made): inside the caller's transaction when `db` is one. Changes within one
 * window share one check; the daily digest is queued once per day.
 */
export async function requestSavedSearchAlerts(db: Db | DbTx, options: { tenantId: string; now?: Date }): Promise<void> {
  const rows = await db.$queryRaw<{ timeZone: string }[]>`SELECT "timeZone" FROM "Tenant" WHERE id = ${options.tenantId}::uuid`;
  if (!rows[0]) return;
  await enqueueJobs(db, { tenantId: options.tenantId, jobs: savedSearchAlertJobs({ now: options.now ?? new Date(), timeZone: rows[0].timeZone }) });
}
