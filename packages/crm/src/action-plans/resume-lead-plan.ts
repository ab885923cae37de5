import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { enqueueJobs } from "@real-estate/queue";
import { isUuid } from "../shared/is-uuid";
import { leadPlanSelect, PLAN_STEP_KIND, type LeadPlanRow } from "./action-plan-select";

export type ResumeLeadPlanResult = { ok: true; leadPlan: LeadPlanRow; resumed: boolean } | { ok: false; error: "not_found" };

/** "3 days 2 hours", "45 minutes": how long a plan was held, for the timeline. */
export function describePause(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [
    days && `${days} day${days === 1 ? "" : "s"}`,
    hours && `${hours} hour${hours === 1 ? "" : "s"}`,
    !days && mins && `${mins} minute${mins === 1 ? "" : "s"}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" ") : "less than a minute";
}

/**
 * Resumes a paused plan by hand: PAUSED → ACTIVE (conditional, so two resumes at once act once),
 * and every open step moves later by the time the plan was paused, keeping the spacing the
 * owner chose ("2 days after the last step" stays 2 days). Each moved step's `rescheduled` count
 * goes up and a new "plan.step" job carries it, so the job queued before the pause does nothing.
 * A step that was already due runs at once. One ACTION_PLAN entry on the timeline.
 */
export async function resumeLeadPlan(options: {
  tenantId: string;
  leadPlanId: string;
  /** When given, the run must belong to this lead. */
  leadId?: string;
  actorUserId: string | null;
  now?: Date;
  db?: Db;
}): Promise<ResumeLeadPlanResult> {
  const { tenantId, leadPlanId } = options;
  if (!isUuid(leadPlanId) || (options.leadId !== undefined && !isUuid(options.leadId))) return { ok: false, error: "not_found" };
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const scope = { tenantId, id: leadPlanId, ...(options.leadId && { leadId: options.leadId }) };
  return db.$transaction(async (tx) => {
    const [run] = await tx.$queryRaw<{ pausedAt: Date | null; planName: string; planId: string; leadId: string; contactId: string }[]>`
      UPDATE "LeadPlan" r SET status = 'ACTIVE', "updatedAt" = ${now}::timestamp(3)
        FROM "Lead" l
       WHERE r."tenantId" = ${tenantId}::uuid AND r.id = ${leadPlanId}::uuid AND r.status = 'PAUSED'
         AND (${options.leadId ?? null}::uuid IS NULL OR r."leadId" = ${options.leadId ?? null}::uuid)
         AND l."tenantId" = r."tenantId" AND l.id = r."leadId"
      RETURNING r."pausedAt", r."planName", r."planId"::text AS "planId", r."leadId"::text AS "leadId", l."contactId"::text AS "contactId"`;
    if (run) {
      const heldMs = run.pausedAt ? Math.max(0, now.getTime() - run.pausedAt.getTime()) : 0;
      const moved = await tx.$queryRaw<{ id: string; dueAt: Date; rescheduled: number }[]>`
        UPDATE "LeadPlanStep" SET "dueAt" = "dueAt" + ${heldMs}::bigint * interval '1 millisecond', rescheduled = rescheduled + 1
         WHERE "tenantId" = ${tenantId}::uuid AND "leadPlanId" = ${leadPlanId}::uuid AND status = 'PENDING'
        RETURNING id::text AS id, "dueAt", rescheduled`;
      await enqueueJobs(tx, {
        tenantId,
        jobs: moved.map((s) => ({
          kind: PLAN_STEP_KIND,
          payload: { leadPlanStepId: s.id, rescheduled: s.rescheduled },
          dedupeKey: `${s.id}:${s.rescheduled}`,
          runAt: s.dueAt,
        })),
      });
      await tx.activity.create({
        data: {
          tenantId,
          contactId: run.contactId,
          leadId: run.leadId,
          type: "ACTION_PLAN",
          title: `Action plan “${run.planName}” resumed`,
          body: `Paused for ${describePause(heldMs)}; ${moved.length} open step${moved.length === 1 ? "" : "s"} moved on by as much.`,
          actorUserId: options.actorUserId,
          metadata: { leadPlanId, planId: run.planId, event: "resumed", heldMs },
          occurredAt: now,
          createdAt: now,
        },
        select: { id: true },
      });
    }
    const leadPlan = await tx.leadPlan.findFirst({ where: scope, select: leadPlanSelect });
    if (!leadPlan) return { ok: false, error: "not_found" } as const;
    return { ok: true, leadPlan, resumed: Boolean(run) } as const;
  });
}
