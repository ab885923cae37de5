import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/**
 * The PostgreSQL channel that announces a change to a tenant's website (modules, content,
 * domains, status, branding); the payload is the tenant id. Whoever keeps copies of the
 * website's pages (the edge cache in front of the web servers) listens and drops them.
 */
export const SITE_CHANGES_CHANNEL = "site_changes";

/** Announces that a tenant's website changed (after the change is committed). */
export async function notifySiteChange(options: { tenantId: string; db?: Db }): Promise<void> {
  const db = options.db ?? getDb();
  await db.$executeRaw`SELECT pg_notify(${SITE_CHANGES_CHANNEL}, ${options.tenantId})`;
}
