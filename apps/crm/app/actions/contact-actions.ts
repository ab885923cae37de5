"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { MAX_PHONE_INPUT_LENGTH } from "@real-estate/types";
import { createContact, updateContact, type ContactRow } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { contactName } from "@/components/format";
import { formatPhone } from "@/components/format-phone";

export type ContactFormState = {
  error?: string;
  fields?: Record<string, string>;
  duplicate?: { id: string; name: string; matchedOn: "email" | "phone"; detail: string };
  /** Someone saved the contact after this form was opened: what they changed, and the version to save over. */
  conflict?: { changes: { field: string; now: string }[]; version: number };
  values?: Record<string, string>;
};

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);
const ZContactForm = z
  .object({
    firstName: optional(120),
    lastName: optional(120),
    email: z
      .union([z.literal(""), z.email("Not an email address.").max(254)])
      .optional()
      .transform((v) => v || undefined),
    // Parsed in the brokerage's country by createContact/updateContact, which answer field errors.
    phone: optional(MAX_PHONE_INPUT_LENGTH),
    notes: optional(5000),
  })
  .refine((v) => v.email || v.phone, { message: "Give an email or a phone number.", path: ["email"] })
  .refine((v) => v.firstName || v.lastName || v.email, { message: "Give a name.", path: ["firstName"] });

function readForm(form: FormData) {
  const values = Object.fromEntries(["firstName", "lastName", "email", "phone", "notes", "message"].map((k) => [k, String(form.get(k) ?? "")]));
  return { values, parsed: ZContactForm.safeParse(values) };
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
}

/** Manual contact capture: creates the contact (and a lead) unless one with this email/phone exists, which is offered instead. */
export async function createContactAction(_prev: ContactFormState, form: FormData): Promise<ContactFormState> {
  const { tenant, session } = await requirePageAccess();
  const { values, parsed } = readForm(form);
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  const result = await createContact({
    tenantId: tenant.tenantId,
    input: parsed.data,
    openLead: form.get("openLead") ? { message: values.message || undefined } : undefined,
    actor: { userId: session.user.id },
  });
  if (!result.created && "error" in result) return { fields: result.fields, values };
  if (!result.created) {
    const c = result.contact;
    return {
      values,
      duplicate: { id: c.id, name: contactName(c), matchedOn: result.matchedOn, detail: (result.matchedOn === "email" ? c.email : formatPhone(c.phone)) ?? "" },
    };
  }
  revalidatePath("/contacts");
  redirect(result.leadId ? `/leads/${result.leadId}` : `/contacts/${result.contact.id}`);
}

const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  phoneExtension: "Extension",
  notes: "Notes",
};

/** The fields someone else changed since the form was opened (the form sends what it showed). */
function changesSince(base: Record<string, string>, current: ContactRow): { field: string; now: string }[] {
  return Object.keys(FIELD_LABELS)
    .filter((f) => f in base && (base[f] ?? "") !== ((current[f as keyof ContactRow] as string | null) ?? ""))
    .map((f) => ({
      field: FIELD_LABELS[f]!,
      now: (f === "phone" ? formatPhone(current.phone) : ((current[f as keyof ContactRow] as string | null) ?? "")) || "(empty)",
    }));
}

function readBase(form: FormData): Record<string, string> {
  try {
    const base = JSON.parse(String(form.get("base") ?? "{}")) as unknown;
    return base && typeof base === "object" ? (base as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Saves an edit unless the contact changed since the form was opened (its version): then nothing
 * is saved and the form shows what the other person changed, keeping what this person typed.
 */
export async function updateContactAction(_prev: ContactFormState, form: FormData): Promise<ContactFormState> {
  const { tenant, session } = await requirePageAccess();
  const contactId = String(form.get("contactId") ?? "");
  const version = Number(form.get("version"));
  const { values, parsed } = readForm(form);
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  const d = parsed.data;
  const result = await updateContact({
    tenantId: tenant.tenantId,
    contactId,
    // Cleared fields become null; a name part left empty is cleared too.
    input: { firstName: d.firstName ?? null, lastName: d.lastName ?? null, email: d.email ?? null, phone: d.phone ?? null, notes: d.notes ?? null },
    actor: { userId: session.user.id },
    ...(Number.isInteger(version) && version > 0 ? { expectedVersion: version } : {}),
  });
  if (!result.ok && result.error === "not_found") return { error: "This contact no longer exists." };
  if (!result.ok && result.error === "invalid") return { fields: result.fields, values };
  if (!result.ok && result.error === "version_mismatch") {
    return {
      values,
      error: "Someone else saved this contact after you opened it. Nothing was saved: check their changes below, then save again to keep yours.",
      conflict: { changes: changesSince(readBase(form), result.contact), version: result.contact.version },
    };
  }
  if (!result.ok && result.error === "duplicate") {
    const c = result.contact;
    return {
      values,
      duplicate: { id: c.id, name: contactName(c), matchedOn: result.matchedOn, detail: (result.matchedOn === "email" ? c.email : formatPhone(c.phone)) ?? "" },
    };
  }
  revalidatePath(`/contacts/${contactId}`);
  redirect(`/contacts/${contactId}`);
}
