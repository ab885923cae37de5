import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { emitWebhookEvents } from "../shared/webhook-events";
import { assignRoutedLead, memberName, type RoutedTo } from "./assign-routed-lead";
import { takeRoundRobinTurn } from "./round-robin-member";

type DueLead = { tenantId: string; id: string; contactId: string; assignedMembershipId: string | null; routingRuleId: string | null; reroutes: number };

/** Everyone the lead has been assigned to (from its timeline), so a re-route never hands it back. */
async function previousAssignees(tx: DbTx, lead: DueLead): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT metadata->>'to' AS id FROM "Activity"
     WHERE "tenantId" = ${lead.tenantId}::uuid AND "leadId" = ${lead.id}::uuid AND type = 'ASSIGNMENT' AND metadata->>'to' IS NOT NULL`;
  return [...new Set([...rows.map((r) => r.id), ...(lead.assignedMembershipId ? [lead.assignedMembershipId] : [])])];
}

async function nextStop(tx: DbTx, lead: DueLead, now: Date): Promise<RoutedTo> {
  const { tenantId } = lead;
  const rule = lead.routingRuleId
    ? await tx.routingRule.findUnique({
        where: { tenantId_id: { tenantId, id: lead.routingRuleId } },
        select: { id: true, name: true, enabled: true, targetKind: true, rerouteAfterMinutes: true },
      })
    : null;
  const minutes = rule?.rerouteAfterMinutes ?? null;
  const previous = lead.assignedMembershipId ? await memberName(tx, tenantId, lead.assignedMembershipId) : "nobody";
  const late = minutes ? `not contacted within ${minutes} minutes by ${previous}` : `not contacted by ${previous}`;
  const base = {
    ruleId: rule?.id ?? null,
    ruleName: rule?.name ?? null,
    reason: "not_contacted",
    previous: lead.assignedMembershipId,
    reroute: lead.reroutes + 1,
  };
  // A round robin passes the lead on while someone in the group has not had it yet; then the pond.
  if (rule?.enabled && rule.targetKind === "ROUND_ROBIN") {
    const membershipId = await takeRoundRobinTurn(tx, { tenantId, ruleId: rule.id, exclude: await previousAssignees(tx, lead) });
    if (membershipId) {
      const name = await memberName(tx, tenantId, membershipId);
      return {
        membershipId,
        pond: false,
        ruleId: rule.id,
        contactDueAt: minutes ? new Date(now.getTime() + minutes * 60_000) : null,
        title: `Re-routed to ${name}: ${late}`,
        body: `Routing rule “${rule.name}” (round robin) passed the lead on.`,
        metadata: { routing: { ...base, target: "ROUND_ROBIN" }, from: lead.assignedMembershipId, to: membershipId },
      };
    }
  }
  return {
    membershipId: null,
    pond: true,
    ruleId: rule?.id ?? null,
    contactDueAt: null,
    title: `Sent to the shared pond: ${late}`,
    body: "Any agent may claim it now.",
    metadata: { routing: { ...base, target: "POND" }, from: lead.assignedMembershipId, to: null },
  };
}

async function rerouteTenant(db: Db, tenantId: string, now: Date, limit: number): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<DueLead[]>`
        SELECT "tenantId"::text AS "tenantId", id::text AS id, "contactId"::text AS "contactId",
               "assignedMembershipId"::text AS "assignedMembershipId", "routingRuleId"::text AS "routingRuleId", reroutes
          FROM "Lead"
         WHERE "tenantId" = ${tenantId}::uuid AND "contactDueAt" <= ${now}::timestamp(3) AND "firstContactedAt" IS NULL
         ORDER BY "contactDueAt"
         LIMIT ${limit}
           FOR UPDATE SKIP LOCKED`;
      for (const lead of due) {
        const to = await nextStop(tx, lead, now);
        await assignRoutedLead(tx, { tenantId, leadId: lead.id, contactId: lead.contactId, to, now, reroute: true });
        // Re-routing (to the next agent, or to the pond: `to` null) is an assignment too.
        await emitWebhookEvents(
          tx,
          tenantId,
          [
            {
              type: "lead.assigned",
              contactId: lead.contactId,
              occurredAt: now,
              data: {
                leadId: lead.id,
                contactId: lead.contactId,
                from: lead.assignedMembershipId,
                to: to.membershipId,
                reason: to.pond ? "rerouted_to_pond" : "rerouted",
                actor: { kind: "routing", ruleId: to.ruleId },
              },
            },
          ],
          now,
        );
      }
      return due.length;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/**
 * Routes again every lead whose re-routing time has passed without a first contact (a call,
 * e-mail, meeting or status change stamps firstContactedAt): to the next member of its round
 * robin who has not had it, else to the shared pond. A worker's sweep over all tenants (hence
 * `unsafe`): it finds the tenants with due leads, then works tenant by tenant, locking leads with
 * SKIP LOCKED so two sweepers never re-route the same lead twice (and each locking statement stays
 * on one tenant's shard). Timers of leads contacted meanwhile are cleared. Returns how many leads
 * were re-routed (at most `limit` per tenant).
 */
export async function unsafeRerouteOverdueLeads(options: { db?: Db; now?: Date; limit?: number } = {}): Promise<number> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const limit = options.limit ?? 100;
  await db.$executeRaw`UPDATE "Lead" SET "contactDueAt" = NULL WHERE "contactDueAt" <= ${now}::timestamp(3) AND "firstContactedAt" IS NOT NULL`;
  const tenants = await db.$queryRaw<{ tenantId: string }[]>`
    SELECT DISTINCT "tenantId"::text AS "tenantId" FROM "Lead" WHERE "contactDueAt" <= ${now}::timestamp(3) AND "firstContactedAt" IS NULL`;
  let moved = 0;
  for (const { tenantId } of tenants) moved += await rerouteTenant(db, tenantId, now, limit);
  return moved;
}
