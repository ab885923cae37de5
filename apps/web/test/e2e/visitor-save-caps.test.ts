// The caps on what one visitor account keeps (decision 0092), over HTTP against the running
// server: saves past a cap are refused with a 409 naming it and nothing is written, saves sent at
// the same moment never leave more than the cap, re-saving what is kept still works at the cap,
// and one tenant's visitor at the cap changes nothing for another tenant.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VISITOR_SAVE_LIMITS } from "@real-estate/sites";
import { launchBrowser, openPage } from "../support/browser";
import { httpRequest, type HttpResult } from "../support/web-server";
import { useE2e } from "../support/e2e-context";
import type { WebTenant } from "../support/web-fixtures";

const e2e = useE2e();
const { ff, sl, port, db } = e2e;
const SEARCHES = VISITOR_SAVE_LIMITS.savedSearches;
const HOMES = VISITOR_SAVE_LIMITS.savedHomes;

function post(t: WebTenant, path: string, o: { json?: unknown; form?: Record<string, string>; cookie?: string }): Promise<HttpResult> {
  const body = o.json !== undefined ? JSON.stringify(o.json) : new URLSearchParams(o.form).toString();
  return httpRequest(port, t.host, path, {
    method: "POST",
    headers: {
      origin: e2e.origin(t.host),
      "content-type": o.json !== undefined ? "application/json" : "application/x-www-form-urlencoded",
      ...(o.cookie ? { cookie: o.cookie } : {}),
    },
    body,
  });
}

/** Signs a new visitor up on the tenant; its session cookie and id. */
async function signUp(t: WebTenant, email: string): Promise<{ cookie: string; visitorId: string }> {
  const res = await post(t, "/api/auth/sign-up", { json: { email, password: "a-long-enough-password" } });
  expect(res.status, res.body).toBe(201);
  const setCookie = res.headers["set-cookie"] ?? [];
  const cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
  const visitor = await db.visitor.findFirstOrThrow({ where: { tenantId: t.tenantId, email }, select: { id: true } });
  return { cookie, visitorId: visitor.id };
}

const json = (r: HttpResult) => JSON.parse(r.body) as Record<string, unknown>;
const searchCount = (tenantId: string, visitorId: string) => db.savedSearch.count({ where: { tenantId, visitorId } });
const homeCount = (tenantId: string, visitorId: string) => db.savedListing.count({ where: { tenantId, visitorId } });

describe("caps on what one visitor keeps", () => {
  it("saved searches: concurrent saves stop at the cap, a 409 names it, re-saving a kept one still works, the other tenant is untouched", async () => {
    const email = "search-cap@example.com";
    const a = await signUp(ff, email);
    const kept = await post(ff, "/api/user/saved-searches", { cookie: a.cookie, json: { name: "Fairfield", query: { town: ff.townSlugs[0] } } });
    expect(kept.status, kept.body).toBe(201);
    // Fill up to 4 below the cap (the rows a long-time visitor would have saved one by one).
    const free = 4;
    await db.savedSearch.createMany({
      data: Array.from({ length: SEARCHES - 1 - free }, (_, i) => ({
        tenantId: ff.tenantId,
        visitorId: a.visitorId,
        name: `Old ${i}`,
        queryKey: `minPrice=${1_000_000 + i}`,
        query: { minPrice: String(1_000_000 + i) },
      })),
    });
    expect(await searchCount(ff.tenantId, a.visitorId)).toBe(SEARCHES - free);

    // Twelve new searches at once from the same visitor: exactly the free places are taken.
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(ff, "/api/user/saved-searches", { cookie: a.cookie, json: { name: `Burst ${i}`, query: { minPrice: String(200_000 + i * 1000) } } }),
      ),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(free).fill(201), ...Array(12 - free).fill(409)]);
    for (const refused of burst.filter((r) => r.status === 409)) {
      expect(json(refused)).toEqual({
        error: "saved_search_limit",
        limit: SEARCHES,
        message: `You can keep up to ${SEARCHES} saved searches. Remove one to save another.`,
      });
    }
    expect(await searchCount(ff.tenantId, a.visitorId)).toBe(SEARCHES);

    // At the cap, saving a kept search again renames it (200); a new one is refused, also as a form post.
    const again = await post(ff, "/api/user/saved-searches", { cookie: a.cookie, json: { name: "Fairfield again", query: { town: ff.townSlugs[0] } } });
    expect([again.status, json(again).id]).toEqual([200, json(kept).id]);
    expect((await db.savedSearch.findFirstOrThrow({ where: { tenantId: ff.tenantId, id: String(json(kept).id) } })).name).toBe("Fairfield again");
    const form = await post(ff, "/api/user/saved-searches", { cookie: a.cookie, form: { name: "One more", search: "minPrice=5000" } });
    expect(form.status).toBe(409);
    expect(form.headers["content-type"]).toMatch(/text\/html/);
    expect(form.body).toContain(`You can keep up to ${SEARCHES} saved searches.`);
    const sync = await post(ff, "/api/user/sync", {
      cookie: a.cookie,
      json: { listingKeys: [ff.listingKeys[0]], searches: [{ name: "From device", query: { minPrice: "6000" } }] },
    });
    expect([sync.status, json(sync).error]).toEqual([409, "saved_search_limit"]);
    expect(await searchCount(ff.tenantId, a.visitorId)).toBe(SEARCHES);
    expect(await homeCount(ff.tenantId, a.visitorId)).toBe(0);

    // The same address on the other tenant is another account, free to save.
    const b = await signUp(sl, email);
    const other = await post(sl, "/api/user/saved-searches", { cookie: b.cookie, json: { name: "Shore", query: { minPrice: "200000" } } });
    expect(other.status, other.body).toBe(201);
    expect(await searchCount(sl.tenantId, b.visitorId)).toBe(1);

    // Removing one frees a place.
    const first = await db.savedSearch.findFirstOrThrow({ where: { tenantId: ff.tenantId, visitorId: a.visitorId, name: "Old 0" } });
    const removed = await httpRequest(port, ff.host, `/api/user/saved-searches?id=${first.id}`, {
      method: "DELETE",
      headers: { origin: e2e.origin(ff.host), cookie: a.cookie },
    });
    expect(removed.status).toBe(200);
    expect((await post(ff, "/api/user/saved-searches", { cookie: a.cookie, json: { name: "Now fits", query: { minPrice: "7000" } } })).status).toBe(201);
    expect(await searchCount(ff.tenantId, a.visitorId)).toBe(SEARCHES);
  });

  it("saved homes: concurrent saves stop at the cap, a 409 names it, re-saving a kept home still works, the other tenant is untouched", async () => {
    const email = "home-cap@example.com";
    const a = await signUp(ff, email);
    const [keptKey, ...others] = ff.listingKeys;
    expect((await post(ff, "/api/user/saved-listings", { cookie: a.cookie, json: { listingKey: keptKey } })).status).toBe(201);
    const free = 3;
    await db.savedListing.createMany({
      data: Array.from({ length: HOMES - 1 - free }, (_, i) => ({ tenantId: ff.tenantId, visitorId: a.visitorId, listingKey: `OLD${i}` })),
    });
    const burstKeys = others.slice(0, 10);
    expect(burstKeys).toHaveLength(10);
    const burst = await Promise.all(burstKeys.map((listingKey) => post(ff, "/api/user/saved-listings", { cookie: a.cookie, json: { listingKey } })));
    expect(burst.map((r) => r.status).sort()).toEqual([...Array(free).fill(201), ...Array(10 - free).fill(409)]);
    for (const refused of burst.filter((r) => r.status === 409)) {
      expect(json(refused)).toEqual({
        error: "saved_listing_limit",
        limit: HOMES,
        message: `You can keep up to ${HOMES.toLocaleString("en-US")} saved homes. Remove one to save another.`,
      });
    }
    expect(await homeCount(ff.tenantId, a.visitorId)).toBe(HOMES);

    const again = await post(ff, "/api/user/saved-listings", { cookie: a.cookie, json: { listingKey: keptKey } });
    expect([again.status, json(again).created]).toEqual([200, false]);
    const unsaved = others.find((k) => !burst.some((r, i) => r.status === 201 && burstKeys[i] === k))!;
    const sync = await post(ff, "/api/user/sync", { cookie: a.cookie, json: { listingKeys: [keptKey, unsaved], searches: [] } });
    expect([sync.status, json(sync).error]).toEqual([409, "saved_listing_limit"]);
    // A sync of only what is kept already adds nothing and is not refused.
    const same = await post(ff, "/api/user/sync", { cookie: a.cookie, json: { listingKeys: [keptKey], searches: [] } });
    expect([same.status, json(same).addedListingKeys]).toEqual([200, []]);
    expect(await homeCount(ff.tenantId, a.visitorId)).toBe(HOMES);

    const b = await signUp(sl, email);
    expect((await post(sl, "/api/user/saved-listings", { cookie: b.cookie, json: { listingKey: sl.listingKeys[0] } })).status).toBe(201);
    expect(await homeCount(sl.tenantId, b.visitorId)).toBe(1);
  });

  describe("in the browser", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it("shows the cap's message where the visitor saves a search or a home", { timeout: 240_000 }, async () => {
      const email = "ui-cap@example.com";
      const a = await signUp(sl, email);
      await db.savedSearch.createMany({
        data: Array.from({ length: SEARCHES }, (_, i) => ({
          tenantId: sl.tenantId,
          visitorId: a.visitorId,
          name: `Old ${i}`,
          queryKey: `minPrice=${1_000_000 + i}`,
          query: { minPrice: String(1_000_000 + i) },
        })),
      });
      await db.savedListing.createMany({
        data: Array.from({ length: HOMES }, (_, i) => ({ tenantId: sl.tenantId, visitorId: a.visitorId, listingKey: `OLD${i}` })),
      });
      const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
      const origin = e2e.origin(sl.host);
      const cookies = a.cookie.split("; ").map((pair) => {
        const [name, ...value] = pair.split("=");
        return { name: name!, value: value.join("="), url: origin };
      });
      await page.context().addCookies(cookies);
      const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 45_000, interval: 150 });
      // Once React has attached its handlers the buttons save with fetch and show the answer in place.
      const hydrated = () =>
        page.waitForFunction(
          () => [...document.querySelectorAll("form button[type=submit]")].every((b) => Object.keys(b).some((k) => k.startsWith("__reactProps"))),
          null,
          { timeout: 45_000 },
        );

      await page.goto(`${origin}/homes?town=${sl.townSlugs[0]}`);
      await hydrated();
      await page.getByRole("button", { name: "Save this search" }).click();
      await poll(() => page.locator("form.save-search [role=status]").innerText()).toContain(
        `You can keep up to ${SEARCHES} saved searches. Remove one to save another.`,
      );

      await page.goto(`${origin}/homes/${encodeURIComponent(sl.listingKeys[1]!)}`);
      await hydrated();
      await page.getByRole("button", { name: "Save home" }).click();
      await poll(() => page.locator("form:has(button[aria-pressed]) [role=status]").innerText()).toContain(
        `You can keep up to ${HOMES} saved homes. Remove one to save another.`,
      );
      expect(await searchCount(sl.tenantId, a.visitorId)).toBe(SEARCHES);
      expect(await homeCount(sl.tenantId, a.visitorId)).toBe(HOMES);
      await page.close();
    });
  });
});
