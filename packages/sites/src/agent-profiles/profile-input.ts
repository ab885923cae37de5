import { z } from "zod";
import { MAX_PHONE_INPUT_LENGTH, parsePhone } from "@real-estate/types";

/** Longest display name accepted. */
export const MAX_DISPLAY_NAME_LENGTH = 80;
/** Largest photo accepted: 2 MiB, as uploaded. */
export const MAX_MEMBER_PHOTO_BYTES = 2 * 1024 * 1024;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/**
 * A change to one's own profile: only the fields sent change; null (or blank text) clears a field.
 * Unknown fields are refused, so a client cannot slip in another member's id or another tenant's.
 */
export const ZProfilePatch = z
  .object({
    displayName: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .max(MAX_DISPLAY_NAME_LENGTH, `A name has at most ${MAX_DISPLAY_NAME_LENGTH} characters.`)
        .regex(/^[^\p{Cc}<>]*$/u, "A name cannot hold control characters or angle brackets.")
        .nullable(),
    ),
    phone: z.preprocess(blankToNull, z.string().max(MAX_PHONE_INPUT_LENGTH, `A phone number has at most ${MAX_PHONE_INPUT_LENGTH} characters.`).nullable()),
    mlsAgentKey: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .max(64, "An MLS agent id has at most 64 characters.")
        .regex(/^[A-Za-z0-9._-]+$/, "An MLS agent id holds letters, digits, dots, dashes and underscores only.")
        .nullable(),
    ),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one of displayName, phone, mlsAgentKey." });

export type ProfilePatch = z.output<typeof ZProfilePatch>;

/** The stored form of a patch: the phone parsed in the tenant's country (E.164 and extension), or the field's error. */
export function resolveProfilePatch(
  patch: ProfilePatch,
  country: string,
):
  | { ok: true; data: { displayName?: string | null; phone?: string | null; phoneExtension?: string | null; mlsAgentKey?: string | null } }
  | { ok: false; fields: Record<string, string[]> } {
  const data: { displayName?: string | null; phone?: string | null; phoneExtension?: string | null; mlsAgentKey?: string | null } = {};
  if (patch.displayName !== undefined) data.displayName = patch.displayName;
  if (patch.mlsAgentKey !== undefined) data.mlsAgentKey = patch.mlsAgentKey;
  if (patch.phone !== undefined) {
    if (patch.phone === null) {
      data.phone = null;
      data.phoneExtension = null;
    } else {
      const parsed = parsePhone(patch.phone, { defaultCountry: country });
      if (!parsed.ok) return { ok: false, fields: { phone: [parsed.message] } };
      data.phone = parsed.e164;
      data.phoneExtension = parsed.extension;
    }
  }
  return { ok: true, data };
}
