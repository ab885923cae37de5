"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { findDuplicateContact, mergeContacts, undoContactMerge } from "@real-estate/crm";
import { DEFAULT_PHONE_COUNTRY, normalizePhoneE164 } from "@real-estate/types";
import { requirePageAccess } from "@/lib/page-access";

export type MergeState = { error?: string };

/**
 * Owners: merges the contact holding the e-mail or phone typed into this one. Everything it owns
 * moves here; the merge is recorded and can be undone from the timeline.
 */
export async function mergeContactAction(_prev: MergeState, form: FormData): Promise<MergeState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const contactId = String(form.get("contactId") ?? "");
  const other = String(form.get("other") ?? "").trim();
  if (!other) return { error: "Type the e-mail or phone of the contact to merge into this one." };
  const email = other.includes("@") ? other.toLowerCase() : null;
  const phone = email ? null : normalizePhoneE164(other, tenant.country ?? DEFAULT_PHONE_COUNTRY);
  if (!email && !phone) return { error: "That is neither an e-mail address nor a phone number." };
  const found = await findDuplicateContact({ tenantId: tenant.tenantId, email, phone, excludeContactId: contactId });
  if (!found) return { error: "No other contact has that e-mail or phone." };
  const result = await mergeContacts({ tenantId: tenant.tenantId, survivorId: contactId, absorbedId: found.contact.id, actor: { userId: session.user.id } });
  if (!result.ok) return { error: result.error === "not_found" ? "One of the contacts no longer exists." : "Those contacts cannot be merged." };
  revalidatePath(`/contacts/${contactId}`);
  redirect(`/contacts/${contactId}`);
}

/** Owners: separates two merged contacts again (from the merge's timeline entry). */
export async function undoMergeAction(_prev: MergeState, form: FormData): Promise<MergeState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const auditLogId = String(form.get("auditLogId") ?? "");
  const result = await undoContactMerge({ tenantId: tenant.tenantId, auditLogId, actor: { userId: session.user.id } });
  if (!result.ok) return { error: result.error === "already_undone" ? "This merge was already undone." : "This merge can no longer be undone." };
  revalidatePath(`/contacts/${result.survivorId}`);
  redirect(`/contacts/${result.restoredId}`);
}
