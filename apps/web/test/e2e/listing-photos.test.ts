import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE_REVALIDATE_SECONDS } from "@/lib/site/site-data";
import { useE2e } from "../support/e2e-context";

const e2e = useE2e();
const { sl, ff, get, db, mediaPort } = e2e;
const has = (html: string, needle: string) => html.replace(/<!-- -->/g, "").includes(needle);

/**
 * The MLS's media host: one 1200×800 JPEG; anything else fails. On the port the server allows in
 * FEED_ALLOWED_HOSTS (e2e-global-setup.ts); `unlisted` serves the same on a port it does not allow.
 */
let media: http.Server;
let unlisted: http.Server;
let origin = "";
let unlistedOrigin = "";
const KEY = "FEEDPHOTO-1";
const UNLISTED_KEY = "FEEDPHOTO-UNLISTED-1";

beforeAll(async () => {
  const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#88aa33" } })
    .jpeg()
    .toBuffer();
  const serve: http.RequestListener = (req, res) => {
    if (req.url === "/p/1.jpg") res.writeHead(200, { "content-type": "image/jpeg" }).end(jpeg);
    else res.writeHead(503).end();
  };
  media = http.createServer(serve);
  unlisted = http.createServer(serve);
  await new Promise<void>((resolve, reject) => media.once("error", reject).listen(mediaPort, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => unlisted.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${mediaPort}`;
  unlistedOrigin = `http://127.0.0.1:${(unlisted.address() as AddressInfo).port}`;
  const feed = await db.feed.create({
    data: {
      tenantId: sl.tenantId,
      name: "Photo MLS",
      baseUrl: `${origin}/odata`,
      authKind: "bearer",
      secretCiphertext: "x",
      secretHint: "…wxyz",
      disclaimer: "Information deemed reliable but not guaranteed. © Photo MLS.",
      lastSuccessAt: new Date("2026-11-30T15:45:00Z"),
    },
    select: { id: true },
  });
  await db.listing.create({
    data: {
      tenantId: sl.tenantId,
      feedId: feed.id,
      ListingKey: KEY,
      StandardStatus: "Active",
      PropertyType: "Residential",
      ListPrice: 650_000,
      ListOfficeName: "Harbor Light Realty",
      UnparsedAddress: "5 Photo Lane, Newport, RI 02840",
      City: "Newport",
      StateOrProvince: "RI",
      PostalCode: "02840",
      townSlug: "newport",
      ModificationTimestamp: new Date(),
      Media: [
        { url: `${origin}/p/1.jpg`, caption: "Front of the house", width: 1200, height: 800 },
        { url: `${origin}/p/gone.jpg`, width: 1200, height: 800 },
      ],
    },
  });
  // A feed of another MLS on this machine that the operator did not allow (a closed listing, off the searches).
  const other = await db.feed.create({
    data: { tenantId: sl.tenantId, name: "Unlisted MLS", baseUrl: `${unlistedOrigin}/odata`, authKind: "bearer", secretCiphertext: "x", secretHint: "…abcd" },
    select: { id: true },
  });
  await db.listing.create({
    data: {
      tenantId: sl.tenantId,
      feedId: other.id,
      ListingKey: UNLISTED_KEY,
      StandardStatus: "Closed",
      PropertyType: "Residential",
      ListPrice: 410_000,
      UnparsedAddress: "9 Elsewhere Road, Newport, RI 02840",
      City: "Newport",
      StateOrProvince: "RI",
      PostalCode: "02840",
      ModificationTimestamp: new Date("2020-01-01T00:00:00Z"),
      Media: [{ url: `${unlistedOrigin}/p/1.jpg`, width: 1200, height: 800 }],
    },
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => media.close(() => resolve()));
  await new Promise<void>((resolve) => unlisted.close(() => resolve()));
});

/**
 * Shoreline's page once it shows every needle, or its last answer after 3 × the site data's
 * lifetime. Site data (the search, the feeds' display rules) is cached per tenant and served stale
 * once past its lifetime: another file may have read it before this file's feed and listing were stored.
 */
async function getShowing(path: string, ...needles: string[]) {
  const end = Date.now() + 3 * SITE_REVALIDATE_SECONDS * 1000;
  for (;;) {
    const res = await get(sl.host, path);
    if (needles.every((n) => has(res.body, n)) || Date.now() > end) return res;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("feed listings on the website", () => {
  it("serves a feed photo scaled and cacheable from the site's own origin, with a placeholder for a missing one", async () => {
    const photo = await get(sl.host, `/photos/${KEY}/1?w=320`, { accept: "image/webp,*/*" });
    expect(photo.status).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/webp");
    expect(photo.headers["cache-control"]).toMatch(/^public, max-age=86400/);
    expect(photo.headers.etag).toBeTruthy();
    const missing = await get(sl.host, `/photos/${KEY}/2?w=320`);
    expect([missing.status, missing.headers["x-photo-status"]]).toEqual([200, "unavailable"]);
    expect((await get(sl.host, `/photos/${KEY}/3?w=320`)).status).toBe(404);
    expect((await get(sl.host, `/photos/${KEY}/1?w=333`)).status).toBe(400);
    // Another tenant's host does not serve it.
    expect((await get(ff.host, `/photos/${KEY}/1?w=320`)).status).toBe(404);
  });

  it("fetches photos on this machine only from a feed host allowed in FEED_ALLOWED_HOSTS", async () => {
    const refused = await get(sl.host, `/photos/${UNLISTED_KEY}/1?w=320`, { accept: "image/webp,*/*" });
    expect([refused.status, refused.headers["x-photo-status"], refused.headers["content-type"]]).toEqual([200, "unavailable", "image/svg+xml; charset=utf-8"]);
  });

  it("puts the route, srcset and the photo's proportions in the listing page", async () => {
    const page = await get(sl.host, `/homes/${KEY}`);
    expect(page.status).toBe(200);
    expect(has(page.body, `src="/photos/${KEY}/1?w=960"`)).toBe(true);
    expect(page.body).toMatch(new RegExp(`srcSet="/photos/${KEY}/1\\?w=160 160w, `));
    expect(has(page.body, 'width="800" height="533"')).toBe(true);
    expect(page.body).not.toContain(`${origin}/p/1.jpg`);
  });
});

describe("MLS display rules", () => {
  it("shows the attribution, the feed's disclaimer and its last update on listing and search pages, and only for feed listings", async () => {
    const page = await getShowing(`/homes/${KEY}`, "Listing courtesy of Harbor Light Realty", "© Photo MLS.");
    expect(has(page.body, "Listing courtesy of Harbor Light Realty")).toBe(true);
    expect(has(page.body, "Information deemed reliable but not guaranteed. © Photo MLS.")).toBe(true);
    expect(has(page.body, "Listing data from Photo MLS, last updated November 30, 2026 at 3:45 PM UTC.")).toBe(true);
    const search = await getShowing(
      "/homes?town=newport&sort=newest",
      "Listing courtesy of Harbor Light Realty",
      "Information deemed reliable but not guaranteed",
    );
    expect(search.status).toBe(200);
    expect(has(search.body, "Listing courtesy of Harbor Light Realty")).toBe(true);
    expect(has(search.body, "Information deemed reliable but not guaranteed")).toBe(true);
    // A listing entered here (seeded) carries no MLS attribution or disclaimer.
    const seeded = await get(sl.host, `/homes/${sl.listingKeys[0]}`);
    expect(seeded.status).toBe(200);
    // (Its "more homes" cards include the feed listing, which keeps its own attribution.)
    expect(has(seeded.body, "Listing courtesy of Shoreline Homes")).toBe(false);
  });
});
