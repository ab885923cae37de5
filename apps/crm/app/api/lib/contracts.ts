// The REST API's contracts: request bodies and response items as zod schemas. The routes
// validate with them and /api/openapi.json is generated from them, so the two cannot drift.
import { z } from "zod";
import { ACTIVITY_TYPES, LEAD_SOURCES, LEAD_STATUSES, LOGGABLE_ACTIVITY_TYPES, MAX_PHONE_INPUT_LENGTH } from "@real-estate/types";

const ZUuid = z.uuid();
/** Text PostgreSQL can store: it refuses the NUL character, so it is a 422 here, not a 500 later. */
const ZText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
const ZName = z
  .string()
  .trim()
  .max(120)
  .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
/** As typed: read in the brokerage's country unless it starts with + and a country code; "x12" is the extension. */
const ZPhone = z.string().trim().min(1).max(MAX_PHONE_INPUT_LENGTH);

// ── request bodies ──────────────────────────────────────────────────────────────────────
export const ZLeadPatch = z
  .object({
    status: z.enum(LEAD_STATUSES).optional(),
    /** Membership id of the agent, or null to unassign. */
    assignedTo: ZUuid.nullable().optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.assignedTo !== undefined, { message: "give status and/or assignedTo", path: ["body"] })
  .meta({ id: "LeadPatch" });
export type LeadPatch = z.infer<typeof ZLeadPatch>;

export const ZContactCreate = z
  .object({
    firstName: ZName.optional(),
    lastName: ZName.optional(),
    email: z.email("an email address").max(254).optional(),
    phone: ZPhone.optional(),
    notes: ZText(5000).optional(),
    /** Also open a lead (source "api" unless given) for the new contact. */
    openLead: z
      .object({ message: ZText(5000).optional(), source: z.enum(LEAD_SOURCES).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((b) => b.email || b.phone, { message: "an email or a phone number is required", path: ["email"] })
  .refine((b) => b.firstName || b.lastName || b.email, { message: "a name is required when there is no email", path: ["firstName"] })
  .meta({ id: "ContactCreate" });
export type ContactCreate = z.infer<typeof ZContactCreate>;

/** PATCH /api/contacts/{id}: the fields to change; null or "" clears one. Send If-Match to update only the version you read. */
export const ZContactPatch = z
  .object({
    firstName: ZName.nullable().optional(),
    lastName: ZName.nullable().optional(),
    email: z
      .union([z.literal(""), z.email("an email address").max(254)])
      .nullable()
      .optional(),
    phone: z
      .union([z.literal(""), ZPhone])
      .nullable()
      .optional(),
    notes: ZText(5000).nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "give at least one field", path: ["body"] })
  .meta({ id: "ContactPatch" });
export type ContactPatch = z.infer<typeof ZContactPatch>;

/** POST /api/contacts/{id}/identities: another e-mail or phone for the contact (a phone as a person types it). */
export const ZContactIdentityAdd = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("email"), value: z.email("an email address").max(254) }).strict(),
    z.object({ kind: z.literal("phone"), value: ZPhone }).strict(),
  ])
  .meta({ id: "ContactIdentityAdd" });
export type ContactIdentityAdd = z.infer<typeof ZContactIdentityAdd>;

/** POST /api/contacts/{id}/merge (owners): merge another contact into this one. */
export const ZContactMerge = z.object({ contactId: ZUuid }).strict().meta({ id: "ContactMerge" });

export const ZActivityCreate = z
  .object({
    type: z.enum(LOGGABLE_ACTIVITY_TYPES),
    leadId: ZUuid.optional(),
    contactId: ZUuid.optional(),
    title: z
      .string()
      .trim()
      .max(200)
      .refine((v) => !v.includes("\u0000"), "must not contain NUL characters")
      .optional(),
    body: ZText(10_000).optional(),
    /** When it happened (default now); not more than 5 minutes in the future. */
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((b) => b.leadId || b.contactId, { message: "give leadId or contactId", path: ["leadId"] })
  .refine((b) => b.type !== "NOTE" || Boolean(b.body?.trim()), { message: "a note needs a body", path: ["body"] })
  .refine((b) => !b.occurredAt || new Date(b.occurredAt).getTime() <= Date.now() + 5 * 60_000, { message: "cannot be in the future", path: ["occurredAt"] })
  .meta({ id: "ActivityCreate" });
export type ActivityCreate = z.infer<typeof ZActivityCreate>;

// ── response items ──────────────────────────────────────────────────────────────────────
const ZDateTime = z.iso.datetime();
export const ZContactSummary = z
  .object({
    id: ZUuid,
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().nullable(),
    /** E.164. */
    phone: z.string().nullable(),
    /** The phone's extension, digits only. */
    phoneExtension: z.string().nullable(),
  })
  .meta({ id: "ContactSummary" });
export const ZAssignee = z.object({ membershipId: ZUuid, userId: z.string(), name: z.string() }).meta({ id: "Assignee" });

export const ZLeadItem = z
  .object({
    id: ZUuid,
    status: z.enum(LEAD_STATUSES),
    source: z.string(),
    listingKey: z.string().nullable(),
    createdAt: ZDateTime,
    lastActivityAt: ZDateTime,
    firstContactedAt: ZDateTime.nullable(),
    contact: ZContactSummary,
    assignedTo: ZAssignee.nullable(),
  })
  .meta({ id: "Lead" });

export const ZContact = ZContactSummary.extend({
  source: z.string(),
  /** Changes on every edit; also the ETag. Send it back in If-Match to update only this version. */
  version: z.number().int(),
  notes: z.string().nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  leadCount: z.number().int().optional(),
}).meta({ id: "Contact" });

const ZIdentityOrigin = {
  isPrimary: z.boolean(),
  /** Where it came from: a lead source, "manual" or "api". */
  source: z.string(),
  /** When the contact first gave it. */
  createdAt: ZDateTime,
  /** When it was last seen on a lead or an edit. */
  lastSeenAt: ZDateTime,
};
/** Every e-mail and phone of a contact, primary first; `version` is the contact's (also the ETag). */
export const ZContactIdentities = z
  .object({
    contactId: ZUuid,
    version: z.number().int(),
    emails: z.array(z.object({ id: ZUuid, email: z.string(), ...ZIdentityOrigin })),
    phones: z.array(
      z.object({
        id: ZUuid,
        /** E.164. */
        phone: z.string(),
        extension: z.string().nullable(),
        ...ZIdentityOrigin,
      }),
    ),
  })
  .meta({ id: "ContactIdentities" });

export const ZLeadDetail = ZLeadItem.extend({
  message: z.string().nullable(),
  /** Changes on every edit; also the ETag. Send it back in If-Match to update only this version. */
  version: z.number().int(),
  closedAt: ZDateTime.nullable(),
  updatedAt: ZDateTime,
  contact: ZContact,
}).meta({ id: "LeadDetail" });

export const ZActivity = z
  .object({
    id: ZUuid,
    type: z.enum(ACTIVITY_TYPES),
    title: z.string(),
    body: z.string().nullable(),
    occurredAt: ZDateTime,
    contactId: ZUuid,
    leadId: ZUuid.nullable(),
    eventId: z.string().nullable(),
    actor: z.object({ userId: z.string(), name: z.string().nullable() }).nullable(),
    viaApiKey: z.boolean(),
    contact: ZContactSummary,
  })
  .meta({ id: "Activity" });

export const ZError = z
  .object({
    error: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    message: z.string().optional(),
    /** The Follow Up Boss-compatible routes (/v1/…) also say what went wrong here. */
    errorMessage: z.string().optional(),
  })
  .meta({ id: "Error" });

const ZValue = z.object({ value: z.string(), isPrimary: z.boolean() });
/** The answer of POST /v1/events: the person, as Follow Up Boss answers (`id` null until a new person is created). */
export const ZPartnerEventAnswer = z
  .object({
    id: z.string().nullable(),
    eventId: z.string(),
    status: z.literal("queued"),
    created: z.string().nullable(),
    updated: z.string().nullable(),
    name: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    stage: z.string(),
    source: z.string().nullable(),
    emails: z.array(ZValue),
    phones: z.array(ZValue),
    tags: z.array(z.string()),
  })
  .strict()
  .meta({ id: "PartnerEventAnswer" });

export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}
export const ZLeadList = listOf(ZLeadItem, "LeadList");
export const ZContactList = listOf(ZContact, "ContactList");
export const ZActivityList = listOf(ZActivity, "ActivityList");
