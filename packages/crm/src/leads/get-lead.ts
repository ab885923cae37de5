import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { leadDetailSelect, type LeadDetailRow } from "../shared/crm-selects";

/** A lead with its contact and assignee; null when missing or another tenant's. */
export async function getLead(options: { tenantId: string; leadId: string; db?: Db }): Promise<LeadDetailRow | null> {
  const db = options.db ?? getDb();
  return db.lead.findUnique({ where: { tenantId_id: { tenantId: options.tenantId, id: options.leadId } }, select: leadDetailSelect });
}
