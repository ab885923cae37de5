import { z } from "zod";
import { DEFAULT_PHONE_COUNTRY, isStorableText, MAX_PHONE_INPUT_LENGTH, parsePhone, truncateText } from "@real-estate/types";

/** Empty strings (what an empty form field sends) count as "not given". */
export const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : typeof v === "string" ? v.trim() || undefined : v);

/** NUL bytes and unpaired surrogates: PostgreSQL cannot store them, and no person types them. */
export { isStorableText } from "@real-estate/types";

export const ZText = (max: number, label = "This field") =>
  z
    .string(`${label} must be text`)
    .max(max, `${label} is too long (at most ${max} characters)`)
    .refine(isStorableText, `${label} contains characters we cannot accept`);

export const optionalText = (max: number, label = "This field") => z.preprocess(blankToUndefined, ZText(max, label).optional());

export const ZEmailField = z.preprocess(
  blankToUndefined,
  z
    .email("Please enter a valid email address")
    .max(254, "That email address is too long")
    .transform((v) => v.toLowerCase())
    .optional(),
);

/** A phone as stored: E.164 and the extension apart. */
export type PhoneValue = { e164: string; extension: string | null };

/**
 * A phone field read the way the brokerage's visitors write numbers: without a country code it is
 * a number of `country` (the tenant's); "x12" / "ext. 12" is the extension. A value that cannot be
 * a real number is a field error, never turned into another number.
 */
export const phoneField = (country: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string("Please enter a phone number")
      .max(MAX_PHONE_INPUT_LENGTH, "That phone number is too long")
      .transform((v, ctx): PhoneValue => {
        const parsed = parsePhone(v, { defaultCountry: country });
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", message: `Please enter a valid phone number: ${parsed.message.charAt(0).toLowerCase()}${parsed.message.slice(1)}` });
          return z.NEVER;
        }
        return { e164: parsed.e164, extension: parsed.extension };
      })
      .optional(),
  );

export const ZPhoneField = phoneField(DEFAULT_PHONE_COUNTRY);

/** The event contact's phone fields for a parsed phone value. */
export function eventPhone(phone: PhoneValue | undefined): { phone?: string; phoneExtension?: string } {
  if (!phone) return {};
  return { phone: phone.e164, ...(phone.extension ? { phoneExtension: phone.extension } : {}) };
}

/** A whole number given as a number or a form string ("2,400" is 2400); blank is "not given". */
export const optionalInt = (min: number, max: number, label: string) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === "string" ? Number(b.replace(/[,\s]/g, "")) : b;
    },
    z
      .number(`${label} must be a number`)
      .int(`${label} must be a whole number`)
      .min(min, `${label} must be at least ${min}`)
      .max(max, `${label} must be at most ${max}`)
      .optional(),
  );

export const optionalNumber = (min: number, max: number, label: string) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === "string" ? Number(b) : b;
    },
    z.number(`${label} must be a number`).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`).optional(),
  );

/** The idempotency key a client may send; the same key answers the same result. */
export const ZClientEventId = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(255, "eventId is at most 255 characters")
    .regex(/^[\x21-\x7e]+$/, "eventId must be printable ASCII without spaces")
    .optional(),
);

/** Accepts the contact either flat ({ name, email, phone }) or nested ({ contact: { firstName, ... } }). */
export function flattenContact(data: Record<string, unknown>): Record<string, unknown> {
  const c = data.contact;
  if (!c || typeof c !== "object" || Array.isArray(c)) return data;
  const contact = c as Record<string, unknown>;
  const name = [contact.firstName, contact.lastName].filter((p) => typeof p === "string" && p.trim()).join(" ");
  return { name: name || undefined, email: contact.email, phone: contact.phone, ...data, contact: undefined };
}

export function splitName(name: string | undefined): { firstName?: string; lastName?: string } {
  if (!name) return {};
  const [first, ...rest] = name.trim().split(/\s+/);
  return { firstName: first && truncateText(first, 120), ...(rest.length ? { lastName: truncateText(rest.join(" "), 120) } : {}) };
}

/** zod issues as { field: message } (first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    out[key] ??= issue.message;
  }
  return out;
}
