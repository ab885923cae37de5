import crypto from "node:crypto";
import type { WebsiteEventInput } from "@real-estate/types";

/** A person of the crash test; each always presents the same identity (e-mail, phone, or both). */
export type Person = { key: string; email?: string; phone?: string };

const PHONE_FORMATS = [
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d: string) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  (d: string) => d,
];

export function makePeople(prefix: string, count: number): Person[] {
  return Array.from({ length: count }, (_, i) => {
    const digits = `203${String(5_000_000 + i).padStart(7, "0")}`;
    const kind = i % 10;
    if (kind < 4) return { key: `${prefix}${i}`, email: `${prefix}${i}@example.com` };
    if (kind < 7) return { key: `${prefix}${i}`, phone: digits };
    return { key: `${prefix}${i}`, email: `${prefix}${i}@example.com`, phone: digits };
  });
}

/** One website event of a random type for `person`, with the phone written in a random format. */
export function eventFor(tenantId: string, person: Person, random: () => number): WebsiteEventInput {
  const contact = {
    firstName: "Sample",
    ...(person.email ? { email: random() < 0.5 ? person.email : person.email.toUpperCase() } : {}),
    ...(person.phone ? { phone: PHONE_FORMATS[Math.floor(random() * PHONE_FORMATS.length)]!(person.phone) } : {}),
  };
  const base = { eventId: crypto.randomUUID(), tenantId, occurredAt: new Date().toISOString(), source: { pageUrl: "https://example.test/" } };
  const pick = Math.floor(random() * 5);
  if (pick === 0) return { ...base, type: "lead.submitted", payload: { contact, message: "Please call me" } };
  if (pick === 1) return { ...base, type: "lead.submitted", payload: { contact, listingKey: `L-${Math.floor(random() * 50)}` } };
  if (pick === 2) return { ...base, type: "valuation.requested", payload: { contact, property: { address: "1 Sample Road, Fairfield CT", bedrooms: 3 } } };
  if (pick === 3) return { ...base, type: "listing.saved", payload: { visitorId: person.key, contact, listingKey: `L-${Math.floor(random() * 50)}` } };
  return { ...base, type: "search.saved", payload: { visitorId: person.key, contact, name: "Fairfield", query: { town: "fairfield" } } };
}

/** A small seeded PRNG (mulberry32), so a failing run can be repeated with CRASH_TEST_SEED. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
