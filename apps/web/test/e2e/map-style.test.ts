// The map's tile style per tenant: the style URL set for a website (studio, WebsiteConfig) is the
// one its search, town and listing maps load; a website without one keeps the plain local style.
// Two tenants of their own, so the other files' pages and their no-remote-request checks are untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { CHROMIUM_SOFTWARE_GL_ARGS, launchChromium } from "@real-estate/http/testing";
import { httpRequest } from "../support/web-server";
import { useE2e } from "../support/e2e-context";
import { NAVIGATION_TIMEOUT_MS, screenshot } from "../support/browser";
import { createWebTenant, HARBOR, type WebTenant } from "../support/web-fixtures";

const e2e = useE2e();
const { db, get, origin, port } = e2e;
const STYLE = "https://tiles.maps.example/styles/coast/style.json";
let styled: WebTenant;
let plain: WebTenant;

const revalidate = (tenantId: string) =>
  httpRequest(port, "127.0.0.1", "/api/internal/revalidate", {
    method: "POST",
    headers: { "content-type": "application/json", "x-internal-token": e2e.internalToken },
    body: JSON.stringify({ tenantId }),
  });
/** The style each map on a page was given (data-map-style on the map's box). */
const mapStyles = (html: string) => [...html.matchAll(/class="(?:search|small)-map-canvas"[^>]*data-map-style="([^"]*)"/g)].map((m) => m[1]);

beforeAll(async () => {
  styled = await createWebTenant(db, { ...HARBOR, slug: "tiles-styled", name: "Styled Maps Realty", host: "tiles-styled.localhost" }, { listingsPerTown: 3 });
  plain = await createWebTenant(db, { ...HARBOR, slug: "tiles-plain", name: "Plain Maps Realty", host: "tiles-plain.localhost" }, { listingsPerTown: 3 });
  await db.websiteConfig.update({ where: { tenantId: styled.tenantId }, data: { mapStyleUrl: STYLE } });
  for (const t of [styled, plain]) expect((await revalidate(t.tenantId)).status).toBe(200);
});

describe("the tenant's map style in the pages", () => {
  it("gives the search, town and listing maps the tenant's style URL, and the other tenant the local style", async () => {
    const listing = await db.listing.findFirstOrThrow({
      where: { tenantId: styled.tenantId, Latitude: { not: null }, InternetAddressDisplayYN: true },
      select: { ListingKey: true },
    });
    const plainListing = await db.listing.findFirstOrThrow({
      where: { tenantId: plain.tenantId, Latitude: { not: null }, InternetAddressDisplayYN: true },
      select: { ListingKey: true },
    });
    for (const [tenant, key, expected] of [
      [styled, listing.ListingKey, STYLE],
      [plain, plainListing.ListingKey, "local"],
    ] as const) {
      for (const path of ["/homes", `/towns/${tenant.townSlugs[0]}`, `/homes/${encodeURIComponent(key)}`]) {
        const page = await get(tenant.host, path);
        expect(page.status, `${tenant.host}${path}`).toBe(200);
        expect(mapStyles(page.body), `${tenant.host}${path}`).toEqual([expected]);
      }
    }
    // The policy lets a page fetch a style, its tiles and glyphs from HTTPS hosts, nothing in plain http.
    const csp = String((await get(styled.host, "/homes")).headers["content-security-policy"]);
    expect(csp).toMatch(/connect-src 'self' https:;/);
  });

  it("follows a change of the style once the website is refreshed", async () => {
    await db.websiteConfig.update({ where: { tenantId: plain.tenantId }, data: { mapStyleUrl: "https://other.maps.example/style.json" } });
    await revalidate(plain.tenantId);
    try {
      expect(mapStyles((await get(plain.host, "/homes")).body)).toEqual(["https://other.maps.example/style.json"]);
      expect(mapStyles((await get(styled.host, "/homes")).body)).toEqual([STYLE]);
      // Stored before the next change, so that change's revalidation is not overtaken by this render.
      expect(mapStyles((await e2e.getStored(plain.host, "/homes")).body)).toEqual(["https://other.maps.example/style.json"]);
    } finally {
      await db.websiteConfig.update({ where: { tenantId: plain.tenantId }, data: { mapStyleUrl: null } });
      await revalidate(plain.tenantId);
    }
    expect(mapStyles((await get(plain.host, "/homes")).body)).toEqual(["local"]);
  });
});

describe("the tenant's map style in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    // Software WebGL (SwiftShader), as in search-map.test.ts.
    browser = await launchChromium({ args: CHROMIUM_SOFTWARE_GL_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("loads the tenant's style from its host and draws the homes over it, under the site's policy", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    // The style's host answered in the browser (no outside network here): a style with one background layer.
    const styleRequests: string[] = [];
    await page.route(STYLE, async (route) => {
      styleRequests.push(route.request().url());
      await route.fulfill({
        status: 200,
        contentType: "application/json",
        headers: { "access-control-allow-origin": "*" },
        body: JSON.stringify({
          version: 8,
          name: "coast",
          sources: {},
          layers: [{ id: "land", type: "background", paint: { "background-color": "#d9ead3" } }],
        }),
      });
    });

    await page.goto(`${origin(styled.host)}/homes?status=any`);
    await page
      .locator(".search-map-canvas[data-map-ready=true]")
      // Software WebGL on a loaded machine can take tens of seconds for the first frame.
      .waitFor({ timeout: 120_000 });
    expect(styleRequests).toEqual([STYLE]);
    // The homes' layers sit on top of the tenant's style.
    const dots = Number(await page.locator(".search-map-canvas").getAttribute("data-points"));
    expect(dots).toBeGreaterThan(0);
    // A tile style brings its attribution control; the local style has none.
    expect(await page.locator(".search-map .maplibregl-ctrl-attrib").count()).toBe(1);
    await screenshot(page, "map-style-tenant.png");

    // The other tenant's map never asks for that style.
    styleRequests.length = 0;
    await page.goto(`${origin(plain.host)}/homes?status=any`);
    await page.locator(".search-map-canvas[data-map-ready=true]").waitFor({ timeout: 120_000 });
    expect(styleRequests).toEqual([]);
    expect(await page.locator(".search-map .maplibregl-ctrl-attrib").count()).toBe(0);
    expect(problems.filter((p) => /CSP violation|Refused/.test(p))).toEqual([]);
    await context.close();
  }, 400_000);
});
