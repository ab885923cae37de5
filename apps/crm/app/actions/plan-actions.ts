"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { TASK_KINDS } from "@real-estate/types";
import { createActionPlan, resumeLeadPlan, startActionPlan, stopLeadPlan, updateActionPlan, ZActionPlanInput } from "@real-estate/crm";
import { PLAN_FORM_ROWS } from "@/lib/plan-form";
import { requirePageAccess } from "@/lib/page-access";

export type PlanState = { ok?: string; error?: string };

const ZId = z.uuid();
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const count = (value: string) => (value === "" ? 0 : /^\d+$/.test(value) ? Number(value) : Number.NaN);

/** The form's rows as plan steps: "what" is a task kind or EMAIL; the offset is days + hours. */
function stepsOf(form: FormData) {
  const steps: unknown[] = [];
  for (let i = 0; i < PLAN_FORM_ROWS; i++) {
    const title = text(form, `step${i}.title`);
    if (!title) continue;
    const what = text(form, `step${i}.what`);
    const offsetMinutes = count(text(form, `step${i}.days`)) * 1440 + count(text(form, `step${i}.hours`)) * 60;
    if (what === "EMAIL") {
      steps.push({ kind: "EMAIL", title, offsetMinutes, emailSubject: text(form, `step${i}.subject`) || title, emailBody: text(form, `step${i}.body`) });
    } else {
      steps.push({ kind: "TASK", taskKind: (TASK_KINDS as readonly string[]).includes(what) ? what : "OTHER", title, offsetMinutes });
    }
  }
  return steps;
}

function explain(issue: z.core.$ZodIssue): string {
  const [first, index, field] = issue.path;
  if (first === "steps" && typeof index === "number") return `Step ${index + 1}${field ? ` (${String(field)})` : ""}: ${issue.message}`;
  if (first === "steps") return `Steps: ${issue.message}`;
  return `${first === "name" ? "Name" : "Plan"}: ${issue.message}`;
}

/** Owners add a plan from the plans page; the rows are checked by ZActionPlanInput. */
export async function createPlanAction(_prev: PlanState, form: FormData): Promise<PlanState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const parsed = ZActionPlanInput.safeParse({ name: text(form, "name"), description: text(form, "description") || undefined, steps: stepsOf(form) });
  if (!parsed.success) return { error: explain(parsed.error.issues[0]!) };
  const plan = await createActionPlan({ tenantId: tenant.tenantId, input: parsed.data, actorUserId: session.user.id });
  revalidatePath("/plans");
  return { ok: `Plan “${plan.name}” added with ${plan.steps.length} step${plan.steps.length === 1 ? "" : "s"}.` };
}

/** Owners archive a plan (it starts on no new lead) or restore it. */
export async function archivePlanAction(form: FormData): Promise<void> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const parsed = z.object({ planId: ZId, archived: z.enum(["true", "false"]) }).safeParse({ planId: form.get("planId"), archived: form.get("archived") });
  if (!parsed.success) return;
  await updateActionPlan({
    tenantId: tenant.tenantId,
    planId: parsed.data.planId,
    change: { archived: parsed.data.archived === "true" },
    actorUserId: session.user.id,
  });
  revalidatePath("/plans");
}

/** Any member starts a plan on a lead from its page. */
export async function startPlanAction(_prev: PlanState, form: FormData): Promise<PlanState> {
  const { tenant, session } = await requirePageAccess();
  const parsed = z.object({ leadId: ZId, planId: ZId }).safeParse({ leadId: form.get("leadId"), planId: form.get("planId") });
  if (!parsed.success) return { error: "Choose a plan." };
  const result = await startActionPlan({ tenantId: tenant.tenantId, ...parsed.data, actorUserId: session.user.id });
  if (!result.ok) return { error: result.error === "plan_archived" ? "That plan is archived." : "That plan or lead no longer exists." };
  revalidatePath(`/leads/${parsed.data.leadId}`);
  return { ok: result.created ? `Plan “${result.leadPlan.planName}” started.` : `Plan “${result.leadPlan.planName}” is already running on this lead.` };
}

/** Any member stops a lead's plan; its open steps are cancelled. */
export async function stopPlanAction(form: FormData): Promise<void> {
  const { tenant, session } = await requirePageAccess();
  const parsed = z
    .object({ leadId: ZId, leadPlanId: ZId, reason: z.string().trim().max(500).optional() })
    .safeParse({ leadId: form.get("leadId"), leadPlanId: form.get("leadPlanId"), reason: form.get("reason") || undefined });
  if (!parsed.success) return;
  await stopLeadPlan({ tenantId: tenant.tenantId, ...parsed.data, actorUserId: session.user.id });
  revalidatePath(`/leads/${parsed.data.leadId}`);
}

/** Any member resumes a lead's paused plan; its open steps move on by the time it was paused. */
export async function resumePlanAction(form: FormData): Promise<void> {
  const { tenant, session } = await requirePageAccess();
  const parsed = z.object({ leadId: ZId, leadPlanId: ZId }).safeParse({ leadId: form.get("leadId"), leadPlanId: form.get("leadPlanId") });
  if (!parsed.success) return;
  await resumeLeadPlan({ tenantId: tenant.tenantId, ...parsed.data, actorUserId: session.user.id });
  revalidatePath(`/leads/${parsed.data.leadId}`);
}
