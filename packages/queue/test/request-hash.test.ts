import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZWebsiteEvent, type WebsiteEvent } from "@real-estate/types";
import { leadSubmitted, valuationRequested } from "@real-estate/queue/testing";
import { eventRequestHash, requestHash } from "../src";

// The fingerprint's first form, as stored hashes were computed: every later form must give the
// same value for every input, or a retry of an old request would be refused as another request.
function firstCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(firstCanonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstCanonicalJson(v)}`).join(",")}}`;
}
const firstRequestHash = (value: unknown) => crypto.createHash("sha256").update(firstCanonicalJson(value)).digest("hex");
function firstEventRequestHash(event: WebsiteEvent): string {
  const payload = { ...(event.payload as Record<string, unknown>) };
  const consent = payload.consent as { given?: boolean; text?: string; version?: string } | undefined;
  if (consent) payload.consent = { given: consent.given, text: consent.text, version: consent.version };
  return firstRequestHash({ type: event.type, payload });
}

/** A deterministic pseudo-random value of nested objects, arrays and scalars. */
function randomValue(next: () => number, depth: number): unknown {
  const pick = depth === 0 ? 8 + Math.floor(next() * 3) : Math.floor(next() * (depth > 3 ? 8 : 11));
  const text = () => ["", "a", "Zoë", "日本", '\u0000\n\t"\\', "\ud800", "😀", "10", "__proto__", "b c"][Math.floor(next() * 10)]!;
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return next() < 0.5;
    case 3:
      return [0, -0, 1.5, -2e-7, 1e21, Number.MAX_SAFE_INTEGER, NaN, Infinity][Math.floor(next() * 8)];
    case 4:
    case 5:
      return text();
    case 6:
      return new Date(Math.floor(next() * 2e12));
    case 7:
      return () => 1;
    case 8: {
      const a = Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth + 1));
      if (next() < 0.2) a[a.length + 2] = randomValue(next, depth + 1); // a sparse array
      return a;
    }
    default: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 6); i > 0; i--)
        o[next() < 0.3 ? String(Math.floor(next() * 20)) : text() + Math.floor(next() * 3)] = randomValue(next, depth + 1);
      return o;
    }
  }
}

describe("request fingerprints", () => {
  it("give the first form's values for varied values: nesting, key order, undefined, sparse arrays, unicode, numbers", () => {
    let seed = 20;
    const next = () => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const values: unknown[] = [
      undefined,
      null,
      0,
      "x",
      [],
      {},
      { b: 1, a: undefined, A: [undefined, null] },
      JSON.parse('{"__proto__": {"z": 1}, "10": 2, "9": 3}'),
    ];
    for (let i = 0; i < 2_000; i++) values.push(randomValue(next, 0));
    let differing = 0;
    for (const v of values) if (requestHash(v) !== firstRequestHash(v)) differing++;
    expect(differing).toBe(0);
    // the inputs are varied enough to tell canonical forms apart
    expect(new Set(values.map((v) => requestHash(v))).size).toBeGreaterThan(1_000);
    expect(requestHash({ b: 1, a: 2 })).toBe(requestHash({ a: 2, b: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: "1" }));
  });

  it("give the first form's values for website events of every shape the tests and the bench send", () => {
    const tenantId = crypto.randomUUID();
    const events: WebsiteEvent[] = [];
    for (let i = 0; i < 200; i++) {
      events.push(
        ZWebsiteEvent.parse(
          leadSubmitted(tenantId, { firstName: `F${i}`, email: `l${i}@example.com` }, i % 3 ? { message: `m ${i} ü`, listingKey: `K-${i}` } : {}),
        ),
      );
      events.push(ZWebsiteEvent.parse(valuationRequested(tenantId, { phone: "+12035550100", lastName: i % 2 ? "O'Brien" : undefined })));
      events.push(
        ZWebsiteEvent.parse({
          version: 1,
          type: "lead.submitted",
          eventId: `bench-x-${i}`,
          tenantId,
          occurredAt: new Date().toISOString(),
          source: { pageUrl: "https://bench.example/contact", utmSource: "bench" },
          payload: { contact: { firstName: "Bench", lastName: `Lead ${i}`, email: `bench-${i}@example.com` }, message: "No-op benchmark job" },
        }),
      );
    }
    for (const e of events) expect(eventRequestHash(e)).toBe(firstEventRequestHash(e));
    // the consent's time is left out, so two attempts of one submission share a fingerprint
    const v = events[1]!;
    const later = {
      ...v,
      payload: { ...(v.payload as object), consent: { ...(v.payload as { consent: object }).consent, at: new Date(0).toISOString() } },
    } as WebsiteEvent;
    expect(eventRequestHash(later)).toBe(eventRequestHash(v));
  });
});
