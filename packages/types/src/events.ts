import { z } from "zod";

/** Version of the WebsiteEvent envelope; bump when a payload changes incompatibly. */
export const WEBSITE_EVENT_VERSION = 1 as const;

export const ZEventId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

const ZEmail = z.email().max(254).transform((v) => v.toLowerCase());
const ZPhone = z.string().trim().min(7).max(32).regex(/^[0-9+().\-\s]+$/, "digits, spaces and + ( ) . - only");
const ZName = z.string().trim().min(1).max(120);

export const ZEventSource = z
  .object({
    pageUrl: z.string().max(2048).optional(),
    referrer: z.string().max(2048).optional(),
    utmSource: z.string().max(200).optional(),
    utmMedium: z.string().max(200).optional(),
    utmCampaign: z.string().max(200).optional(),
    utmTerm: z.string().max(200).optional(),
    utmContent: z.string().max(200).optional(),
    ip: z.string().max(64).optional(),
    userAgent: z.string().max(512).optional(),
  })
  .strict();
export type TEventSource = z.infer<typeof ZEventSource>;

/** Consent to be contacted by phone or text: the exact wording shown and its version. */
export const ZContactConsent = z
  .object({
    given: z.boolean(),
    text: z.string().max(2000),
    version: z.string().max(40),
    at: z.iso.datetime(),
    ip: z.string().max(64).optional(),
    pageUrl: z.string().max(2048).optional(),
  })
  .strict();
export type TContactConsent = z.infer<typeof ZContactConsent>;

export const ZEventContact = z
  .object({
    firstName: ZName.optional(),
    lastName: z.string().trim().max(120).optional(),
    email: ZEmail.optional(),
    phone: ZPhone.optional(),
  })
  .strict()
  .refine((c) => c.email || c.phone, { message: "an email or a phone number is required", path: ["email"] });
export type TEventContact = z.infer<typeof ZEventContact>;

const envelope = {
  version: z.literal(WEBSITE_EVENT_VERSION).default(WEBSITE_EVENT_VERSION),
  eventId: ZEventId,
  tenantId: z.uuid(),
  occurredAt: z.iso.datetime(),
  source: ZEventSource.default({}),
};

export const ZLeadSubmittedEvent = z
  .object({
    ...envelope,
    type: z.literal("lead.submitted"),
    payload: z
      .object({
        contact: ZEventContact,
        message: z.string().trim().max(5000).optional(),
        /** Present for a listing inquiry. */
        listingKey: z.string().max(64).optional(),
        consent: ZContactConsent.optional(),
      })
      .strict(),
  })
  .strict();

export const ZPropertyFacts = z
  .object({
    address: z.string().trim().min(5).max(300),
    town: z.string().trim().max(120).optional(),
    postalCode: z.string().trim().max(12).optional(),
    propertyType: z.string().max(60).optional(),
    bedrooms: z.number().int().min(0).max(50).optional(),
    bathrooms: z.number().min(0).max(50).optional(),
    livingArea: z.number().int().min(100).max(100_000).optional(),
    yearBuilt: z.number().int().min(1600).max(2100).optional(),
  })
  .strict();
export type TPropertyFacts = z.infer<typeof ZPropertyFacts>;

export const ZValuationRequestedEvent = z
  .object({
    ...envelope,
    type: z.literal("valuation.requested"),
    payload: z
      .object({
        contact: ZEventContact,
        property: ZPropertyFacts,
        /** The instant estimate shown to the visitor, if one could be computed. */
        estimate: z.object({ low: z.number().int(), high: z.number().int(), comparables: z.number().int() }).strict().optional(),
        consent: ZContactConsent.optional(),
      })
      .strict(),
  })
  .strict();

export const ZVisitorRegisteredEvent = z
  .object({
    ...envelope,
    type: z.literal("visitor.registered"),
    payload: z.object({ visitorId: z.string().max(64), contact: ZEventContact }).strict(),
  })
  .strict();

export const ZListingSavedEvent = z
  .object({
    ...envelope,
    type: z.literal("listing.saved"),
    payload: z.object({ visitorId: z.string().max(64), contact: ZEventContact, listingKey: z.string().max(64) }).strict(),
  })
  .strict();

export const ZSearchSavedEvent = z
  .object({
    ...envelope,
    type: z.literal("search.saved"),
    payload: z
      .object({
        visitorId: z.string().max(64),
        contact: ZEventContact,
        name: z.string().max(120),
        query: z.record(z.string(), z.string().max(200)),
      })
      .strict(),
  })
  .strict();

export const ZWebsiteEvent = z.discriminatedUnion("type", [
  ZLeadSubmittedEvent,
  ZValuationRequestedEvent,
  ZVisitorRegisteredEvent,
  ZListingSavedEvent,
  ZSearchSavedEvent,
]);
export type TWebsiteEvent = z.infer<typeof ZWebsiteEvent>;
export type TWebsiteEventInput = z.input<typeof ZWebsiteEvent>;
export type TWebsiteEventType = TWebsiteEvent["type"];
export const WEBSITE_EVENT_TYPES = ["lead.submitted", "valuation.requested", "visitor.registered", "listing.saved", "search.saved"] as const satisfies readonly TWebsiteEventType[];
