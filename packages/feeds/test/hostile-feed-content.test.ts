// The feed server is someone else's: a local server answering what a hostile MLS could (real HTTP,
// the real database, two tenants). What it sends in its records (values, keys, the roster) may
// drop one value or one record; it may not stall the feed or reach another tenant. How it sends
// them: hostile-feed-transport.test.ts.
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { createFeed, mapProperty, syncFeed, type FeedInput } from "../src";
import { FAST_CLIENT } from "./support/feed-fixtures";
import { useHostileServer } from "./support/hostile-server";

const testDb = useTestDatabase("feeds_hostile");
const hostile = useHostileServer();
const { handlers } = hostile;

async function bearerFeed(db: Db, token: string, tenantId?: string, resources: string[] = ["Property"]) {
  tenantId ??= (await createTenantFixture(db)).tenantId;
  const feed = await createFeed({
    tenantId,
    db,
    input: { name: `Hostile ${token}`, baseUrl: `${hostile.origin}/odata`, authKind: "bearer", secret: token, pageSize: 25, resources } as FeedInput,
  });
  return { tenantId, feedId: feed.id };
}

/** Serves `body` (a JSON text) as the first Property page, keys to a reconciliation, then nothing. */
function propertyFeed(token: string, body: string, keys: string[]) {
  handlers.set(token, (_req, res, url) => {
    const json = (text: string) => void res.writeHead(200, { "content-type": "application/json" }).end(text);
    if (!url.pathname.endsWith("/Property")) return json('{"value":[]}');
    if (url.searchParams.get("$select") === "ListingKey") return json(JSON.stringify({ value: keys.map((ListingKey) => ({ ListingKey })) }));
    return json(url.searchParams.get("$filter") ? '{"value":[]}' : body);
  });
}

const at = "2026-11-02T10:00:00Z";

describe("records that stalled the feed", () => {
  it("a NUL or half a surrogate pair in a text field or an unknown field is dropped; the page is written, in its tenant only", async () => {
    const { db } = testDb();
    const a = await bearerFeed(db, "nul-a");
    const b = await bearerFeed(db, "nul-b");
    propertyFeed(
      "nul-a",
      JSON.stringify({
        value: [
          {
            ListingKey: "NUL-1",
            ModificationTimestamp: at,
            ListPrice: "450000",
            City: "Bay\u0000ville",
            PublicRemarks: "Sunny\u0000 porch",
            Notes: "a\u0000b",
            "Odd\u0000Name": 1,
          },
          {
            ListingKey: "NUL-2",
            ModificationTimestamp: at,
            ListPrice: 1,
            PropertySubType: "Cabin\u0000",
            // Cut at 20,000 characters, the emoji's first half was left alone; the second field has one already.
            PublicRemarks: `${"r".repeat(19_999)}\u{1F600}`,
            Lone: "half\ud800",
          },
        ],
      }),
      ["NUL-1", "NUL-2"],
    );
    propertyFeed("nul-b", JSON.stringify({ value: [{ ListingKey: "NUL-1", ModificationTimestamp: at, ListPrice: 999, City: "Elsewhere" }] }), ["NUL-1"]);
    const result = await syncFeed({ tenantId: a.tenantId, feedId: a.feedId, client: FAST_CLIENT });
    expect(result).toMatchObject({ outcome: "succeeded", upserted: 2 });
    expect(await syncFeed({ tenantId: b.tenantId, feedId: b.feedId, client: FAST_CLIENT })).toMatchObject({ outcome: "succeeded", upserted: 1 });
    const listing = await db.listing.findFirstOrThrow({ where: { tenantId: a.tenantId, ListingKey: "NUL-1" } });
    expect(listing).toMatchObject({ City: "Bayville", PublicRemarks: "Sunny porch", ListPrice: 450_000 });
    expect(listing.feedExtras).toMatchObject({ Notes: "ab", OddName: 1 });
    const second = await db.listing.findFirstOrThrow({ where: { tenantId: a.tenantId, ListingKey: "NUL-2" } });
    expect(second).toMatchObject({ PropertySubType: "Cabin", PublicRemarks: "r".repeat(19_999) });
    expect(second.feedExtras).toMatchObject({ Lone: "half" });
    // The same key from the other tenant's feed is that tenant's own listing.
    expect(await db.listing.findFirstOrThrow({ where: { tenantId: b.tenantId, ListingKey: "NUL-1" } })).toMatchObject({ City: "Elsewhere", ListPrice: 999 });
  });

  it("an unknown field nested thousands deep is cut, not a stack overflow on every run", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await bearerFeed(db, "deep");
    const depth = 100_000;
    const deep = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    propertyFeed("deep", `{"value":[{"ListingKey":"DEEP-1","ModificationTimestamp":"${at}","ListPrice":1,"Deep":${deep},"Shallow":{"a":[1]}}]}`, ["DEEP-1"]);
    expect(await syncFeed({ tenantId, feedId, client: FAST_CLIENT })).toMatchObject({ outcome: "succeeded", upserted: 1 });
    const { feedExtras } = await db.listing.findFirstOrThrow({ where: { tenantId, ListingKey: "DEEP-1" } });
    expect((feedExtras as Record<string, unknown>).Shallow).toEqual({ a: [1] });
    expect(JSON.stringify(feedExtras).length).toBeLessThan(200);
  });

  it("a date outside the years PostgreSQL reads is dropped, not a failed page", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await bearerFeed(db, "dates");
    propertyFeed(
      "dates",
      JSON.stringify({
        value: [
          {
            ListingKey: "DATE-1",
            ModificationTimestamp: at,
            ListPrice: 1,
            OnMarketDate: "+010000-01-01T00:00:00Z",
            ListingContractDate: "-000001-06-01T00:00:00Z",
          },
          { ListingKey: "DATE-2", ModificationTimestamp: "+275760-09-13T00:00:00Z", ListPrice: 1 },
        ],
      }),
      ["DATE-1"],
    );
    expect(await syncFeed({ tenantId, feedId, client: FAST_CLIENT })).toMatchObject({ outcome: "succeeded", upserted: 1, rejected: 1 });
    expect(await db.listing.findFirstOrThrow({ where: { tenantId, ListingKey: "DATE-1" } })).toMatchObject({ OnMarketDate: null, ListingContractDate: null });
  });

  it("a ListingKey longer than 255 characters is refused, not cut into another listing's key", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await bearerFeed(db, "long-key");
    const long = "L".repeat(255);
    propertyFeed(
      "long-key",
      JSON.stringify({
        value: [
          { ListingKey: long, ModificationTimestamp: at, ListPrice: 1 },
          { ListingKey: `${long}-other`, ModificationTimestamp: at, ListPrice: 2 },
          { ListingKey: "", ModificationTimestamp: at, ListPrice: 3 },
          { ListingKey: "A\u0001B", ModificationTimestamp: at, ListPrice: 4 },
        ],
      }),
      [long],
    );
    expect(await syncFeed({ tenantId, feedId, client: FAST_CLIENT })).toMatchObject({ outcome: "succeeded", upserted: 1, rejected: 3 });
    expect(await db.listing.findFirstOrThrow({ where: { tenantId, ListingKey: long } })).toMatchObject({ ListPrice: 1 });
  });

  it("an open house with a NUL or an out-of-range date: the NUL dropped, the record refused, the run succeeds", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await bearerFeed(db, "open-house", undefined, ["Property", "OpenHouse"]);
    handlers.set("open-house", (_req, res, url) => {
      const json = (v: unknown) => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(v));
      if (url.searchParams.get("$filter")) return json({ value: [] });
      if (url.pathname.endsWith("/Property")) return json({ value: [{ ListingKey: "OH-L", ModificationTimestamp: at, ListPrice: 1 }] });
      if (!url.pathname.endsWith("/OpenHouse")) return json({ value: [] });
      const times = { OpenHouseStartTime: "2026-12-01T14:00:00Z", OpenHouseEndTime: "2026-12-01T16:00:00Z" };
      json({
        value: [
          { OpenHouseKey: "OH-1", ListingKey: "OH-L", ModificationTimestamp: at, ...times, OpenHouseRemarks: "Coffee\u0000 served", Host: "Ann\u0000" },
          { OpenHouseKey: "OH-2", ListingKey: "OH-L", ModificationTimestamp: "2026-11-02T10:00:01Z", ...times, OpenHouseStartTime: "+010000-01-01T00:00:00Z" },
        ],
      });
    });
    const result = await syncFeed({ tenantId, feedId, client: FAST_CLIENT });
    expect(result).toMatchObject({ outcome: "succeeded" });
    expect(result.openHouses!.rejected).toBeGreaterThanOrEqual(1);
    expect(await db.openHouse.findMany({ where: { tenantId }, select: { OpenHouseKey: true, OpenHouseRemarks: true, feedExtras: true } })).toEqual([
      { OpenHouseKey: "OH-1", OpenHouseRemarks: "Coffee served", feedExtras: { Host: "Ann" } },
    ]);
  });

  it("an Office list whose nextLink loops, repeats a key and sends a date PostgreSQL refuses ends and is written", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await bearerFeed(db, "roster", undefined, ["Property", "Office"]);
    let officeRequests = 0;
    handlers.set("roster", (_req, res, url) => {
      const json = (v: unknown) => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(v));
      if (!url.pathname.endsWith("/Office")) return json({ value: [] });
      officeRequests++;
      json({
        value: [
          { OfficeKey: "OF-1", OfficeName: "Harbor\u0000 Realty", ModificationTimestamp: "not a date" },
          { OfficeKey: "OF-1", OfficeName: "Harbor Realty", ModificationTimestamp: "+010000-01-01T00:00:00Z" },
        ],
        "@odata.nextLink": `${hostile.origin}/odata/Office?page=again`,
      });
    });
    expect(await syncFeed({ tenantId, feedId, client: FAST_CLIENT })).toMatchObject({ outcome: "succeeded" });
    expect(officeRequests).toBeLessThanOrEqual(2);
    expect(await db.feedOffice.findMany({ where: { tenantId, feedId }, select: { OfficeKey: true, OfficeName: true } })).toEqual([
      { OfficeKey: "OF-1", OfficeName: "Harbor Realty" },
    ]);
  });
});

describe("content shown on the website (held)", () => {
  it("javascript: and data: media URLs are dropped; markup in remarks is kept as text", () => {
    const mapped = mapProperty({
      ListingKey: "X/1",
      ModificationTimestamp: at,
      PublicRemarks: "<script>alert(1)</script>",
      ListPrice: 1e308,
      Latitude: "NaN",
      Media: [
        { MediaURL: "javascript:alert(1)" },
        { MediaURL: "data:image/svg+xml,<svg onload=alert(1)>" },
        { MediaURL: " https://img.example/1.jpg" },
        { MediaURL: "https://img.example/2.jpg" },
      ],
    });
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.listing.Media.map((m) => m.url)).toEqual(["https://img.example/2.jpg"]);
    expect(mapped.listing).toMatchObject({ ListingKey: "X/1", PublicRemarks: "<script>alert(1)</script>", ListPrice: 0, Latitude: null });
  });
});
