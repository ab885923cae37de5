import type { Prisma } from "@real-estate/db";

export const actionPlanStepSelect = {
  id: true,
  position: true,
  kind: true,
  taskKind: true,
  title: true,
  offsetMinutes: true,
  emailSubject: true,
  emailBody: true,
} satisfies Prisma.ActionPlanStepSelect;

export const actionPlanSelect = {
  id: true,
  name: true,
  description: true,
  archivedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  steps: { select: actionPlanStepSelect, orderBy: { position: "asc" } },
} satisfies Prisma.ActionPlanSelect;

export type ActionPlanRow = Prisma.ActionPlanGetPayload<{ select: typeof actionPlanSelect }>;

export const leadPlanSelect = {
  id: true,
  leadId: true,
  planId: true,
  planName: true,
  status: true,
  startedAt: true,
  startedByUserId: true,
  routingRuleId: true,
  stoppedAt: true,
  stoppedReason: true,
  pausedAt: true,
  pausedReason: true,
  completedAt: true,
  steps: {
    select: { id: true, position: true, kind: true, taskKind: true, title: true, dueAt: true, status: true, ranAt: true, taskId: true, note: true },
    orderBy: { position: "asc" },
  },
} satisfies Prisma.LeadPlanSelect;

export type LeadPlanRow = Prisma.LeadPlanGetPayload<{ select: typeof leadPlanSelect }>;

/** The job kind that runs one scheduled step of a lead's plan at its due time. */
export const PLAN_STEP_KIND = "plan.step";
