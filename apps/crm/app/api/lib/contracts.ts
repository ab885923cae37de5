// The REST API's contracts: request bodies and response items as zod schemas. The routes
// validate with them and /api/openapi.json is generated from them, so the two cannot drift.
import { z } from "zod";
import { ACTIVITY_TYPES, LEAD_SOURCES, LEAD_STATUSES, LOGGABLE_ACTIVITY_TYPES, normalizePhoneE164 } from "@real-estate/types";

const ZUuid = z.uuid();
/** Text PostgreSQL can store: it refuses the NUL character, so it is a 422 here, not a 500 later. */
const ZText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
const ZName = z.string().trim().max(120).refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
const ZPhone = z
  .string()
  .trim()
  .max(32)
  .refine((v) => normalizePhoneE164(v) !== null, "a phone number (10 digits, or + and the country code)");

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
export type TLeadPatch = z.infer<typeof ZLeadPatch>;

export const ZContactCreate = z
  .object({
    firstName: ZName.optional(),
    lastName: ZName.optional(),
    email: z.email("an email address").max(254).optional(),
    phone: ZPhone.optional(),
    notes: ZText(5000).optional(),
    /** Also open a lead (source "api" unless given) for the new contact. */
    openLead: z.object({ message: ZText(5000).optional(), source: z.enum(LEAD_SOURCES).optional() }).strict().optional(),
  })
  .strict()
  .refine((b) => b.email || b.phone, { message: "an email or a phone number is required", path: ["email"] })
  .refine((b) => b.firstName || b.lastName || b.email, { message: "a name is required when there is no email", path: ["firstName"] })
  .meta({ id: "ContactCreate" });
export type TContactCreate = z.infer<typeof ZContactCreate>;

export const ZActivityCreate = z
  .object({
    type: z.enum(LOGGABLE_ACTIVITY_TYPES),
    leadId: ZUuid.optional(),
    contactId: ZUuid.optional(),
    title: z.string().trim().max(200).refine((v) => !v.includes("\u0000"), "must not contain NUL characters").optional(),
    body: ZText(10_000).optional(),
    /** When it happened (default now); not more than 5 minutes in the future. */
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((b) => b.leadId || b.contactId, { message: "give leadId or contactId", path: ["leadId"] })
  .refine((b) => b.type !== "NOTE" || Boolean(b.body?.trim()), { message: "a note needs a body", path: ["body"] })
  .refine((b) => !b.occurredAt || new Date(b.occurredAt).getTime() <= Date.now() + 5 * 60_000, { message: "cannot be in the future", path: ["occurredAt"] })
  .meta({ id: "ActivityCreate" });
export type TActivityCreate = z.infer<typeof ZActivityCreate>;

// ── response items ──────────────────────────────────────────────────────────────────────
const ZDateTime = z.iso.datetime();
export const ZContactSummary = z
  .object({ id: ZUuid, firstName: z.string().nullable(), lastName: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
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
  notes: z.string().nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  leadCount: z.number().int().optional(),
}).meta({ id: "Contact" });

export const ZLeadDetail = ZLeadItem.extend({
  message: z.string().nullable(),
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
  })
  .meta({ id: "Error" });

export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}
export const ZLeadList = listOf(ZLeadItem, "LeadList");
export const ZContactList = listOf(ZContact, "ContactList");
export const ZActivityList = listOf(ZActivity, "ActivityList");
