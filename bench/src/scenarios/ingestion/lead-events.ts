import type { WebsiteEventInput } from "@real-estate/types";

/** Area codes in service (a phone-only lead with an unassigned one is refused as no valid phone). */
const AREA_CODES = [203, 212, 305, 312, 415, 475, 516, 617, 646, 718, 860, 914, 917, 973];

type Person = { firstName: string; lastName: string; email?: string; phone?: string };

/**
 * `count` lead.submitted events alternating between two tenants, a realistic mix: about 70 %
 * from new people (most with an e-mail, some with a phone only, some with both) and 30 % from
 * people who already wrote (matched by e-mail or by phone), a fifth of them listing inquiries.
 * Deterministic for a given runId, so the direct baseline and the pipeline write the same rows.
 */
export function leadSubmittedEvents(tenantIds: readonly string[], count: number, runId: string): WebsiteEventInput[] {
  const people = new Map<string, Person[]>(tenantIds.map((t) => [t, []]));
  const events: WebsiteEventInput[] = [];
  const occurredAt = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const tenantId = tenantIds[i % tenantIds.length]!;
    const known = people.get(tenantId)!;
    let person: Person;
    if (i % 10 < 3 && known.length > 0) {
      person = known[(i * 7919) % known.length]!;
    } else {
      const k = known.length;
      const phone = `(${AREA_CODES[k % AREA_CODES.length]}) ${200 + (((k / AREA_CODES.length) % 800) | 0)}-${String(k % 10_000).padStart(4, "0")}`;
      person = { firstName: "Bench", lastName: `Person ${k}` };
      if (k % 7 === 0) person.phone = phone;
      else person.email = `p${k}-${runId}@bench.example`;
      if (k % 5 === 0 && person.email) person.phone = phone;
      known.push(person);
    }
    events.push({
      type: "lead.submitted",
      eventId: `lead-${runId}-${i}`,
      tenantId,
      occurredAt,
      source: { pageUrl: "https://bench.example/contact", utmSource: "bench" },
      payload: {
        contact: person,
        message: `Bench inquiry ${i}`,
        ...(i % 5 === 0 ? { listingKey: `BENCH-${i % 97}` } : {}),
      },
    });
  }
  return events;
}
