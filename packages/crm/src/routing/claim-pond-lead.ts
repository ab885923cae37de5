import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";
import { actorData, emitWebhookEvents } from "../shared/webhook-events";
import { memberName } from "./assign-routed-lead";

/**
 * A member takes a lead from the shared pond. Atomic: of two members claiming at once exactly one
 * gets it; false for the other, for a lead not in the pond, or for another tenant's lead. The
 * claim is a `lead.assigned` webhook event (from nobody to the member), queued in the same
 * transaction.
 */
export async function claimPondLead(options: {
  tenantId: string;
  leadId: string;
  membershipId: string;
  actorUserId: string;
  db?: Db;
  now?: Date;
}): Promise<boolean> {
  const db = options.db ?? getDb();
  const { tenantId, leadId, membershipId } = options;
  if (!isUuid(leadId) || !isUuid(membershipId)) return false;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.lead.updateMany({
      where: { tenantId, id: leadId, pooledAt: { not: null }, assignedMembershipId: null },
      data: { assignedMembershipId: membershipId, pooledAt: null, contactDueAt: null, version: { increment: 1 } },
    });
    if (count !== 1) return false;
    const lead = await tx.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: leadId } }, select: { contactId: true } });
    const name = await memberName(tx, tenantId, membershipId);
    await tx.activity.create({
      data: {
        tenantId,
        contactId: lead.contactId,
        leadId,
        type: "ASSIGNMENT",
        actorUserId: options.actorUserId,
        occurredAt: now,
        title: `Claimed from the shared pond by ${name}`,
        metadata: { routing: { reason: "claimed" }, from: null, to: membershipId },
      },
      select: { id: true },
    });
    await emitWebhookEvents(
      tx,
      tenantId,
      [
        {
          type: "lead.assigned",
          contactId: lead.contactId,
          occurredAt: now,
          data: {
            leadId,
            contactId: lead.contactId,
            from: null,
            to: membershipId,
            reason: "claimed_from_pond",
            actor: actorData({ userId: options.actorUserId }),
          },
        },
      ],
      now,
    );
    return true;
  });
}
