import type { LeadStatus } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { leadFilterWhere, type LeadFilters } from "./list-leads";

/** Lead counts per status under the other filters (for the status tabs of the leads table). */
export async function countLeadsByStatus(options: { tenantId: string; filters?: Omit<LeadFilters, "status">; db?: Db }): Promise<Map<LeadStatus, number>> {
  const db = options.db ?? getDb();
  const rows = await db.lead.groupBy({ by: ["status"], where: leadFilterWhere(options.tenantId, options.filters ?? {}), _count: { _all: true } });
  return new Map(rows.map((r) => [r.status, r._count._all]));
}
