import { normalizePhoneE164, type TLeadSource, type TWebsiteEvent } from "@real-estate/types";
import { PermanentIngestionError } from "./errors";

/** What an event says about the person, normalised the way contacts are stored. */
export type EventPerson = {
  email: string | null;
  /** E.164, or null when the event has none or it cannot be normalised. */
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
};

/** The CRM rows an event turns into, before any lookup. */
export type EventEffect = {
  person: EventPerson;
  /** Identity keys serialised per tenant (advisory locks), e.g. `email:ada@example.com`. */
  identities: string[];
  leadSource: TLeadSource;
  listingKey: string | null;
  /** Lead message: set on a new lead, replaces the open lead's message when present. */
  message: string | null;
  activityTitle: string;
  activityBody: string | null;
  activityMetadata: Record<string, unknown>;
};

export function leadSourceFor(event: TWebsiteEvent): TLeadSource {
  switch (event.type) {
    case "lead.submitted":
      return event.payload.listingKey ? "listing_inquiry" : "website_contact";
    case "valuation.requested":
      return "valuation";
    case "visitor.registered":
      return "visitor_registration";
    case "listing.saved":
      return "saved_listing";
    case "search.saved":
      return "saved_search";
  }
}

function personOf(event: TWebsiteEvent): EventPerson {
  const c = event.payload.contact;
  const person = {
    email: c.email ? c.email.trim().toLowerCase() : null,
    phone: normalizePhoneE164(c.phone),
    firstName: c.firstName?.trim() || null,
    lastName: c.lastName?.trim() || null,
  };
  if (!person.email && !person.phone) {
    throw new PermanentIngestionError("invalid payload: contact has no email and no phone number that normalises to E.164");
  }
  return person;
}

const money = (n: number) => `$${n.toLocaleString("en-US")}`;

function describe(event: TWebsiteEvent): { title: string; body: string | null; details: Record<string, unknown> } {
  switch (event.type) {
    case "lead.submitted": {
      const { listingKey, message } = event.payload;
      const title = listingKey ? `Listing inquiry about ${listingKey}` : "Contact form message from the website";
      return { title, body: message ?? null, details: listingKey ? { listingKey } : {} };
    }
    case "valuation.requested": {
      const { property, estimate } = event.payload;
      const facts = [
        property.bedrooms !== undefined ? `${property.bedrooms} bd` : null,
        property.bathrooms !== undefined ? `${property.bathrooms} ba` : null,
        property.livingArea !== undefined ? `${property.livingArea.toLocaleString("en-US")} sq ft` : null,
        property.yearBuilt !== undefined ? `built ${property.yearBuilt}` : null,
        property.propertyType ?? null,
      ].filter(Boolean);
      const lines = [facts.length ? facts.join(" · ") : null, estimate ? `Instant estimate ${money(estimate.low)}–${money(estimate.high)} (${estimate.comparables} comparables)` : null];
      const body = lines.filter(Boolean).join("\n") || null;
      return { title: `Home valuation requested for ${property.address}`, body, details: { property, ...(estimate ? { estimate } : {}) } };
    }
    case "visitor.registered":
      return { title: "Registered a website account", body: null, details: { visitorId: event.payload.visitorId } };
    case "listing.saved":
      return {
        title: `Saved listing ${event.payload.listingKey}`,
        body: null,
        details: { visitorId: event.payload.visitorId, listingKey: event.payload.listingKey },
      };
    case "search.saved": {
      const query = Object.entries(event.payload.query).map(([k, v]) => `${k}=${v}`).join(", ");
      return {
        title: `Saved search “${event.payload.name}”`,
        body: query || null,
        details: { visitorId: event.payload.visitorId, search: { name: event.payload.name, query: event.payload.query } },
      };
    }
  }
}

/** Consent as stored on the activity: the wording and its version, when, from which IP and page. */
function consentOf(event: TWebsiteEvent): Record<string, unknown> | null {
  if (event.type !== "lead.submitted" && event.type !== "valuation.requested") return null;
  const consent = event.payload.consent;
  if (!consent) return null;
  return {
    given: consent.given,
    text: consent.text,
    version: consent.version,
    at: consent.at,
    ip: consent.ip ?? event.source.ip ?? null,
    pageUrl: consent.pageUrl ?? event.source.pageUrl ?? null,
  };
}

/** Turns a validated event into the contact fields, lead and timeline entry it produces. */
export function describeEventEffect(event: TWebsiteEvent): EventEffect {
  const person = personOf(event);
  const { title, body, details } = describe(event);
  const identities = [person.email ? `email:${person.email}` : null, person.phone ? `phone:${person.phone}` : null].filter(
    (v): v is string => v !== null,
  );
  const consent = consentOf(event);
  const listingKey = event.type === "lead.submitted" || event.type === "listing.saved" ? (event.payload.listingKey ?? null) : null;
  return {
    person,
    identities,
    leadSource: leadSourceFor(event),
    listingKey,
    message: event.type === "lead.submitted" ? (event.payload.message ?? null) : null,
    activityTitle: title.slice(0, 300),
    activityBody: body,
    activityMetadata: {
      eventType: event.type,
      eventVersion: event.version,
      source: event.source,
      ...details,
      ...(consent ? { consent } : {}),
    },
  };
}
