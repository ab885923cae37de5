import { describe, expect, it } from "vitest";
import { ZWebsiteEvent } from "../src/events";

const base = {
  eventId: "evt-1",
  tenantId: "0191b3a0-0000-7000-8000-000000000001",
  occurredAt: "2026-11-27T10:00:00.000Z",
};

describe("ZWebsiteEvent", () => {
  it("accepts a lead with an email, lower-cases it, and defaults version and source", () => {
    const e = ZWebsiteEvent.parse({ ...base, type: "lead.submitted", payload: { contact: { email: "A@B.COM" } } });
    expect(e).toMatchObject({ version: 1, source: {}, payload: { contact: { email: "a@b.com" } } });
  });

  it("requires an email or a phone, refuses unknown fields and unknown types", () => {
    expect(ZWebsiteEvent.safeParse({ ...base, type: "lead.submitted", payload: { contact: { firstName: "X" } } }).success).toBe(false);
    expect(ZWebsiteEvent.safeParse({ ...base, type: "lead.submitted", payload: { contact: { email: "a@b.com" }, extra: 1 } }).success).toBe(false);
    expect(ZWebsiteEvent.safeParse({ ...base, type: "lead.deleted", payload: {} }).success).toBe(false);
    expect(ZWebsiteEvent.safeParse({ ...base, eventId: "x".repeat(256), type: "lead.submitted", payload: { contact: { email: "a@b.com" } } }).success).toBe(
      false,
    );
  });

  it("validates valuation property facts", () => {
    const ok = {
      ...base,
      type: "valuation.requested",
      payload: { contact: { phone: "203 555 0123" }, property: { address: "12 Elm St, Fairfield CT", bedrooms: 3 } },
    };
    expect(ZWebsiteEvent.safeParse(ok).success).toBe(true);
    const bad = { ...ok, payload: { ...ok.payload, property: { address: "x", bedrooms: -1 } } };
    expect(ZWebsiteEvent.safeParse(bad).success).toBe(false);
  });
});
