import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";

/** Deletes a rule; leads it routed keep their assignee and history. False when it is not the tenant's. Audited. */
export async function deleteRoutingRule(options: { tenantId: string; ruleId: string; actorUserId: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const { tenantId, ruleId } = options;
  if (!isUuid(ruleId)) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.routingRule.deleteMany({ where: { tenantId, id: ruleId } });
    if (count !== 1) return false;
    await tx.tenantAuditLog.create({
      data: { tenantId, actorUserId: options.actorUserId, action: "routing_rule.deleted", entityType: "RoutingRule", entityId: ruleId },
    });
    return true;
  });
}
