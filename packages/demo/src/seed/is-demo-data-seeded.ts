import type { Db } from "@real-estate/db";
import { DEMO_TENANTS } from "../data";
import { DEMO_ACCOUNTS } from "./demo-credentials";

/** True when both demo tenants have listings and every demo account exists (`npm start` seeds otherwise). */
export async function isDemoDataSeeded(db: Db): Promise<boolean> {
  const tenants = await db.tenant.findMany({
    where: { slug: { in: DEMO_TENANTS.map((t) => t.slug) } },
    select: { _count: { select: { listings: true } } },
  });
  if (tenants.length !== DEMO_TENANTS.length || tenants.some((t) => t._count.listings === 0)) return false;
  const users = await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } });
  return users === DEMO_ACCOUNTS.length;
}
