/** Website events as the website sends them, for tests: a lead.submitted and a valuation.requested; override any part. */
import crypto from "node:crypto";
import type { WebsiteEventInput } from "@real-estate/types";

type Contact = { firstName?: string; lastName?: string; email?: string; phone?: string };

/** A lead.submitted event for tests; override any part. */
export function leadSubmitted(tenantId: string, contact: Contact, extra: { message?: string; listingKey?: string; eventId?: string } = {}): WebsiteEventInput {
  return {
    eventId: extra.eventId ?? crypto.randomUUID(),
    tenantId,
    occurredAt: new Date().toISOString(),
    type: "lead.submitted",
    source: { pageUrl: "https://example.test/contact", utmSource: "newsletter" },
    payload: {
      contact,
      ...(extra.message ? { message: extra.message } : {}),
      ...(extra.listingKey ? { listingKey: extra.listingKey } : {}),
    },
  };
}

export function valuationRequested(tenantId: string, contact: Contact): WebsiteEventInput {
  return {
    eventId: crypto.randomUUID(),
    tenantId,
    occurredAt: new Date().toISOString(),
    type: "valuation.requested",
    source: { pageUrl: "https://example.test/valuation", ip: "203.0.113.9" },
    payload: {
      contact,
      property: { address: "12 Elm Street, Fairfield CT", bedrooms: 3, bathrooms: 2, livingArea: 1850, yearBuilt: 1962 },
      estimate: { low: 610_000, high: 680_000, comparables: 7, factsUsed: ["town", "livingArea", "bedrooms", "bathrooms"], factsNotUsed: ["yearBuilt"] },
      consent: {
        given: true,
        text: "I agree to be contacted by phone or text about my home.",
        version: "2026-01",
        at: new Date().toISOString(),
        pageUrl: "https://example.test/valuation",
      },
    },
  };
}
