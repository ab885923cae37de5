"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LEAD_SOURCES, ZRoutingRuleInput } from "@real-estate/types";
import {
  claimPondLead,
  createRoutingRule,
  deleteRoutingRule,
  moveRoutingRule,
  setMemberAway,
  UnknownActionPlanError,
  UnknownMemberError,
} from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";

export type RoutingState = { ok?: string; error?: string };

const ZId = z.uuid();
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const wholeNumber = (value: string) => (value === "" ? null : Number(value.replace(/[$,\s]/g, "")));
/** "18:30" → 1110 minutes after midnight; "" → null; anything else NaN (refused by the schema). */
const minutesOf = (value: string) => {
  if (value === "") return null;
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};

const FIELD_WORDS: Record<string, string> = {
  name: "Name",
  towns: "Towns",
  minPrice: "Lowest price",
  maxPrice: "Highest price",
  toMinute: "Time window",
  fromMinute: "Time window",
  targetMembershipId: "Agent",
  memberIds: "Round-robin members",
  rerouteAfterMinutes: "Re-route after",
  sources: "Sources",
  actionPlanId: "Action plan",
};

/** Owners add a rule from the routing page's form; every field is checked by ZRoutingRuleInput. */
export async function createRoutingRuleAction(_prev: RoutingState, form: FormData): Promise<RoutingState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const parsed = ZRoutingRuleInput.safeParse({
    name: text(form, "name"),
    sources: form
      .getAll("sources")
      .map(String)
      .filter((s) => (LEAD_SOURCES as readonly string[]).includes(s)),
    towns: text(form, "towns")
      .split(",")
      .map((t) => t.trim().toLowerCase().replace(/\s+/g, "-"))
      .filter(Boolean),
    minPrice: wholeNumber(text(form, "minPrice")),
    maxPrice: wholeNumber(text(form, "maxPrice")),
    listingOffice: text(form, "listingOffice"),
    listingAgent: text(form, "listingAgent"),
    fromMinute: minutesOf(text(form, "from")),
    toMinute: minutesOf(text(form, "to")),
    targetKind: text(form, "targetKind"),
    targetMembershipId: text(form, "targetMembershipId") || null,
    memberIds: form.getAll("memberIds").map(String),
    rerouteAfterMinutes: wholeNumber(text(form, "rerouteAfterMinutes")),
    actionPlanId: text(form, "actionPlanId") || null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = FIELD_WORDS[String(issue.path[0])] ?? "Rule";
    return { error: `${field}: ${issue.message}` };
  }
  try {
    const rule = await createRoutingRule({ tenantId: tenant.tenantId, input: parsed.data, actorUserId: session.user.id });
    revalidatePath("/routing");
    return { ok: `Rule “${rule.name}” added.` };
  } catch (error) {
    if (error instanceof UnknownMemberError) return { error: "A chosen member is no longer on the team." };
    if (error instanceof UnknownActionPlanError) return { error: "The chosen action plan was archived or removed." };
    throw error;
  }
}

export async function deleteRoutingRuleAction(form: FormData): Promise<void> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const id = ZId.safeParse(form.get("ruleId"));
  if (id.success) await deleteRoutingRule({ tenantId: tenant.tenantId, ruleId: id.data, actorUserId: session.user.id });
  revalidatePath("/routing");
}

export async function moveRoutingRuleAction(form: FormData): Promise<void> {
  const { tenant } = await requirePageAccess({ role: "OWNER" });
  const parsed = z.object({ ruleId: ZId, direction: z.enum(["up", "down"]) }).safeParse({ ruleId: form.get("ruleId"), direction: form.get("direction") });
  if (parsed.success) await moveRoutingRule({ tenantId: tenant.tenantId, ...parsed.data });
  revalidatePath("/routing");
}

/** Owners mark anyone away; an agent marks only themself. */
export async function setAwayAction(form: FormData): Promise<void> {
  const { tenant, member } = await requirePageAccess();
  const parsed = z.object({ membershipId: ZId, away: z.enum(["true", "false"]) }).safeParse({ membershipId: form.get("membershipId"), away: form.get("away") });
  if (!parsed.success) return;
  if (member.role !== "OWNER" && parsed.data.membershipId !== member.id) return;
  await setMemberAway({ tenantId: tenant.tenantId, membershipId: parsed.data.membershipId, away: parsed.data.away === "true" });
  revalidatePath("/team");
  revalidatePath("/routing");
}

/** Any member takes a lead waiting in the shared pond. */
export async function claimLeadAction(form: FormData): Promise<void> {
  const { tenant, session, member } = await requirePageAccess();
  const id = ZId.safeParse(form.get("leadId"));
  if (!id.success) return;
  await claimPondLead({ tenantId: tenant.tenantId, leadId: id.data, membershipId: member.id, actorUserId: session.user.id });
  revalidatePath(`/leads/${id.data}`);
  revalidatePath("/leads");
}
