import { describe, expect, it } from "vitest";
import { isBotSubmission } from "@/lib/forms/bot-traps";
import { RateLimiter } from "@real-estate/auth/rate-limit";
import { errorResponse, readBody } from "@real-estate/http";
import { ZLeadSubmission } from "@/lib/forms/lead-schema";
import { ZValuationSubmission } from "@/lib/forms/valuation-schema";
import { fieldErrors, flattenContact } from "@/lib/forms/fields";

const post = (body: string, type: string, extra: Record<string, string> = {}) =>
  new Request("http://x.test/api/lead", { method: "POST", headers: { "content-type": type, ...extra }, body });

describe("rate limiter", () => {
  it("allows the limit per key per window, then answers a retry time", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(
      () => 3,
      60_000,
      () => now,
    );
    expect([1, 2, 3].map(() => limiter.hit("t|1.1.1.1").ok)).toEqual([true, true, true]);
    const over = limiter.hit("t|1.1.1.1");
    expect(over).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(limiter.hit("t|2.2.2.2").ok).toBe(true);
    expect(limiter.hit("other|1.1.1.1").ok).toBe(true);
    now += 30_000;
    expect(limiter.hit("t|1.1.1.1")).toEqual({ ok: false, retryAfterSeconds: 30 });
    now += 30_001;
    expect(limiter.hit("t|1.1.1.1").ok).toBe(true);
  });
});

describe("bot traps", () => {
  const now = 10_000_000;
  it("flags a filled honeypot, a too-fast form, and a form post without a timestamp", () => {
    expect(isBotSubmission({ data: { website: "http://spam" }, kind: "json", minFillMs: 2000, now })).toBe(true);
    expect(isBotSubmission({ data: { startedAt: String(now - 500) }, kind: "form", minFillMs: 2000, now })).toBe(true);
    expect(isBotSubmission({ data: { startedAt: "yesterday" }, kind: "form", minFillMs: 2000, now })).toBe(true);
    expect(isBotSubmission({ data: {}, kind: "form", minFillMs: 2000, now })).toBe(true);
    expect(isBotSubmission({ data: { website: "", startedAt: String(now - 5000) }, kind: "form", minFillMs: 2000, now })).toBe(false);
    expect(isBotSubmission({ data: {}, kind: "json", minFillMs: 2000, now })).toBe(false);
  });
});

describe("request bodies", () => {
  const read = (request: Request) => readBody(request, { maxBytes: 1024, accept: ["json", "form"] }).catch((error: unknown) => errorResponse(error).status);
  it("reads JSON and form posts, refuses oversize, malformed and unknown bodies", async () => {
    expect(await read(post('{"a":1}', "application/json"))).toEqual({ kind: "json", data: { a: 1 } });
    expect(await read(post("a=1&b=two", "application/x-www-form-urlencoded"))).toEqual({ kind: "form", data: { a: "1", b: "two" } });
    expect(await read(post(JSON.stringify({ m: "x".repeat(2000) }), "application/json"))).toBe(413);
    expect(await read(post("{}", "application/json", { "content-length": "999999" }))).toBe(413);
    expect(await read(post("{nope", "application/json"))).toBe(400);
    expect(await read(post("[1,2]", "application/json"))).toBe(422);
    expect(await read(post("x", "text/plain"))).toBe(415);
    expect(await read(post('{"name":"a\\u0000"}', "application/json"))).toBe(422);
  });
});

describe("form validation", () => {
  it("accepts a lead with email or phone and reports field messages otherwise", () => {
    const ok = ZLeadSubmission.safeParse({ name: "Ann Buyer", email: "ANN@Example.com", phone: "", message: "Hi" });
    expect(ok.success && ok.data).toMatchObject({ email: "ann@example.com", phone: undefined, name: "Ann Buyer" });
    const phoneOnly = ZLeadSubmission.safeParse({ phone: "(203) 555-0100" });
    expect(phoneOnly.success && phoneOnly.data.phone).toEqual({ e164: "+12035550100", extension: null });
    const bad = ZLeadSubmission.safeParse({ name: "x", email: "not-an-email", phone: "abc" });
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(fieldErrors(bad.error)).toEqual({
        email: "Please enter a valid email address",
        phone: "Please enter a valid phone number: that is not a phone number.",
      });
    const none = ZLeadSubmission.safeParse({ name: "x" });
    expect(none.success ? {} : fieldErrors(none.error)).toEqual({ email: "Please give an email address or a phone number" });
    expect(ZLeadSubmission.safeParse({ email: "a@b.co", eventId: "x".repeat(256) }).success).toBe(false);
    expect(flattenContact({ contact: { firstName: "Ann", lastName: "Lee", email: "a@b.co" } })).toMatchObject({ name: "Ann Lee", email: "a@b.co" });
  });

  it("refuses text PostgreSQL cannot store (NUL, unpaired surrogates) with a field message", () => {
    for (const bad of ["with\u0000nul", "lone \uD800 surrogate", "\uDFFF\uD800"]) {
      const r = ZLeadSubmission.safeParse({ email: "a@b.co", message: bad, listingKey: bad });
      expect(r.success ? {} : fieldErrors(r.error)).toEqual({
        message: "Message contains characters we cannot accept",
        listingKey: "Listing contains characters we cannot accept",
      });
    }
    expect(ZLeadSubmission.safeParse({ email: "a@b.co", message: "Emoji are fine 😀 é" }).success).toBe(true);
    expect(ZValuationSubmission.safeParse({ email: "a@b.co", address: "12 Main\u0000 St" }).success).toBe(false);
  });

  it("coerces valuation numbers from form strings and range-checks them", () => {
    const ok = ZValuationSubmission.safeParse({
      address: "12 Harbor Road",
      town: "fairfield",
      livingArea: "2,100",
      bedrooms: "3",
      bathrooms: "2.5",
      email: "a@b.co",
    });
    expect(ok.success && ok.data).toMatchObject({ livingArea: 2100, bedrooms: 3, bathrooms: 2.5 });
    const bad = ZValuationSubmission.safeParse({ address: "x", livingArea: "huge", yearBuilt: "1200", email: "a@b.co" });
    expect(bad.success ? {} : Object.keys(fieldErrors(bad.error)).sort()).toEqual(["address", "livingArea", "yearBuilt"]);
    const future = ZValuationSubmission.safeParse({ address: "12 Harbor Road", yearBuilt: String(new Date().getUTCFullYear() + 1), email: "a@b.co" });
    expect(future.success ? {} : fieldErrors(future.error)).toEqual({ yearBuilt: "Year built cannot be in the future" });
    expect(ZValuationSubmission.safeParse({ address: "12 Harbor Road", yearBuilt: String(new Date().getUTCFullYear()), email: "a@b.co" }).success).toBe(true);
  });
});
