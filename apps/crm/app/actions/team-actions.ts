"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MEMBERSHIP_ROLES } from "@real-estate/types";
import { createInvitation, revokeInvitation } from "@real-estate/crm";
import { LastOwnerError, removeMembership, updateMembershipRole } from "@real-estate/crm";
import { createApiKey, revokeApiKey, updateApiKey, ZApiKeyPatch } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";

export type TeamState = { ok?: string; error?: string; link?: string; key?: string };

const ZInvite = z.object({ email: z.email("Enter an email address.").max(254), role: z.enum(MEMBERSHIP_ROLES) });

/** Owners invite by e-mail (through the outbox); the link is also shown once, here, in case the e-mail goes astray. */
export async function inviteAction(_prev: TeamState, form: FormData): Promise<TeamState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const parsed = ZInvite.safeParse({ email: form.get("email"), role: form.get("role") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  // The link: on the CRM domain the request matched, with the platform's scheme and port (never the Host's port).
  const { invitation, acceptUrl } = await createInvitation({
    tenantId: tenant.tenantId,
    email: parsed.data.email,
    role: parsed.data.role,
    invitedByUserId: session.user.id,
    crmHost: tenant.hostname,
  });
  revalidatePath("/team");
  return { ok: `Invitation e-mailed to ${invitation.email}. The link, should the e-mail not arrive (shown once):`, link: acceptUrl };
}

const ZId = z.uuid();

export async function revokeInvitationAction(form: FormData): Promise<void> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const id = ZId.safeParse(form.get("invitationId"));
  if (id.success) await revokeInvitation({ tenantId: tenant.tenantId, invitationId: id.data, actorUserId: session.user.id });
  revalidatePath("/team");
}

export async function changeRoleAction(_prev: TeamState, form: FormData): Promise<TeamState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const parsed = z.object({ membershipId: ZId, role: z.enum(MEMBERSHIP_ROLES) }).safeParse({ membershipId: form.get("membershipId"), role: form.get("role") });
  if (!parsed.success) return { error: "Pick a role." };
  try {
    const updated = await updateMembershipRole({ tenantId: tenant.tenantId, ...parsed.data, actorUserId: session.user.id });
    if (!updated) return { error: "This member is gone." };
    revalidatePath("/team");
    return { ok: `${updated.user.name} is now ${updated.role === "OWNER" ? "an owner" : "an agent"}.` };
  } catch (error) {
    if (error instanceof LastOwnerError) return { error: "A brokerage needs at least one owner: make someone else an owner first." };
    throw error;
  }
}

export async function removeMemberAction(_prev: TeamState, form: FormData): Promise<TeamState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const id = ZId.safeParse(form.get("membershipId"));
  if (!id.success) return { error: "Unknown member." };
  try {
    const removed = await removeMembership({ tenantId: tenant.tenantId, membershipId: id.data, actorUserId: session.user.id });
    revalidatePath("/team");
    return removed ? { ok: "Member removed; their leads are now unassigned." } : { error: "This member is gone." };
  } catch (error) {
    if (error instanceof LastOwnerError) return { error: "A brokerage needs at least one owner." };
    throw error;
  }
}

export async function createApiKeyAction(_prev: TeamState, form: FormData): Promise<TeamState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const name = z.string().trim().min(1, "Name the key (what uses it?).").max(80).safeParse(form.get("name"));
  if (!name.success) return { error: name.error.issues[0]?.message };
  const access = z.enum(["read-write", "read", "write"]).safeParse(form.get("access") ?? "read-write");
  if (!access.success) return { error: "Choose the key's access: read and write, read only or write only." };
  const rate = z.coerce
    .number()
    .int()
    .min(1, "Allow at least 1 request per minute.")
    .max(100_000, "At most 100,000 requests per minute.")
    .safeParse(form.get("rateLimitPerMinute") || 600);
  if (!rate.success) return { error: rate.error.issues[0]?.message };
  const scopes = access.data === "read-write" ? (["read", "write"] as const) : ([access.data] as const);
  const { key } = await createApiKey({ tenantId: tenant.tenantId, name: name.data, createdByUserId: session.user.id, scopes, rateLimitPerMinute: rate.data });
  revalidatePath("/api-keys");
  return { ok: "Key created. Copy it now: it is shown only once.", key };
}

export async function revokeApiKeyAction(form: FormData): Promise<void> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const id = ZId.safeParse(form.get("apiKeyId"));
  if (id.success) await revokeApiKey({ tenantId: tenant.tenantId, apiKeyId: id.data, actorUserId: session.user.id });
  revalidatePath("/api-keys");
}

/** An owner changes a key's requests per minute (validated as the API does; audited). */
export async function updateApiKeyLimitAction(_prev: TeamState, form: FormData): Promise<TeamState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const id = ZId.safeParse(form.get("apiKeyId"));
  if (!id.success) return { error: "Unknown key." };
  const raw = String(form.get("rateLimitPerMinute") ?? "").trim();
  if (!/^\d{1,9}$/.test(raw)) return { error: "Enter a whole number of requests from 1 to 100,000." };
  const change = ZApiKeyPatch.safeParse({ rateLimitPerMinute: Number(raw) });
  if (!change.success) return { error: change.error.issues[0]?.message };
  const result = await updateApiKey({ tenantId: tenant.tenantId, apiKeyId: id.data, change: change.data, actorUserId: session.user.id });
  revalidatePath("/api-keys");
  if (!result.ok) return { error: result.error === "revoked" ? "This key is revoked." : "This key is gone." };
  return { ok: `Saved: ${result.apiKey.rateLimitPerMinute} per minute.` };
}
