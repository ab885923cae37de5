import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { leadDetailSelect, type LeadDetailRow } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";

/** A lead with its contact and assignee; null when missing, another tenant's, or the id is not a UUID (as a URL may carry). */
export async function getLead(options: { tenantId: string; leadId: string; db?: Db }): Promise<LeadDetailRow | null> {
  const db = options.db ?? getDb();
  if (!isUuid(options.leadId)) return null;
  return db.lead.findUnique({ where: { tenantId_id: { tenantId: options.tenantId, id: options.leadId } }, select: leadDetailSelect });
}
