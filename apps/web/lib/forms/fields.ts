import { z } from "zod";
import { normalizePhoneE164 } from "@real-estate/types";

/** Empty strings (what an empty form field sends) count as "not given". */
export const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : typeof v === "string" ? v.trim() || undefined : v);

/** NUL bytes and unpaired surrogates: PostgreSQL cannot store them, and no person types them. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isStorableText = (v: string) => !UNSTORABLE.test(v);

export const ZText = (max: number, label = "This field") =>
  z
    .string(`${label} must be text`)
    .max(max, `${label} is too long (at most ${max} characters)`)
    .refine(isStorableText, `${label} contains characters we cannot accept`);

export const optionalText = (max: number, label = "This field") => z.preprocess(blankToUndefined, ZText(max, label).optional());

export const ZEmailField = z.preprocess(
  blankToUndefined,
  z.email("Please enter a valid email address").max(254, "That email address is too long").transform((v) => v.toLowerCase()).optional(),
);

export const ZPhoneField = z.preprocess(
  blankToUndefined,
  z
    .string("Please enter a phone number")
    .max(32, "That phone number is too long")
    .transform((v, ctx) => {
      const e164 = normalizePhoneE164(v);
      if (!e164) {
        ctx.addIssue({ code: "custom", message: "Please enter a valid phone number" });
        return z.NEVER;
      }
      return e164;
    })
    .optional(),
);

/** A whole number given as a number or a form string ("2,400" is 2400); blank is "not given". */
export const optionalInt = (min: number, max: number, label: string) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === "string" ? Number(b.replace(/[,\s]/g, "")) : b;
    },
    z.number(`${label} must be a number`).int(`${label} must be a whole number`).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`).optional(),
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
  z.string().max(255, "eventId is at most 255 characters").regex(/^[\x21-\x7e]+$/, "eventId must be printable ASCII without spaces").optional(),
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
  return { firstName: first?.slice(0, 120), ...(rest.length ? { lastName: rest.join(" ").slice(0, 120) } : {}) };
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
