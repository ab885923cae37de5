import { z } from "zod";

/** Version of the WebsiteEvent envelope; bump when a payload changes incompatibly. */
export const WEBSITE_EVENT_VERSION = 1 as const;

export const ZEventId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

const ZEmail = z
  .email()
  .max(254)
  .transform((v) => v.toLowerCase());
/** E.164 preferred; a national number is read in the tenant's country when the event is applied. */
const ZPhone = z
  .string()
  .trim()
  .min(7)
  .max(40)
  .regex(/^[0-9+().\-\s]+(?:\s*(?:x|ext\.?|extension|;ext=)\s*\d{1,10})?$/i, "digits, spaces and + ( ) . - only, then an optional extension (x12)");
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
    /** The id the app server gave the request that queued the event (X-Request-Id): the worker logs it with the job. */
    requestId: z.string().max(128).optional(),
  })
  .strict();
export type EventSourceData = z.infer<typeof ZEventSource>;

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
export type ContactConsent = z.infer<typeof ZContactConsent>;

export const ZEventContact = z
  .object({
    firstName: ZName.optional(),
    lastName: z.string().trim().max(120).optional(),
    email: ZEmail.optional(),
    phone: ZPhone.optional(),
    /** The phone's extension, digits only, kept apart from the number. */
    phoneExtension: z
      .string()
      .regex(/^\d{1,10}$/, "digits only")
      .optional(),
  })
  .strict()
  .refine((c) => c.email || c.phone, { message: "an email or a phone number is required", path: ["email"] });
export type EventContact = z.infer<typeof ZEventContact>;

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
export type PropertyFacts = z.infer<typeof ZPropertyFacts>;

/** The facts about a home an automated estimate can rest on. */
export const VALUATION_FACTS = ["town", "propertyType", "livingArea", "bedrooms", "bathrooms", "yearBuilt"] as const;
export type ValuationFact = (typeof VALUATION_FACTS)[number];

export const ZValuationRequestedEvent = z
  .object({
    ...envelope,
    type: z.literal("valuation.requested"),
    payload: z
      .object({
        contact: ZEventContact,
        property: ZPropertyFacts,
        /** The instant estimate shown to the visitor, if one could be computed. */
        estimate: z
          .object({
            low: z.number().int(),
            high: z.number().int(),
            comparables: z.number().int(),
            /** The facts the estimate rests on, and those the comparables could not support. */
            factsUsed: z.array(z.enum(VALUATION_FACTS)).max(VALUATION_FACTS.length).optional(),
            factsNotUsed: z.array(z.enum(VALUATION_FACTS)).max(VALUATION_FACTS.length).optional(),
          })
          .strict()
          .optional(),
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

/** A signed-in visitor opened a listing's page (the website throttles these per visitor and listing). */
export const ZListingViewedEvent = z
  .object({
    ...envelope,
    type: z.literal("listing.viewed"),
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

/**
 * The kinds of event a lead source sends to the Follow Up Boss-compatible events API
 * (`POST /v1/events`); "Inquiry" is resolved to "Property Inquiry" or "General Inquiry".
 */
export const PARTNER_EVENT_KINDS = [
  "Registration",
  "Inquiry",
  "Property Inquiry",
  "Seller Inquiry",
  "General Inquiry",
  "Viewed Property",
  "Saved Property",
  "Visited Website",
  "Viewed Page",
  "Property Search",
  "Saved Property Search",
  "Visited Open House",
  "Incoming Call",
  "Unsubscribed",
] as const;
export type PartnerEventKind = (typeof PARTNER_EVENT_KINDS)[number];

/** Free-form JSON object a lead source sent (property, search, campaign, fields we have no column for). */
const ZSentObject = z.record(z.string().max(100), z.unknown());

/**
 * A lead or activity sent by another system through the events API: the person (matched by
 * e-mail or phone like a website lead), what happened, and everything else it sent, kept as sent.
 */
export const ZLeadReceivedEvent = z
  .object({
    ...envelope,
    type: z.literal("lead.received"),
    payload: z
      .object({
        contact: ZEventContact,
        /** E-mails and phones after the first: kept on the timeline. */
        otherEmails: z.array(z.string().max(254)).max(20).optional(),
        otherPhones: z.array(z.string().max(40)).max(20).optional(),
        kind: z.enum(PARTNER_EVENT_KINDS).exclude(["Inquiry"]),
        /** The lead source's name, e.g. "Zillow" (Follow Up Boss `source`). */
        sourceName: z.string().trim().max(200).optional(),
        /** The sending system (Follow Up Boss `system`). */
        system: z.string().trim().max(200).optional(),
        message: z.string().max(10_000).optional(),
        description: z.string().max(10_000).optional(),
        pageUrl: z.string().max(2048).optional(),
        pageTitle: z.string().max(500).optional(),
        pageReferrer: z.string().max(2048).optional(),
        tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
        /** The listing's MLS number, when the event is about one. */
        listingKey: z.string().max(64).optional(),
        property: ZSentObject.optional(),
        propertySearch: ZSentObject.optional(),
        campaign: ZSentObject.optional(),
        /** Person fields other than names, e-mails, phones and tags, as sent. */
        person: ZSentObject.optional(),
        /** Top-level fields we do not know, as sent. */
        extra: ZSentObject.optional(),
      })
      .strict(),
  })
  .strict();

export const ZWebsiteEvent = z.discriminatedUnion("type", [
  ZLeadSubmittedEvent,
  ZValuationRequestedEvent,
  ZVisitorRegisteredEvent,
  ZListingSavedEvent,
  ZListingViewedEvent,
  ZSearchSavedEvent,
  ZLeadReceivedEvent,
]);
export type WebsiteEvent = z.infer<typeof ZWebsiteEvent>;
export type WebsiteEventInput = z.input<typeof ZWebsiteEvent>;
export type WebsiteEventType = WebsiteEvent["type"];
export const WEBSITE_EVENT_TYPES = [
  "lead.submitted",
  "valuation.requested",
  "visitor.registered",
  "listing.saved",
  "listing.viewed",
  "search.saved",
  "lead.received",
] as const satisfies readonly WebsiteEventType[];
