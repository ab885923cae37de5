import crypto from "node:crypto";
import type { WebsiteEventInput } from "@real-estate/types";

/** A valid POST /api/lead JSON body with a unique person and eventId. */
export function leadBody(tag: string, i: number): { eventId: string; email: string; body: Record<string, unknown> } {
  const eventId = `${tag}-${i}-${crypto.randomBytes(3).toString("hex")}`;
  const email = `${tag}.${i}@people.test`;
  return {
    eventId,
    email,
    body: { eventId, name: `Pat ${tag} ${i}`, email, phone: `203555${String(1000 + (i % 9000)).padStart(4, "0")}`, message: `Hello from ${tag} #${i}` },
  };
}

/** A valid queued lead.submitted event (for enqueueing directly, without the website). */
export function leadEvent(tenantId: string, tag: string, i: number): WebsiteEventInput {
  const { eventId, email } = leadBody(tag, i);
  return {
    type: "lead.submitted",
    eventId,
    tenantId,
    occurredAt: new Date().toISOString(),
    source: { pageUrl: "http://site.test/contact" },
    // Every fifth event reuses an earlier person, so contact matching is exercised under faults too.
    payload: { contact: { firstName: "Pat", email: i % 5 === 4 ? `${tag}.${i - 1}@people.test` : email }, message: `event ${i}` },
  };
}
