import type { DbTx } from "@real-estate/db";

/** What paused a plan: the person wrote or called again, the lead's status changed, or it went to another agent. */
export type PlanPauseTrigger = "reply" | "status" | "assignment";

/**
 * Pauses every running plan of the given leads, in the caller's transaction: ACTIVE → PAUSED is a
 * conditional update, so a pause racing another pause (or a stop) acts once. Open steps stay
 * PENDING but do not run while the plan is paused (runPlanStep checks the run); a member resumes
 * it (resumeLeadPlan). One ACTION_PLAN entry per paused run says why, in words.
 * Returns the ids of the runs paused.
 */
export async function pauseLeadPlansInTx(
  tx: DbTx,
  o: { tenantId: string; leadIds: string[]; trigger: PlanPauseTrigger; reason: string; actorUserId: string | null; now: Date },
): Promise<string[]> {
  const { tenantId, now } = o;
  if (o.leadIds.length === 0) return [];
  const paused = await tx.$queryRaw<{ id: string; leadId: string; planId: string; planName: string; contactId: string }[]>`
    UPDATE "LeadPlan" r SET status = 'PAUSED', "pausedAt" = ${now}::timestamp(3), "pausedReason" = ${o.reason}, "updatedAt" = ${now}::timestamp(3)
      FROM "Lead" l
     WHERE r."tenantId" = ${tenantId}::uuid AND r."leadId" = ANY(${o.leadIds}::uuid[]) AND r.status = 'ACTIVE'
       AND l."tenantId" = r."tenantId" AND l.id = r."leadId"
    RETURNING r.id::text AS id, r."leadId"::text AS "leadId", r."planId"::text AS "planId", r."planName", l."contactId"::text AS "contactId"`;
  if (paused.length === 0) return [];
  await tx.activity.createMany({
    data: paused.map((run) => ({
      tenantId,
      contactId: run.contactId,
      leadId: run.leadId,
      type: "ACTION_PLAN" as const,
      title: `Action plan “${run.planName}” paused`,
      body: `${o.reason} Its open steps wait until someone resumes the plan.`,
      actorUserId: o.actorUserId,
      metadata: { leadPlanId: run.id, planId: run.planId, event: "paused", trigger: o.trigger },
      occurredAt: now,
      createdAt: now,
    })),
  });
  return paused.map((r) => r.id);
}
