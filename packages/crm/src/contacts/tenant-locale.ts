import type { Db, DbTx } from "@real-estate/db";
import { DEFAULT_PHONE_COUNTRY } from "@real-estate/types";

export type TenantLocale = { country: string; timeZone: string };

/** The tenant's country (for phone numbers) and time zone (for days and displayed times). */
export async function getTenantLocale(db: Db | DbTx, tenantId: string): Promise<TenantLocale> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { country: true, timeZone: true } });
  return { country: tenant?.country ?? DEFAULT_PHONE_COUNTRY, timeZone: tenant?.timeZone ?? "America/New_York" };
}
