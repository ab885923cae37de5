import { parsePhone } from "@real-estate/types";

/** The fields a person can set on a contact. Empty strings clear a field. */
export type ContactInput = {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  /** As typed: read in the tenant's country when it has no country code; an extension is kept apart. */
  phone?: string | null;
  notes?: string | null;
};

/** A contact input as stored and matched: trimmed, lower-cased e-mail, E.164 phone and its extension. */
export type NormalizedContactInput = Omit<ContactInput, "phone"> & { phone?: string | null; phoneExtension?: string | null };

export type NormalizeContactResult = { ok: true; input: NormalizedContactInput } | { ok: false; fields: Record<string, string> };

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);

/** Trims, lower-cases the e-mail and parses the phone; a phone that cannot be a number is a field error. */
export function normalizeContactInput(input: ContactInput, options: { defaultCountry: string }): NormalizeContactResult {
  const email = blankToNull(input.email);
  const phone = blankToNull(input.phone);
  const out: NormalizedContactInput = {
    firstName: blankToNull(input.firstName),
    lastName: blankToNull(input.lastName),
    email: email === undefined || email === null ? email : email.toLowerCase(),
    notes: blankToNull(input.notes),
  };
  if (phone === null) {
    out.phone = null;
    out.phoneExtension = null;
  } else if (phone !== undefined) {
    const parsed = parsePhone(phone, { defaultCountry: options.defaultCountry });
    if (!parsed.ok) return { ok: false, fields: { phone: parsed.message } };
    out.phone = parsed.e164;
    out.phoneExtension = parsed.extension;
  }
  return { ok: true, input: out };
}
