import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";
import { leadPlanSelect, type LeadPlanRow } from "./action-plan-select";

export type StopActionPlanResult = { ok: true; leadPlan: LeadPlanRow; stopped: boolean } | { ok: false; error: "not_found" };

/**
 * Stops a lead's running plan in the caller's transaction: its pending steps are cancelled (their
 * jobs find them so and do nothing); tasks already created stay, they are real follow-ups.
 * A running or paused plan stops; conditional on that status, so stopping twice (or at once) logs one entry.
 */
export async function stopLeadPlanInTx(
  tx: DbTx,
  o: { tenantId: string; leadPlanId: string; leadId?: string; actorUserId: string | null; reason?: string; now: Date },
): Promise<StopActionPlanResult> {
  const { tenantId, leadPlanId, now } = o;
  if (!isUuid(leadPlanId)) return { ok: false, error: "not_found" };
  const stopped = await tx.leadPlan.updateMany({
    where: { tenantId, id: leadPlanId, status: { in: ["ACTIVE", "PAUSED"] }, ...(o.leadId && { leadId: o.leadId }) },
    data: { status: "STOPPED", stoppedAt: now, stoppedByUserId: o.actorUserId, stoppedReason: o.reason || null },
  });
  const run = await tx.leadPlan.findFirst({
    where: { tenantId, id: leadPlanId, ...(o.leadId && { leadId: o.leadId }) },
    select: { ...leadPlanSelect, lead: { select: { contactId: true } } },
  });
  if (!run) return { ok: false, error: "not_found" };
  const { lead, ...leadPlan } = run;
  if (stopped.count === 0) return { ok: true, leadPlan, stopped: false };
  const cancelled = await tx.leadPlanStep.updateMany({ where: { tenantId, leadPlanId, status: "PENDING" }, data: { status: "CANCELLED", ranAt: now } });
  await tx.activity.create({
    data: {
      tenantId,
      contactId: lead.contactId,
      leadId: run.leadId,
      type: "ACTION_PLAN",
      title: `Action plan “${run.planName}” stopped`,
      body: [o.reason, `${cancelled.count} open step${cancelled.count === 1 ? "" : "s"} cancelled.`].filter(Boolean).join(" — "),
      actorUserId: o.actorUserId,
      metadata: { leadPlanId, planId: run.planId, event: "stopped" },
      occurredAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  const fresh = await tx.leadPlan.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: leadPlanId } }, select: leadPlanSelect });
  return { ok: true, leadPlan: fresh, stopped: true };
}

/** Stops a lead's plan by hand (see stopLeadPlanInTx); `leadId`, when given, must be the run's lead. */
export function stopLeadPlan(options: {
  tenantId: string;
  leadPlanId: string;
  leadId?: string;
  actorUserId: string | null;
  reason?: string;
  now?: Date;
  db?: Db;
}): Promise<StopActionPlanResult> {
  const db = options.db ?? getDb();
  const { db: _db, now, ...rest } = options;
  return db.$transaction((tx) => stopLeadPlanInTx(tx, { ...rest, now: now ?? new Date() }));
}

/** A lead's plans, newest first, with every step's state. */
export async function listLeadPlans(options: { tenantId: string; leadId: string; db?: Db }): Promise<LeadPlanRow[]> {
  if (!isUuid(options.leadId)) return [];
  const db = options.db ?? getDb();
  return db.leadPlan.findMany({
    where: { tenantId: options.tenantId, leadId: options.leadId },
    select: leadPlanSelect,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: 50,
  });
}
