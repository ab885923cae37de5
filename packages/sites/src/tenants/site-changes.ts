import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/**
 * The PostgreSQL channel that announces a change to a tenant's website (modules, content,
 * domains, status, branding); the payload is the tenant id. Whoever keeps copies of the
 * website's pages (the edge cache in front of the web servers) listens and drops them.
 */
export const SITE_CHANGES_CHANNEL = "site_changes";

/**
 * After a change, the web instances are revalidated at once and once more this long later: a
 * page an instance was rendering at the first pass read the old data before it and lands in the
 * instance's cache after it, fresh for the page's lifetime; the second pass drops it. It comes
 * before the edge's second purge (services/edge, 1.5 s after the announcement), which then drops
 * any copy of it the edge kept.
 */
export const SECOND_REVALIDATION_MS = 1_000;

/** Announces that a tenant's website changed (after the change is committed). */
export async function notifySiteChange(options: { tenantId: string; db?: Db }): Promise<void> {
  const db = options.db ?? getDb();
  await db.$executeRaw`SELECT pg_notify(${SITE_CHANGES_CHANNEL}, ${options.tenantId})`;
}
