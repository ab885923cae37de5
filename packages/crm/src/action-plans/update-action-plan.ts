import type { Db, Prisma } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";
import { ZActionPlanPatch, type ActionPlanPatch } from "./action-plan-input";
import { actionPlanSelect, type ActionPlanRow } from "./action-plan-select";
import { writePlanSteps } from "./create-action-plan";

export type UpdateActionPlanResult =
  { ok: true; plan: ActionPlanRow } | { ok: false; error: "not_found" } | { ok: false; error: "version_mismatch"; plan: ActionPlanRow };

/**
 * Changes a plan (name, description, steps, archived) under a row lock. New steps apply to leads
 * the plan starts on from now; runs already started keep the steps they copied. Audited.
 */
export async function updateActionPlan(options: {
  tenantId: string;
  planId: string;
  change: ActionPlanPatch;
  actorUserId: string | null;
  expectedVersion?: number;
  now?: Date;
  db?: Db;
}): Promise<UpdateActionPlanResult> {
  const db = options.db ?? getDb();
  const { tenantId, planId } = options;
  if (!isUuid(planId)) return { ok: false, error: "not_found" };
  const change = ZActionPlanPatch.parse(options.change);
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM "ActionPlan" WHERE "tenantId" = ${tenantId}::uuid AND id = ${planId}::uuid FOR UPDATE`;
    if (!locked) return { ok: false, error: "not_found" } as const;
    const current = await tx.actionPlan.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: planId } }, select: actionPlanSelect });
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
      return { ok: false, error: "version_mismatch", plan: current } as const;
    const data: Prisma.ActionPlanUpdateInput = {};
    if (change.name !== undefined) data.name = change.name;
    if (change.description !== undefined) data.description = change.description || null;
    if (change.archived !== undefined && change.archived !== (current.archivedAt !== null)) data.archivedAt = change.archived ? now : null;
    if (change.steps) await writePlanSteps(tx, { tenantId, planId, steps: change.steps });
    const plan = await tx.actionPlan.update({
      where: { tenantId_id: { tenantId, id: planId } },
      data: { ...data, version: { increment: 1 } },
      select: actionPlanSelect,
    });
    await tx.tenantAuditLog.create({
      data: {
        tenantId,
        actorUserId: options.actorUserId,
        action: "action_plan.updated",
        entityType: "ActionPlan",
        entityId: planId,
        detail: { fields: Object.keys(change) },
      },
    });
    return { ok: true, plan } as const;
  });
}
