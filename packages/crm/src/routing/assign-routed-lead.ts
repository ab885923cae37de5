import type { DbTx, Prisma } from "@real-estate/db";

/** Where routing sent a lead, and why, as recorded on the lead and its timeline. */
export type RoutedTo = {
  membershipId: string | null;
  /** True when the lead waits in the shared pond. */
  pond: boolean;
  ruleId: string | null;
  /** Null: no re-routing timer. */
  contactDueAt: Date | null;
  title: string;
  body: string | null;
  metadata: Prisma.InputJsonObject;
};

export async function memberName(tx: DbTx, tenantId: string, membershipId: string): Promise<string> {
  const m = await tx.tenantMembership.findUnique({ where: { tenantId_id: { tenantId, id: membershipId } }, select: { user: { select: { name: true } } } });
  return m?.user.name ?? "a former member";
}

/** Writes a routing decision on the lead and one ASSIGNMENT activity on its timeline. */
export async function assignRoutedLead(
  tx: DbTx,
  options: { tenantId: string; leadId: string; contactId: string; to: RoutedTo; now: Date; reroute?: boolean },
): Promise<void> {
  const { tenantId, leadId, to, now } = options;
  await tx.lead.update({
    where: { tenantId_id: { tenantId, id: leadId } },
    data: {
      assignedMembershipId: to.membershipId,
      pooledAt: to.pond ? now : null,
      routingRuleId: to.ruleId,
      contactDueAt: to.contactDueAt,
      ...(options.reroute && { reroutes: { increment: 1 } }),
      version: { increment: 1 },
    },
    select: { id: true },
  });
  await tx.activity.create({
    data: {
      tenantId,
      contactId: options.contactId,
      leadId,
      type: "ASSIGNMENT",
      title: to.title,
      body: to.body,
      metadata: to.metadata,
      occurredAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
}
