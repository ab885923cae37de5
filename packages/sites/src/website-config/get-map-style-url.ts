import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/** The MapLibre style URL the tenant's website maps were given in the studio; null when none (the platform default applies). */
export async function getMapStyleUrl(options: { tenantId: string; db?: Db }): Promise<string | null> {
  const db = options.db ?? getDb();
  const row = await db.websiteConfig.findUnique({ where: { tenantId: options.tenantId }, select: { mapStyleUrl: true } });
  return row?.mapStyleUrl ?? null;
}
