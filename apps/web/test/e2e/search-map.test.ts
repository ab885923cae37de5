// The search map: the `bounds` parameter narrows the list (validated, the tenant's own listings),
// MapLibre and its worker come from the site's own origin under the site's policy, and a visitor
// who moves the map gets "search this area", whose page lists exactly the homes in that area.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_SOFTWARE_GL_ARGS, launchChromium } from "@real-estate/http/testing";
import type { Browser } from "playwright-core";
import { useE2e } from "../support/e2e-context";
import { NAVIGATION_TIMEOUT_MS, screenshot } from "../support/browser";

const e2e = useE2e();
const { ff, sl, get, db, origin } = e2e;
const text = (html: string) => html.replace(/<!-- -->/g, "");
const countIn = (html: string) => Number(/(\d+) homes? found/.exec(text(html))?.[1] ?? NaN);

/** Active, shown listings of a tenant inside an area, straight from the database. */
async function activeInside(tenantId: string, b: { west: number; south: number; east: number; north: number }) {
  return db.listing.count({
    where: {
      tenantId,
      StandardStatus: "Active",
      InternetEntireListingDisplayYN: true,
      Latitude: { gte: b.south, lte: b.north },
      Longitude: { gte: b.west, lte: b.east },
    },
  });
}

const WESTPORT = { west: -73.4, south: 41.1, east: -73.3, north: 41.2 };
const bounds = (b: typeof WESTPORT) => `${b.west},${b.south},${b.east},${b.north}`;

describe("the bounds parameter", () => {
  it("lists only the homes inside the map area, of this tenant only", async () => {
    const all = await get(ff.host, "/homes");
    const inside = await get(ff.host, `/homes?bounds=${encodeURIComponent(bounds(WESTPORT))}`);
    expect(inside.status).toBe(200);
    const expected = await activeInside(ff.tenantId, WESTPORT);
    expect(expected).toBeGreaterThan(0);
    expect(countIn(inside.body)).toBe(expected);
    expect(countIn(inside.body)).toBeLessThan(countIn(all.body));
    expect(text(inside.body)).toContain("in the map area");
    expect(inside.body).toContain("Remove the map area");
    // Shoreline's site has no homes in Fairfield County.
    expect(countIn((await get(sl.host, `/homes?bounds=${encodeURIComponent(bounds(WESTPORT))}`)).body)).toBe(0);
  });

  it("ignores a malformed area with a reason, showing the unfiltered list", async () => {
    const all = countIn((await get(ff.host, "/homes")).body);
    for (const bad of ["-73.3,41.1,-73.4,41.2", "1,2,3", "-500,0,10,10", "x,y,z,w"]) {
      const page = await get(ff.host, `/homes?bounds=${encodeURIComponent(bad)}`);
      expect(page.status, bad).toBe(200);
      expect(countIn(page.body), bad).toBe(all);
      expect(text(page.body), bad).toContain("not a map area (west,south,east,north)");
    }
  });

  it("serves the map's worker from the site's own origin, under a policy that allows only that", async () => {
    const worker = await get(ff.host, "/static/maplibre-gl-worker.mjs");
    expect(worker.status).toBe(200);
    expect(worker.headers["content-type"]).toMatch(/javascript/);
    const page = await get(ff.host, "/homes");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toMatch(/worker-src[^;]*blob:/);
  });
});

describe("the map in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    // Software WebGL (SwiftShader): the suites' usual --disable-gpu would leave MapLibre no context.
    browser = await launchChromium({ args: CHROMIUM_SOFTWARE_GL_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws the search's homes with a same-origin worker, and 'search this area' lists what the map shows", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    context.setDefaultTimeout(45_000);
    const page = await context.newPage();
    const site = origin(ff.host);
    const foreign: string[] = [];
    const problems: string[] = [];
    const workers: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(site) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) foreign.push(r.url());
    });
    const consoleLines: string[] = [];
    page.on("console", (m) => {
      consoleLines.push(`${m.type()}: ${m.text()}`);
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("worker", (w) => workers.push(w.url()));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });

    await page.goto(`${site}/homes?status=any`);
    const map = page.locator(".search-map-canvas");
    const ready = () =>
      map
        .and(page.locator("[data-map-ready=true]"))
        // Software WebGL on a loaded machine can take tens of seconds for the first frame.
        .waitFor({ timeout: 120_000 })
        .catch(async (error: Error) => {
          const tools = await page
            .locator(".search-map-tools")
            .innerText()
            .catch(() => "");
          throw new Error(`${error.message}\nmap tools: ${tools}\nworkers: ${workers.join(", ")}\nconsole:\n${consoleLines.join("\n")}`);
        });
    await ready();
    const total = countIn(await page.content());
    // Every home of the search is on the map (fewer than the map's cap here), and the list is intact.
    expect(Number(await map.getAttribute("data-points"))).toBe(total);
    expect(await page.locator("article.listing-card").count()).toBeGreaterThan(0);
    expect(workers.some((w) => w.startsWith(`${site}/static/maplibre-gl-worker.mjs`))).toBe(true);
    await screenshot(page, "search-map.png");

    // A visitor drags the map: "search this area" appears and leads to the area's list.
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    const searchHere = page.getByRole("link", { name: "Search this area" });
    await searchHere.waitFor();
    await searchHere.click();
    await page.waitForURL(/[?&]bounds=/);
    const url = new URL(page.url());
    expect(url.searchParams.get("status")).toBe("any");
    const [west, south, east, north] = url.searchParams.get("bounds")!.split(",").map(Number) as [number, number, number, number];
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    const listed = countIn(await page.content());
    const inArea = await db.listing.count({
      where: { tenantId: ff.tenantId, InternetEntireListingDisplayYN: true, Latitude: { gte: south, lte: north }, Longitude: { gte: west, lte: east } },
    });
    expect(listed).toBe(inArea);
    await ready();
    expect(Number(await map.getAttribute("data-points"))).toBe(listed);
    await screenshot(page, "search-map-area.png");

    expect(foreign).toEqual([]);
    expect(problems.filter((p) => /CSP violation|Refused/.test(p))).toEqual([]);
    await context.close();
  }, 400_000);

  it("on a phone: the list first, without shifting; no map script until 'Show the map', then the map; the filters folded until opened", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    context.setDefaultTimeout(45_000);
    const page = await context.newPage();
    const site = origin(ff.host);
    const scripts: string[] = [];
    const workers: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script" || r.resourceType() === "stylesheet") scripts.push(r.url());
    });
    page.on("worker", (w) => workers.push(w.url()));
    // Every layout shift of the page's life that no input caused, summed as CLS counts them.
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number };
      w.shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.shifts += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });

    await page.goto(`${site}/homes`, { waitUntil: "load" });
    // The scripts have run (the page is interactive) and the page has had time to settle.
    await page.waitForFunction(() => document.querySelector(".search-map-show") !== null && document.readyState === "complete");
    await page.waitForTimeout(1_500);
    const fetchedBefore = scripts.length;
    const mapCss = async () =>
      page.evaluate(() => [...document.styleSheets].some((s) => [...(s.cssRules ?? [])].some((r) => r.cssText.includes(".maplibregl-map"))));
    expect(await mapCss()).toBe(false);
    expect(workers).toEqual([]);
    expect(await page.locator(".search-map-canvas").isVisible()).toBe(false);
    // The filters are folded behind their button; the first card's photo is in the first view.
    expect(await page.locator(".filters-disclosure > summary").isVisible()).toBe(true);
    expect(await page.locator(".filters-disclosure input, .filters-disclosure select").first().isVisible()).toBe(false);
    const photo = page.locator("article.listing-card img").first();
    expect(await photo.getAttribute("loading")).toBe("eager");
    expect(((await photo.boundingBox())?.y ?? Infinity) < 844).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThan(0.01);

    await page.locator(".filters-disclosure > summary").click();
    expect(await page.locator(".filters-disclosure input, .filters-disclosure select").first().isVisible()).toBe(true);

    await page.getByRole("button", { name: "Show the map" }).click();
    await page.locator(".search-map-canvas[data-map-ready=true]").waitFor({ timeout: 120_000 });
    expect(scripts.length).toBeGreaterThan(fetchedBefore);
    expect(await mapCss()).toBe(true);
    expect(workers.some((w) => w.startsWith(`${site}/static/maplibre-gl-worker.mjs`))).toBe(true);
    expect(await page.getByRole("button", { name: "Show the map" }).isVisible()).toBe(false);
    await screenshot(page, "search-map-phone.png");
    await context.close();
  }, 400_000);

  it("on a wide screen the filters are shown with no button to fold them", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin(ff.host)}/homes`);
    expect(await page.locator(".filters-disclosure > summary").isVisible()).toBe(false);
    expect(await page.locator(".filters-disclosure input, .filters-disclosure select").first().isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Show the map" }).isVisible()).toBe(false);
    await context.close();
  }, 120_000);

  it("draws a small map on listing and town pages only when it comes into view, from the site's own origin", async () => {
    // A short window, so the maps start below the fold.
    const context = await browser.newContext({ viewport: { width: 1280, height: 480 } });
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    context.setDefaultTimeout(45_000);
    const page = await context.newPage();
    const site = origin(ff.host);
    const foreign: string[] = [];
    const problems: string[] = [];
    const workers: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(site) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) foreign.push(r.url());
    });
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("worker", (w) => workers.push(w.url()));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });

    const listing = await db.listing.findFirstOrThrow({
      where: { tenantId: ff.tenantId, ListingKey: { in: ff.listingKeys }, townSlug: { not: null }, Latitude: { not: null }, InternetAddressDisplayYN: true },
      select: { ListingKey: true, townSlug: true },
    });
    const inTown = countIn((await get(ff.host, `/homes?town=${listing.townSlug}`)).body);
    expect(inTown).toBeGreaterThan(0);

    for (const [path, expected] of [
      [`/homes/${encodeURIComponent(listing.ListingKey)}`, inTown],
      [`/towns/${listing.townSlug}`, inTown],
    ] as const) {
      workers.length = 0;
      await page.goto(`${site}${path}`);
      const map = page.locator(".small-map-canvas");
      await map.waitFor({ state: "attached" });
      // The homes of the town for sale, this tenant's only (the list of the town's search).
      expect(Number(await map.getAttribute("data-points")), path).toBe(expected);
      // Lazy: out of view, nothing of MapLibre has started.
      await page.waitForLoadState("load");
      expect(await map.getAttribute("data-map-ready"), path).toBeNull();
      expect(workers, path).toEqual([]);
      await map.scrollIntoViewIfNeeded();
      // Software WebGL on a loaded machine can take tens of seconds for the first frame.
      await page.locator(".small-map-canvas[data-map-ready=true]").waitFor({ timeout: 120_000 });
      expect(
        workers.some((w) => w.startsWith(`${site}/static/maplibre-gl-worker.mjs`)),
        path,
      ).toBe(true);
      await screenshot(page, `small-map-${path.startsWith("/towns") ? "town" : "listing"}.png`);
    }

    expect(foreign).toEqual([]);
    expect(problems.filter((p) => /CSP violation|Refused/.test(p))).toEqual([]);
    await context.close();
  }, 400_000);
});
