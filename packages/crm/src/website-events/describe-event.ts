import { parsePhone, type LeadSource, type ValuationFact, type WebsiteEvent } from "@real-estate/types";
import { PermanentIngestionError } from "@real-estate/queue";

/** What an event says about the person, normalised the way contacts are stored. */
export type EventPerson = {
  email: string | null;
  /** E.164, or null when the event has none or it is not a valid number. */
  phone: string | null;
  /** Digits of the phone's extension, kept apart from the number. */
  phoneExtension: string | null;
  firstName: string | null;
  lastName: string | null;
};

/** The CRM rows an event turns into, before any lookup. */
export type EventEffect = {
  person: EventPerson;
  /** Identity keys serialised per tenant (advisory locks), e.g. `email:ada@example.com`. */
  identities: string[];
  leadSource: LeadSource;
  /**
   * Whether the event opens a new lead when the contact has no open one. A page view does not:
   * it is added to the open lead's story, or to the contact's when there is none.
   */
  opensLead: boolean;
  listingKey: string | null;
  /** Lead message: set on a new lead, replaces the open lead's message when present. */
  message: string | null;
  activityTitle: string;
  activityBody: string | null;
  activityMetadata: Record<string, unknown>;
};

export function leadSourceFor(event: WebsiteEvent): LeadSource {
  switch (event.type) {
    case "lead.submitted":
      return event.payload.listingKey ? "listing_inquiry" : "website_contact";
    case "valuation.requested":
      return "valuation";
    case "visitor.registered":
      return "visitor_registration";
    case "listing.saved":
      return "saved_listing";
    case "listing.viewed":
      // Only signed-in visitors' views are sent: a contact it creates came from their account.
      return "visitor_registration";
    case "search.saved":
      return "saved_search";
    case "lead.received":
      return "api";
  }
}

/** A phone the event carried that is not a valid number: kept on the timeline, never as a wrong number. */
export type UnusablePhone = { value: string; problem: string };

function personOf(event: WebsiteEvent, defaultCountry: string): { person: EventPerson; unusablePhone: UnusablePhone | null } {
  const c = event.payload.contact;
  const parsed = c.phone ? parsePhone(c.phone, { defaultCountry }) : null;
  const person = {
    email: c.email ? c.email.trim().toLowerCase() : null,
    phone: parsed?.ok ? parsed.e164 : null,
    phoneExtension: parsed?.ok ? (c.phoneExtension ?? parsed.extension) : null,
    firstName: c.firstName?.trim() || null,
    lastName: c.lastName?.trim() || null,
  };
  if (!person.email && !person.phone) {
    throw new PermanentIngestionError("invalid payload: contact has no email and no valid phone number");
  }
  const unusablePhone = parsed && !parsed.ok ? { value: c.phone!, problem: parsed.problem } : null;
  return { person, unusablePhone };
}

const money = (n: number) => `$${n.toLocaleString("en-US")}`;

/** The listing an event is about, as the website shows it (looked up by the caller). */
export type EventListing = { address: string; city: string; price: number };

const homeAt = (l: EventListing) => `${l.address}${l.address.toLowerCase().includes(l.city.toLowerCase()) ? "" : `, ${l.city}`} (${money(l.price)})`;
const words = (slug: string) => slug.replace(/[-_]+/g, " ").trim();
const titled = (slug: string) => words(slug).replace(/\b\w/g, (c) => c.toUpperCase());
const amount = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);

/**
 * A saved search's query in words, for the agent: `{ beds: "3", town: "fairfield", maxPrice:
 * "900000" }` reads "3+ bed homes in Fairfield under $900,000". Keys it does not know are named
 * as they are, so nothing the visitor chose is hidden.
 */
export function describeSearchQuery(query: Record<string, string>): string {
  const { beds, baths, type, town, minPrice, maxPrice, status, q, sort: _sort, page: _page, ...rest } = query;
  const min = amount(minPrice);
  const max = amount(maxPrice);
  const price =
    min !== null && max !== null ? ` from ${money(min)} to ${money(max)}` : min !== null ? ` from ${money(min)}` : max !== null ? ` under ${money(max)}` : "";
  const head = `${beds ? `${beds}+ bed ` : ""}${type ? `${words(type).toLowerCase()} ` : ""}homes${town ? ` in ${titled(town)}` : ""}${price}`;
  const more = [
    baths ? `${baths}+ baths` : null,
    status ? words(status).toLowerCase() : null,
    q ? `matching “${q}”` : null,
    ...Object.entries(rest).map(([k, v]) => `${words(k)} ${v}`),
  ].filter(Boolean);
  const sentence = `${head}${more.length ? `, ${more.join(", ")}` : ""}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

const FACT_WORDS: Record<ValuationFact, string> = {
  town: "town",
  propertyType: "property type",
  livingArea: "living area",
  bedrooms: "bedrooms",
  bathrooms: "bathrooms",
  yearBuilt: "year built",
};

function describe(event: WebsiteEvent, listing: EventListing | null): { title: string; body: string | null; details: Record<string, unknown> } {
  switch (event.type) {
    case "lead.submitted": {
      const { listingKey, message } = event.payload;
      const title = listingKey ? `Listing inquiry about ${listing ? homeAt(listing) : listingKey}` : "Contact form message from the website";
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
      const lines = [
        facts.length ? facts.join(" · ") : null,
        estimate ? `Instant estimate ${money(estimate.low)}–${money(estimate.high)} (${estimate.comparables} comparables)` : null,
        estimate?.factsUsed?.length ? `Estimate used: ${estimate.factsUsed.map((f) => FACT_WORDS[f]).join(", ")}` : null,
        estimate?.factsNotUsed?.length ? `Not used (too few comparables): ${estimate.factsNotUsed.map((f) => FACT_WORDS[f]).join(", ")}` : null,
      ];
      const body = lines.filter(Boolean).join("\n") || null;
      return { title: `Home valuation requested for ${property.address}`, body, details: { property, ...(estimate ? { estimate } : {}) } };
    }
    case "visitor.registered":
      return { title: "Registered a website account", body: null, details: { visitorId: event.payload.visitorId } };
    case "listing.saved":
      return {
        title: listing ? `Saved the home at ${homeAt(listing)}` : `Saved listing ${event.payload.listingKey}`,
        body: null,
        details: { visitorId: event.payload.visitorId, listingKey: event.payload.listingKey },
      };
    case "listing.viewed":
      return {
        title: listing ? `Viewed the home at ${homeAt(listing)}` : `Viewed listing ${event.payload.listingKey}`,
        body: null,
        details: { visitorId: event.payload.visitorId, listingKey: event.payload.listingKey },
      };
    case "lead.received":
      return describeReceived(event.payload);
    case "search.saved": {
      const sentence = describeSearchQuery(event.payload.query);
      const named = event.payload.name.trim();
      return {
        title: `Saved a search: ${sentence}`,
        body: named && named.toLowerCase() !== sentence.toLowerCase() ? `Named “${named}”` : null,
        details: { visitorId: event.payload.visitorId, search: { name: event.payload.name, query: event.payload.query } },
      };
    }
  }
}

type ReceivedPayload = Extract<WebsiteEvent, { type: "lead.received" }>["payload"];

/** A lead source's event: its kind and source as the title, its message as the body, everything it sent kept. */
function describeReceived(p: ReceivedPayload): { title: string; body: string | null; details: Record<string, unknown> } {
  const street = typeof p.property?.street === "string" ? p.property.street.trim() : "";
  const about = street ? ` about ${street}` : p.listingKey ? ` about ${p.listingKey}` : "";
  const from = p.sourceName ? ` from ${p.sourceName}` : "";
  const body = [p.message, p.description].filter((v): v is string => Boolean(v?.trim())).join("\n\n") || null;
  const sent = {
    kind: p.kind,
    sourceName: p.sourceName,
    system: p.system,
    description: p.description,
    pageUrl: p.pageUrl,
    pageTitle: p.pageTitle,
    pageReferrer: p.pageReferrer,
    tags: p.tags,
    otherEmails: p.otherEmails,
    otherPhones: p.otherPhones,
    property: p.property,
    propertySearch: p.propertySearch,
    campaign: p.campaign,
    person: p.person,
    extra: p.extra,
  };
  const details = Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined));
  return { title: `${p.kind}${about}${from}`, body, details };
}

/** Consent as stored on the activity: the wording and its version, when, from which IP and page. */
function consentOf(event: WebsiteEvent): Record<string, unknown> | null {
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

/**
 * Turns a validated event into the contact fields, lead and timeline entry it produces. A phone
 * written without a country code is read in `defaultCountry` (the tenant's); the listing the event
 * is about, when the caller found it, is named by its address and price rather than its key.
 */
export function describeEventEffect(event: WebsiteEvent, options: { defaultCountry?: string; listing?: EventListing | null } = {}): EventEffect {
  const { person, unusablePhone } = personOf(event, options.defaultCountry ?? "US");
  const { title, body, details } = describe(event, options.listing ?? null);
  const identities = [person.email ? `email:${person.email}` : null, person.phone ? `phone:${person.phone}` : null].filter((v): v is string => v !== null);
  const consent = consentOf(event);
  // A viewed home is on the timeline only: it never becomes the home the lead asked about.
  const listingKey =
    event.type === "lead.submitted" || event.type === "listing.saved" || event.type === "lead.received" ? (event.payload.listingKey ?? null) : null;
  return {
    person,
    identities,
    leadSource: leadSourceFor(event),
    opensLead: event.type !== "listing.viewed",
    listingKey,
    message: event.type === "lead.submitted" || event.type === "lead.received" ? (event.payload.message ?? null) : null,
    activityTitle: title.slice(0, 300),
    activityBody: body,
    activityMetadata: {
      eventType: event.type,
      eventVersion: event.version,
      source: event.source,
      ...details,
      ...(consent ? { consent } : {}),
      ...(unusablePhone ? { unusablePhone } : {}),
    },
  };
}
