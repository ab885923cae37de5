import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { ZActionPlanInput, type ActionPlanInput, type ActionPlanStepInput } from "./action-plan-input";
import { actionPlanSelect, type ActionPlanRow } from "./action-plan-select";

/** Writes a plan's steps in order (positions 1..n), replacing any it had. */
export async function writePlanSteps(tx: DbTx, o: { tenantId: string; planId: string; steps: readonly ActionPlanStepInput[] }): Promise<void> {
  await tx.actionPlanStep.deleteMany({ where: { tenantId: o.tenantId, planId: o.planId } });
  await tx.actionPlanStep.createMany({
    data: o.steps.map((step, i) => ({
      tenantId: o.tenantId,
      planId: o.planId,
      position: i + 1,
      kind: step.kind,
      taskKind: step.kind === "TASK" ? step.taskKind : null,
      title: step.title,
      offsetMinutes: step.offsetMinutes,
      emailSubject: step.kind === "EMAIL" ? step.emailSubject : null,
      emailBody: step.kind === "EMAIL" ? step.emailBody : null,
    })),
  });
}

/** Adds an action plan to the tenant with its steps (validated here as well as at the edge). Audited. */
export async function createActionPlan(options: { tenantId: string; input: ActionPlanInput; actorUserId: string | null; db?: Db }): Promise<ActionPlanRow> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const input = ZActionPlanInput.parse(options.input);
  return db.$transaction(async (tx) => {
    const plan = await tx.actionPlan.create({
      data: { tenantId, name: input.name, description: input.description || null, createdByUserId: options.actorUserId },
      select: { id: true },
    });
    await writePlanSteps(tx, { tenantId, planId: plan.id, steps: input.steps });
    await tx.tenantAuditLog.create({
      data: {
        tenantId,
        actorUserId: options.actorUserId,
        action: "action_plan.created",
        entityType: "ActionPlan",
        entityId: plan.id,
        detail: { steps: input.steps.length },
      },
    });
    return tx.actionPlan.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: plan.id } }, select: actionPlanSelect });
  });
}
