import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";
import { actionPlanSelect, type ActionPlanRow } from "./action-plan-select";

export type ActionPlanSummary = ActionPlanRow & { activeLeads: number };

/** The tenant's plans by name (archived ones last), each with how many leads it is running on. */
export async function listActionPlans(options: { tenantId: string; includeArchived?: boolean; db?: Db }): Promise<ActionPlanSummary[]> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const plans = await db.actionPlan.findMany({
    where: { tenantId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    select: actionPlanSelect,
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
    take: 500,
  });
  const counts = await db.leadPlan.groupBy({ by: ["planId"], where: { tenantId, status: "ACTIVE" }, _count: { _all: true } });
  const active = new Map(counts.map((c) => [c.planId, c._count._all]));
  return plans.map((p) => ({ ...p, activeLeads: active.get(p.id) ?? 0 }));
}

/** One plan of the tenant, or null (another tenant's plan is as missing as an unknown one). */
export async function getActionPlan(options: { tenantId: string; planId: string; db?: Db }): Promise<ActionPlanRow | null> {
  if (!isUuid(options.planId)) return null;
  const db = options.db ?? getDb();
  return db.actionPlan.findUnique({ where: { tenantId_id: { tenantId: options.tenantId, id: options.planId } }, select: actionPlanSelect });
}
