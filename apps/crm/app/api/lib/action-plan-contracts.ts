// The action plan API's response shapes (requests come from @real-estate/crm's ZActionPlanInput,
// ZActionPlanPatch, ZLeadPlanStart, ZLeadPlanStop) and its serializers.
import { z } from "zod";
import { TASK_KINDS } from "@real-estate/types";
import { describeOffset, type ActionPlanRow, type LeadPlanRow } from "@real-estate/crm";

const ZStepKind = z.enum(["TASK", "EMAIL"]);

export const ZActionPlan = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    archived: z.boolean(),
    steps: z.array(
      z.object({
        position: z.number().int(),
        kind: ZStepKind,
        taskKind: z.enum(TASK_KINDS).nullable(),
        title: z.string(),
        offsetMinutes: z.number().int(),
        when: z.string().meta({ description: 'The offset in words, e.g. "after 2 days 4 hours"' }),
        emailSubject: z.string().nullable(),
        emailBody: z.string().nullable(),
      }),
    ),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "ActionPlan" });

export const ZActionPlanList = z.object({ items: z.array(ZActionPlan.extend({ activeLeads: z.number().int() })) }).meta({ id: "ActionPlanList" });

export const ZLeadPlan = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    planId: z.uuid(),
    planName: z.string(),
    status: z.enum(["ACTIVE", "PAUSED", "STOPPED", "COMPLETED"]),
    startedAt: z.iso.datetime(),
    startedBy: z.enum(["member", "routing_rule"]),
    stoppedAt: z.iso.datetime().nullable(),
    stoppedReason: z.string().nullable(),
    pausedAt: z.iso.datetime().nullable().meta({ description: "When the plan was last paused (a reply, a status change, a reassignment)" }),
    pausedReason: z.string().nullable(),
    completedAt: z.iso.datetime().nullable(),
    nextStep: z.object({ title: z.string(), dueAt: z.iso.datetime() }).nullable(),
    steps: z.array(
      z.object({
        id: z.uuid(),
        position: z.number().int(),
        kind: ZStepKind,
        taskKind: z.enum(TASK_KINDS).nullable(),
        title: z.string(),
        dueAt: z.iso.datetime(),
        status: z.enum(["PENDING", "DONE", "SKIPPED", "CANCELLED"]),
        ranAt: z.iso.datetime().nullable(),
        taskId: z.uuid().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "LeadPlan" });

export const ZLeadPlanList = z.object({ items: z.array(ZLeadPlan) }).meta({ id: "LeadPlanList" });

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function actionPlanItem(row: ActionPlanRow): z.infer<typeof ZActionPlan> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    archived: row.archivedAt !== null,
    steps: row.steps.map((s) => ({
      position: s.position,
      kind: s.kind,
      taskKind: s.taskKind,
      title: s.title,
      offsetMinutes: s.offsetMinutes,
      when: describeOffset(s.offsetMinutes),
      emailSubject: s.emailSubject,
      emailBody: s.emailBody,
    })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function leadPlanItem(row: LeadPlanRow): z.infer<typeof ZLeadPlan> {
  const next = row.status === "ACTIVE" ? row.steps.find((s) => s.status === "PENDING") : undefined;
  return {
    id: row.id,
    leadId: row.leadId,
    planId: row.planId,
    planName: row.planName,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    startedBy: row.routingRuleId ? "routing_rule" : "member",
    stoppedAt: iso(row.stoppedAt),
    stoppedReason: row.stoppedReason,
    pausedAt: iso(row.pausedAt),
    pausedReason: row.pausedReason,
    completedAt: iso(row.completedAt),
    nextStep: next ? { title: next.title, dueAt: next.dueAt.toISOString() } : null,
    steps: row.steps.map((s) => ({ ...s, dueAt: s.dueAt.toISOString(), ranAt: iso(s.ranAt) })),
  };
}
