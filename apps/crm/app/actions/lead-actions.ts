"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LEAD_STATUSES, LOGGABLE_ACTIVITY_TYPES } from "@real-estate/types";
import { bulkAssignLeads, bulkUpdateLeadStatus, logActivity, updateLead, type LeadDetailRow } from "@real-estate/crm";
import { STATUS_LABELS } from "@/components/format";
import { requirePageAccess } from "@/lib/page-access";

export type ActionState = { ok?: string; error?: string };

const ZBulk = z.discriminatedUnion("op", [
  z.object({ op: z.literal("status"), status: z.enum(LEAD_STATUSES, "Pick a status."), leadIds: z.array(z.uuid()).min(1, "Tick at least one lead.").max(500) }),
  z.object({
    op: z.literal("assign"),
    assignee: z.union([z.uuid(), z.literal("unassigned")], "Pick an agent."),
    leadIds: z.array(z.uuid()).min(1, "Tick at least one lead.").max(500),
  }),
]);

export async function bulkLeadsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { tenant, session } = await requirePageAccess();
  const parsed = ZBulk.safeParse({
    op: form.get("op"),
    status: form.get("status") || undefined,
    assignee: form.get("assignee") || undefined,
    leadIds: form.getAll("leadId"),
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the selection." };
  const actor = { userId: session.user.id };
  const v = parsed.data;
  const result =
    v.op === "status"
      ? await bulkUpdateLeadStatus({ tenantId: tenant.tenantId, leadIds: v.leadIds, status: v.status, actor })
      : await bulkAssignLeads({ tenantId: tenant.tenantId, leadIds: v.leadIds, assignedMembershipId: v.assignee === "unassigned" ? null : v.assignee, actor });
  if (!result.ok) return { error: result.error === "unknown_assignee" ? "That person is not a member of this brokerage." : "Too many leads at once." };
  revalidatePath("/leads");
  return { ok: `Updated ${result.changed} of ${result.matched} selected lead${result.matched === 1 ? "" : "s"}.` };
}

const ZLeadUpdate = z.object({
  leadId: z.uuid(),
  status: z.enum(LEAD_STATUSES).optional(),
  assignee: z.union([z.uuid(), z.literal("unassigned")]).optional(),
  /** The lead's version when the page was rendered: a lead changed since is not overwritten. */
  version: z.coerce.number().int().positive().optional(),
});

/** What another person changed, in words, for the editor whose save was refused. */
function describeConflict(lead: LeadDetailRow): string {
  const who = lead.assignedTo ? lead.assignedTo.user.name : "nobody";
  return `Someone else changed this lead since you opened it: it is now ${STATUS_LABELS[lead.status] ?? lead.status}, assigned to ${who}. Nothing was saved; the page now shows their change.`;
}

export async function updateLeadAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { tenant, session } = await requirePageAccess();
  const parsed = ZLeadUpdate.safeParse({
    leadId: form.get("leadId"),
    status: form.get("status") || undefined,
    assignee: form.get("assignee") || undefined,
    version: form.get("version") || undefined,
  });
  if (!parsed.success) return { error: "That change is not possible." };
  const { leadId, status, assignee, version } = parsed.data;
  const result = await updateLead({
    tenantId: tenant.tenantId,
    leadId,
    change: { status, assignedMembershipId: assignee === undefined ? undefined : assignee === "unassigned" ? null : assignee },
    actor: { userId: session.user.id },
    expectedVersion: version,
  });
  if (!result.ok && result.error === "version_mismatch") {
    revalidatePath(`/leads/${leadId}`);
    return { error: describeConflict(result.lead) };
  }
  if (!result.ok) return { error: result.error === "not_found" ? "This lead no longer exists." : "That person is not a member of this brokerage." };
  revalidatePath(`/leads/${leadId}`);
  return { ok: result.changed ? "Saved." : "No change." };
}

const ZLog = z.object({
  type: z.enum(LOGGABLE_ACTIVITY_TYPES),
  leadId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  body: z.string().trim().max(10_000),
});

export async function logActivityAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { tenant, session } = await requirePageAccess();
  const parsed = ZLog.safeParse({
    type: form.get("type"),
    leadId: form.get("leadId") || undefined,
    contactId: form.get("contactId") || undefined,
    body: form.get("body") ?? "",
  });
  if (!parsed.success) return { error: "Check the form." };
  if (parsed.data.type === "NOTE" && !parsed.data.body) return { error: "Write the note first." };
  const result = await logActivity({ tenantId: tenant.tenantId, ...parsed.data, actor: { userId: session.user.id } });
  if (!result.ok) return { error: "This record no longer exists." };
  revalidatePath(parsed.data.leadId ? `/leads/${parsed.data.leadId}` : `/contacts/${parsed.data.contactId}`);
  return { ok: `${result.activity.title} saved.` };
}
