import { normalizePhoneE164 } from "@real-estate/types";

/** The fields a person can set on a contact. Empty strings clear a field. */
export type ContactInput = {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
};

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);

/** Trims, lower-cases the email and puts the phone in E.164, as stored and matched. */
export function normalizeContactInput(input: ContactInput): ContactInput {
  const email = blankToNull(input.email);
  const phone = blankToNull(input.phone);
  return {
    firstName: blankToNull(input.firstName),
    lastName: blankToNull(input.lastName),
    email: email === undefined || email === null ? email : email.toLowerCase(),
    phone: phone === undefined || phone === null ? phone : (normalizePhoneE164(phone) ?? phone),
    notes: blankToNull(input.notes),
  };
}
