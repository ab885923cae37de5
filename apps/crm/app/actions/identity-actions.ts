"use server";
import { revalidatePath } from "next/cache";
import { addContactIdentity, makeIdentityPrimary, removeContactIdentity, type ContactIdentityEditResult } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { contactName } from "@/components/format";
import { formatPhone } from "@/components/format-phone";

export type IdentityState = { error?: string; conflict?: boolean; done?: string };

const STALE =
  "Someone else changed this contact after you opened it, so nothing was changed. The page now shows the contact as it is: check it, then try again.";

/** The version the page showed (If-Match of the form); without one the edit is refused rather than applied blindly. */
function versionOf(form: FormData): number {
  const version = Number(form.get("version"));
  return Number.isInteger(version) && version > 0 ? version : -1;
}

function answer(result: ContactIdentityEditResult, contactId: string, done: string): IdentityState {
  revalidatePath(`/contacts/${contactId}`);
  if (result.ok) return { done: result.changed ? done : "Nothing to change." };
  switch (result.error) {
    case "version_mismatch":
      return { error: STALE, conflict: true };
    case "not_found":
      return { error: "That contact, e-mail or phone no longer exists." };
    case "invalid":
      return { error: Object.values(result.fields)[0] ?? "That is not valid." };
    case "last_identity":
      return { error: "A contact needs at least one e-mail or phone: add another before removing this one." };
    case "duplicate":
      return {
        error: `${contactName(result.contact)} already has this ${result.matchedOn === "email" ? "e-mail" : "phone"} (${result.matchedOn === "email" ? result.contact.email : formatPhone(result.contact.phone)}). Merge the two contacts instead.`,
      };
  }
}

/** Adds an e-mail or phone to the contact, if it is still at the version the page showed. */
export async function addIdentityAction(_prev: IdentityState, form: FormData): Promise<IdentityState> {
  const { tenant, session } = await requirePageAccess();
  const contactId = String(form.get("contactId") ?? "");
  const kind = form.get("kind") === "phone" ? "phone" : "email";
  const value = String(form.get("value") ?? "").trim();
  if (!value) return { error: kind === "email" ? "Type an e-mail address." : "Type a phone number." };
  const result = await addContactIdentity({
    tenantId: tenant.tenantId,
    contactId,
    kind,
    value: value.slice(0, 300),
    actor: { userId: session.user.id },
    expectedVersion: versionOf(form),
  });
  return answer(result, contactId, kind === "email" ? "E-mail address added." : "Phone number added.");
}

/** Removes or makes primary one of the contact's e-mails or phones (the button's `op`). */
export async function editIdentityAction(_prev: IdentityState, form: FormData): Promise<IdentityState> {
  const { tenant, session } = await requirePageAccess();
  const contactId = String(form.get("contactId") ?? "");
  const identityId = String(form.get("identityId") ?? "");
  const options = { tenantId: tenant.tenantId, contactId, identityId, actor: { userId: session.user.id }, expectedVersion: versionOf(form) };
  if (form.get("op") === "remove") return answer(await removeContactIdentity(options), contactId, "Removed.");
  return answer(await makeIdentityPrimary(options), contactId, "Made primary.");
}
