import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { ZRoutingRuleInput, type RoutingRuleInput } from "@real-estate/types";
import { routingRuleSelect, UnknownActionPlanError, UnknownMemberError, type RoutingRuleRow } from "./routing-rule-select";

/**
 * Adds a routing rule at the end of the tenant's list. The input is validated here as well as at
 * the edge; every member it names must be the tenant's (else UnknownMemberError, nothing written), and its
 * action plan an unarchived plan of the tenant (else UnknownActionPlanError).
 * Audited.
 */
export async function createRoutingRule(options: { tenantId: string; input: RoutingRuleInput; actorUserId: string; db?: Db }): Promise<RoutingRuleRow> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const input = ZRoutingRuleInput.parse(options.input);
  const memberIds = input.targetKind === "ROUND_ROBIN" ? input.memberIds : [];
  const targetMembershipId = input.targetKind === "AGENT" ? input.targetMembershipId! : null;
  const named = [...new Set([...memberIds, ...(targetMembershipId ? [targetMembershipId] : [])])];
  return db.$transaction(async (tx) => {
    const found = await tx.tenantMembership.count({ where: { tenantId, id: { in: named } } });
    if (found !== named.length) throw new UnknownMemberError();
    if (input.actionPlanId) {
      const plan = await tx.actionPlan.findFirst({ where: { tenantId, id: input.actionPlanId, archivedAt: null }, select: { id: true } });
      if (!plan) throw new UnknownActionPlanError();
    }
    // Serialise appends so two owners adding rules at once get distinct positions.
    await tx.$queryRaw`SELECT id FROM "Tenant" WHERE id = ${tenantId}::uuid FOR UPDATE`;
    const last = await tx.routingRule.aggregate({ where: { tenantId }, _max: { position: true } });
    const rule = await tx.routingRule.create({
      data: {
        tenantId,
        name: input.name,
        position: (last._max.position ?? 0) + 1,
        sources: input.sources,
        towns: input.towns,
        minPrice: input.minPrice ?? null,
        maxPrice: input.maxPrice ?? null,
        listingOffice: input.listingOffice ?? null,
        listingAgent: input.listingAgent ?? null,
        fromMinute: input.fromMinute ?? null,
        toMinute: input.toMinute ?? null,
        targetKind: input.targetKind,
        targetMembershipId,
        rerouteAfterMinutes: input.targetKind === "POND" ? null : (input.rerouteAfterMinutes ?? null),
        actionPlanId: input.actionPlanId ?? null,
      },
      select: { id: true },
    });
    await tx.routingRuleMember.createMany({ data: memberIds.map((membershipId, position) => ({ tenantId, ruleId: rule.id, membershipId, position })) });
    await tx.tenantAuditLog.create({
      data: {
        tenantId,
        actorUserId: options.actorUserId,
        action: "routing_rule.created",
        entityType: "RoutingRule",
        entityId: rule.id,
        detail: { targetKind: input.targetKind },
      },
    });
    return tx.routingRule.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: rule.id } }, select: routingRuleSelect });
  });
}
