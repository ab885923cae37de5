import dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { clearPhotoCache, isBlockedAddress, serveListingPhoto } from "../src/photos";
import { createListings } from "./support/listing-fixtures";

const testDb = useTestDatabase("sites_feeds_photos");

/** A feed's media host: a 1200×800 PNG, a broken "photo", an HTML page; counts requests per path. */
let server: http.Server;
let origin = "";
const hits = new Map<string, number>();
let png: Buffer;

beforeAll(async () => {
  png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
  server = http.createServer((req, res) => {
    const path = req.url ?? "";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path.startsWith("/photo.png")) {
      // Slow enough that concurrent requests overlap.
      setTimeout(() => res.writeHead(200, { "content-type": "image/png" }).end(png), 100);
    } else if (path === "/page.html") res.writeHead(200, { "content-type": "text/html" }).end("<p>not a photo</p>");
    else if (path === "/moved.png") res.writeHead(302, { location: "/photo.png?moved" }).end();
    else res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
// The feeds of these tests point at the local media host, which the operator allows, as `npm start`
// allows its local RESO server.
const allowedBefore = process.env.FEED_ALLOWED_HOSTS;
beforeEach(() => {
  clearPhotoCache();
  process.env.FEED_ALLOWED_HOSTS = new URL(origin).host;
});
afterAll(() => {
  if (allowedBefore === undefined) delete process.env.FEED_ALLOWED_HOSTS;
  else process.env.FEED_ALLOWED_HOSTS = allowedBefore;
});

/**
 * Makes `name` resolve to `address` for this process's name lookups (the resolver the photo fetch
 * asks, as a hosts file would), every other name as before. Returns the undo.
 */
function resolveNameTo(name: string, address: string): () => void {
  const real = dns.lookup.bind(dns) as (hostname: string, options: object, callback: (...args: unknown[]) => void) => void;
  const spy = vi.spyOn(dns, "lookup").mockImplementation(((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (hostname !== name) return real(hostname, options, callback);
    if (options.all) callback(null, [{ address, family: 4 }]);
    else callback(null, address, 4);
  }) as unknown as typeof dns.lookup);
  return () => spy.mockRestore();
}

async function createFeed(db: Db, tenantId: string, baseUrl: string) {
  return db.feed.create({ data: { tenantId, name: "MLS", baseUrl, authKind: "bearer", secretCiphertext: "x", secretHint: "…abcd" }, select: { id: true } });
}

async function feedTenant(
  db: Db,
  slug: string,
  media: { url: string; width?: number; height?: number }[],
  extra: { InternetEntireListingDisplayYN?: boolean } = {},
) {
  const { tenantId } = await createTenantFixture(db, { slug });
  const feed = await createFeed(db, tenantId, `${origin}/odata`);
  await createListings(db, tenantId, [{ ListingKey: `${slug}-1`, Media: media, feedId: feed.id, ...extra }]);
  return tenantId;
}

describe("the listing photo route", () => {
  it("scales a feed photo down to the width asked for, as WebP or JPEG, and caches it", async () => {
    const { db } = testDb();
    const tenantId = await feedTenant(db, "ph-a", [{ url: `${origin}/photo.png?a`, width: 1200, height: 800 }]);
    const ask = (accept: string | null, width: 320 | 640 = 320, ifNoneMatch?: string) =>
      serveListingPhoto({ tenantId, listingKey: "ph-a-1", index: 1, width, accept, ifNoneMatch, db });

    const webp = (await ask("image/avif,image/webp,*/*"))!;
    expect(webp.status).toBe(200);
    expect(webp.headers["content-type"]).toBe("image/webp");
    expect(webp.headers["cache-control"]).toMatch(/public, max-age=86400/);
    const meta = await sharp(webp.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 320, 213]);

    const jpeg = (await ask("image/jpeg", 640))!;
    expect(jpeg.headers["content-type"]).toBe("image/jpeg");
    expect((await sharp(jpeg.body as Buffer).metadata()).width).toBe(640);

    // Served again from memory: the media host is not asked again; a matching ETag is a 304.
    const before = hits.get("/photo.png?a");
    const again = (await ask("image/webp", 320, webp.headers.etag))!;
    expect(again.status).toBe(304);
    expect(hits.get("/photo.png?a")).toBe(before);
  });

  it("fetches a photo once however many requests for it arrive together", async () => {
    const { db } = testDb();
    const tenantId = await feedTenant(db, "ph-b", [{ url: `${origin}/photo.png?b` }]);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => serveListingPhoto({ tenantId, listingKey: "ph-b-1", index: 1, width: 480, accept: "image/webp", db })),
    );
    expect(answers.every((a) => a?.status === 200 && a.headers["content-type"] === "image/webp")).toBe(true);
    expect(hits.get("/photo.png?b")).toBe(1);
  });

  it("answers a placeholder, briefly cached, when the photo cannot be had; and follows redirects", async () => {
    const { db } = testDb();
    const tenantId = await feedTenant(db, "ph-c", [{ url: `${origin}/missing.png` }, { url: `${origin}/page.html` }, { url: `${origin}/moved.png` }]);
    const reasons: string[] = [];
    const ask = (index: number) =>
      serveListingPhoto({ tenantId, listingKey: "ph-c-1", index, width: 320, accept: "image/webp", db, onUnavailable: (r) => reasons.push(r) });
    for (const index of [1, 2]) {
      const answer = (await ask(index))!;
      expect(answer.headers["x-photo-status"]).toBe("unavailable");
      expect(answer.headers["content-type"]).toMatch(/^image\/svg\+xml/);
      expect(answer.headers["cache-control"]).toBe("public, max-age=60");
    }
    expect(reasons[0]).toMatch(/answered 500/);
    expect(reasons[1]).toMatch(/not an image/);
    const moved = (await ask(3))!;
    expect(moved.headers["content-type"]).toBe("image/webp");
  });

  it("serves only the tenant's own listings that may be shown, and only from trusted private hosts", async () => {
    const { db } = testDb();
    const a = await feedTenant(db, "ph-d", [{ url: `${origin}/photo.png?d` }]);
    const hidden = await feedTenant(db, "ph-e", [{ url: `${origin}/photo.png?e` }], { InternetEntireListingDisplayYN: false });
    const b = await createTenantFixture(db, { slug: "ph-f" });
    const ask = (tenantId: string, listingKey: string, index = 1) => serveListingPhoto({ tenantId, listingKey, index, width: 320, accept: "image/webp", db });
    expect((await ask(a, "ph-d-1"))?.status).toBe(200);
    // Another tenant naming the listing, a photo past the last, a hidden listing: no such photo.
    expect(await ask(b.tenantId, "ph-d-1")).toBeNull();
    expect(await ask(a, "ph-d-1", 2)).toBeNull();
    expect(await ask(hidden, "ph-e-1")).toBeNull();
    expect(hits.get("/photo.png?e")).toBeUndefined();
    // A listing not from a feed whose photo points at a loopback address: refused, never fetched.
    await createListings(db, b.tenantId, [{ ListingKey: "ph-f-1", Media: [{ url: `${origin}/photo.png?f` }] }]);
    expect((await ask(b.tenantId, "ph-f-1"))?.headers["x-photo-status"]).toBe("unavailable");
    expect(hits.get("/photo.png?f")).toBeUndefined();
    // Photos already on the site (relative URLs) are not the route's business.
    await createListings(db, b.tenantId, [{ ListingKey: "ph-f-2" }]);
    expect(await ask(b.tenantId, "ph-f-2")).toBeNull();
  });

  it("fetches from this machine only for the feed's own host allowed in FEED_ALLOWED_HOSTS, not for a feed host whose name now resolves to loopback", async () => {
    const { db } = testDb();
    // The feed was saved with a public-looking name (the save-time check passed); the name now resolves to 127.0.0.1.
    const port = new URL(origin).port;
    const name = "media.rebinding-mls.example";
    const undo = resolveNameTo(name, "127.0.0.1");
    try {
      const { tenantId } = await createTenantFixture(db, { slug: "ph-g" });
      const feed = await createFeed(db, tenantId, `http://${name}:${port}/odata`);
      await createListings(db, tenantId, [{ ListingKey: "ph-g-1", Media: [{ url: `http://${name}:${port}/photo.png?g` }], feedId: feed.id }]);
      const reasons: string[] = [];
      const ask = (id: string, listingKey: string) =>
        serveListingPhoto({ tenantId: id, listingKey, index: 1, width: 320, accept: "image/webp", db, onUnavailable: (r) => reasons.push(r) });

      // Its own feed's host, not allowed: refused, the image never fetched.
      const refused = (await ask(tenantId, "ph-g-1"))!;
      expect(refused.headers["x-photo-status"]).toBe("unavailable");
      expect(reasons.at(-1)).toMatch(/resolves to a private address.*FEED_ALLOWED_HOSTS/);
      expect(hits.get("/photo.png?g")).toBeUndefined();

      // The operator allows the host: fetched.
      process.env.FEED_ALLOWED_HOSTS = `${new URL(origin).host},${name}:${port}`;
      const allowed = (await ask(tenantId, "ph-g-1"))!;
      expect([allowed.status, allowed.headers["content-type"]]).toEqual([200, "image/webp"]);
      expect(hits.get("/photo.png?g")).toBe(1);

      // Another tenant's feed (a public host) naming a photo on that allowed host: refused, it is not that feed's host.
      const other = await createTenantFixture(db, { slug: "ph-h" });
      const otherFeed = await createFeed(db, other.tenantId, "https://mls.public-example.com/odata");
      await createListings(db, other.tenantId, [{ ListingKey: "ph-h-1", Media: [{ url: `http://${name}:${port}/photo.png?h` }], feedId: otherFeed.id }]);
      // (The connection the allowed fetch left open to that host is not reused for it either.)
      expect((await ask(other.tenantId, "ph-h-1"))?.headers["x-photo-status"]).toBe("unavailable");
      expect(hits.get("/photo.png?h")).toBeUndefined();

      // A feed whose service root is the literal loopback address, not allowed: refused too.
      process.env.FEED_ALLOWED_HOSTS = "";
      const literal = await feedTenant(db, "ph-i", [{ url: `${origin}/photo.png?i` }]);
      expect((await ask(literal, "ph-i-1"))?.headers["x-photo-status"]).toBe("unavailable");
      expect(reasons.at(-1)).toMatch(/private address.*FEED_ALLOWED_HOSTS/);
      expect(hits.get("/photo.png?i")).toBeUndefined();
    } finally {
      undo();
    }
  });

  it("knows private and reserved addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "192.168.0.5",
      "172.20.0.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
      // IPv6 spellings that carry a loopback or private IPv4 address (NAT64, 6to4, IPv4-compatible), site-local, documentation.
      "64:ff9b::7f00:1",
      "2002:7f00:1::1",
      "::7f00:1",
      "fec0::1",
      "192.0.2.1",
    ])
      expect([address, isBlockedAddress(address)]).toEqual([address, true]);
    for (const address of ["93.184.216.34", "2606:4700::1111", "8.8.8.8"]) expect([address, isBlockedAddress(address)]).toEqual([address, false]);
  });
});
