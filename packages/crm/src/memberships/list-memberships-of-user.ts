import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/**
 * The tenants a user belongs to, across tenants. Unscoped on purpose: it answers "where may
 * this signed-in user go" (the no-access page links to the user's own brokerages).
 */
export async function unsafeListMembershipsOfUser(options: { userId: string; db?: Db }) {
  const db = options.db ?? getDb();
  return db.tenantMembership.findMany({
    where: { userId: options.userId },
    select: { tenantId: true, id: true, role: true, tenant: { select: { slug: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}
