import type { Browser, Page } from "playwright-core";
import type { Db } from "@real-estate/db";
import { afterAll, beforeAll, describe, it, type ExpectStatic } from "vitest";
import { launchBrowser, openPage, screenshot } from "../support/browser";
import { useE2e } from "../support/e2e-context";
import type { WebTenant } from "../support/web-fixtures";

const ctx = useE2e();
const e2e = () => ctx;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const origin = (t: WebTenant) => ctx.origin(t.host);
/**
 * Waits for a condition; generous, because a busy machine can be slow to answer. The tests run
 * concurrently, so assertions use each test's own `expect`.
 */
const poller =
  (expect: ExpectStatic) =>
  <T>(fn: () => T | Promise<T>) =>
    expect.poll(fn, { timeout: 45_000, interval: 150 });
/**
 * The forms' minimum fill time is 300 ms on the test server; people take longer. Also waits until
 * the enhanced forms are interactive (their script fills in the hidden eventId), so a click is
 * handled by the page and not sent as a plain form post.
 */
async function humanPause(page: Page) {
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>("input[name=eventId]")].every((i) => i.value !== ""), null, {
    timeout: 45_000,
  });
  await page.waitForTimeout(400);
}

type Names = { own: string; other: string; town: string };
type Step = { page: Page; t: WebTenant; shot: (name: string) => Promise<string>; expect: ExpectStatic };

/** Home, a town, a filtered search and a listing with an inquiry; returns the listing's URL. */
async function browseAndInquire({ page, t, shot, expect }: Step, names: Names): Promise<string> {
  const poll = poller(expect);
  await page.goto(`${origin(t)}/`);
  await poll(() => page.locator("h1").innerText()).toContain(names.own);
  expect(await page.locator("body").innerText()).not.toContain(names.other);
  expect(await page.locator(".listing-card").count()).toBeGreaterThan(0);
  await shot("home");

  await page.locator(".town-card a.stretched").first().click();
  await page.waitForURL(/\/towns\/[a-z-]+$/);
  expect(await page.locator("h1").innerText()).toContain(names.town);
  expect(await page.locator("[data-module]").count()).toBeGreaterThan(1);
  await shot("town");

  // Search with filters: everything lands in the URL.
  await page.goto(`${origin(t)}/homes`);
  await page.selectOption("#f-town", { index: 1 });
  await page.selectOption("#f-beds", "2");
  await page.selectOption("#f-max", "3000000");
  await page.locator(".filters button[type=submit]").click();
  await page.waitForURL(/beds=2/);
  const url = new URL(page.url());
  expect(url.searchParams.get("town")).toBeTruthy();
  expect(url.searchParams.get("maxPrice")).toBe("3000000");
  expect(await page.locator(".result-count").innerText()).toMatch(/\d+ homes? found/);
  const cards = page.locator(".listing-card");
  expect(await cards.count()).toBeGreaterThan(0);
  await shot("search");

  await cards.first().locator("a.stretched").click();
  await page.waitForURL(/\/homes\/[A-Z0-9]+$/);
  const listingUrl = page.url();
  expect(await page.locator("script[type='application/ld+json']").count()).toBe(1);
  await shot("listing");
  await page.fill("#inquiry-name", "Casey Buyer");
  await page.fill("#inquiry-email", `casey+${t.slug}@example.com`);
  await humanPause(page);
  await page.locator(".listing-aside button[type=submit]").click();
  await poll(() => page.locator("[data-testid=lead-confirmation]").count()).toBe(1);
  await shot("inquiry-sent");
  return listingUrl;
}

/** An instant home value, then sign up, save the listing and find it on /account. */
async function valueSignUpAndSave({ page, t, shot, expect }: Step, listingUrl: string): Promise<void> {
  const poll = poller(expect);
  await page.goto(`${origin(t)}/home-value`);
  await page.fill("#hv-address", "42 Test Lane");
  await page.selectOption("#hv-town", { index: 1 });
  await page.fill("#hv-area", "2000");
  await page.fill("#hv-beds", "3");
  await page.fill("#hv-name", "Sam Seller");
  await page.fill("#hv-email", `sam+${t.slug}@example.com`);
  await humanPause(page);
  await page.locator("form button[type=submit]").click();
  await poll(() => page.locator("[data-testid=estimate]").count()).toBe(1);
  expect(await page.locator("[data-testid=estimate]").innerText()).toMatch(/Automated estimate/i);
  await shot("home-value");

  await page.goto(`${origin(t)}/sign-up`);
  await page.fill("#su-name", "Jordan Visitor");
  await page.fill("#sign-up-email", `jordan+${t.slug}@example.com`);
  await page.fill("#sign-up-password", "a-long-password");
  await humanPause(page);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/account$/);
  await page.goto(listingUrl);
  await humanPause(page);
  await page.getByRole("button", { name: "Save home" }).click();
  await poll(() => page.getByRole("button", { name: "Saved" }).count()).toBe(1);
  await page.goto(`${origin(t)}/account`);
  const saved = page.locator("#saved-homes .listing-card");
  expect(await saved.count()).toBe(1);
  expect(listingUrl).toContain(new URL((await saved.locator("a.stretched").getAttribute("href")) ?? "", origin(t)).pathname);
  await shot("account");
}

async function visitorJourney(expect: ExpectStatic, tenantKey: "ff" | "sl", names: Names) {
  const t = e2e()[tenantKey];
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  const step: Step = { page, t, expect, shot: (name) => screenshot(page, `${t.slug}-${name}.png`) };
  try {
    const listingUrl = await browseAndInquire(step, names);
    await valueSignUpAndSave(step, listingUrl);
  } finally {
    await page.close();
  }
}

/** The journey queued one event of each kind for its tenant, carrying the visitor's own details. */
async function expectJourneyEvents(expect: ExpectStatic, db: Db, t: WebTenant) {
  const jobs = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId } });
  const find = (type: string, email: string) => jobs.filter((j) => j.eventType === type && JSON.stringify(j.payload).includes(email));
  expect(find("lead.submitted", `casey+${t.slug}@example.com`)).toHaveLength(1);
  expect(find("valuation.requested", `sam+${t.slug}@example.com`)).toHaveLength(1);
  expect(find("visitor.registered", `jordan+${t.slug}@example.com`)).toHaveLength(1);
  expect(find("listing.saved", `jordan+${t.slug}@example.com`)).toHaveLength(1);
  expect(await db.visitor.count({ where: { tenantId: t.tenantId, email: `jordan+${t.slug}@example.com` } })).toBe(1);
}

/** A journey is some fifteen page loads and four forms; under a loaded machine that takes minutes. */
const JOURNEY_TIMEOUT_MS = 360_000;

// The tests of each group are independent (own visitors, own emails) and mostly wait on the
// server, so they run side by side.
describe.concurrent("a visitor's journey on each tenant's site", () => {
  it(
    "fairfield.localhost: home, town, search, listing, inquiry, home value, sign up, saved home",
    async ({ expect }) => {
      await visitorJourney(expect, "ff", { own: "Fairfield County Realty", other: "Shoreline Homes", town: "Fairfield" });
      const { db, ff } = e2e();
      await expectJourneyEvents(expect, db, ff);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    "shoreline.localhost: the same journey, with its own content only",
    async ({ expect }) => {
      await visitorJourney(expect, "sl", { own: "Shoreline Homes", other: "Fairfield County Realty", town: "Newport" });
      const { db, sl } = e2e();
      await expectJourneyEvents(expect, db, sl);
    },
    JOURNEY_TIMEOUT_MS,
  );
});

describe.concurrent("forms for everyone", () => {
  it("announces field errors and moves focus to the first invalid field", async ({ expect }) => {
    const { ff } = e2e();
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin(ff)}/contact`);
    await page.fill("#contact-name", "Typo Person");
    await page.fill("#contact-email", "typo@example");
    await humanPause(page);
    await page.locator("form button[type=submit]").click();
    const alert = page.locator("form [role=alert]").first();
    await poller(expect)(() => alert.innerText()).toMatch(/Please correct/);
    expect(await page.locator("#contact-email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#contact-email-error").innerText()).toBe("Please enter a valid email address");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("contact-email");
    await screenshot(page, "fairfield-contact-errors.png");
    await page.close();
  });

  it("works without JavaScript: a plain form post lands on the thank-you page", async ({ expect }) => {
    const { ff, db } = e2e();
    const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin(ff)}/contact`);
    await page.fill("#contact-name", "No Script");
    await page.fill("#contact-email", "noscript-browser@example.com");
    await page.waitForTimeout(400);
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(/\/thank-you/);
    expect(await page.locator("h1").innerText()).toContain("Thank you");
    const jobs = await db.ingestionJob.findMany({ where: { tenantId: ff.tenantId, eventType: "lead.submitted" } });
    expect(jobs.some((j) => JSON.stringify(j.payload).includes("noscript-browser@example.com"))).toBe(true);
    await screenshot(page, "fairfield-thank-you-no-js.png");
    await page.close();
  });

  it("keeps homes saved before signing in and merges them into the new account", async ({ expect }) => {
    const { sl } = e2e();
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin(sl)}/homes/${sl.listingKeys[3]}`);
    await humanPause(page);
    await page.getByRole("button", { name: "Save home" }).click();
    await poller(expect)(() => page.locator("form [role=status]").first().innerText()).toContain("Saved on this device");
    await page.goto(`${origin(sl)}/sign-up`);
    await page.fill("#sign-up-email", "anon-saver@example.com");
    await page.fill("#sign-up-password", "a-long-password");
    await humanPause(page);
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(/\/account$/);
    await poller(expect)(() => page.locator("#saved-homes .listing-card").count()).toBe(1);
    expect(await page.locator("#saved-homes a.stretched").getAttribute("href")).toBe(`/homes/${sl.listingKeys[3]}`);
    await page.close();
  });

  it("looks right on a phone", async ({ expect }) => {
    const { ff, sl } = e2e();
    const page = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${origin(ff)}/`);
    expect(await page.locator(".main-nav").isVisible()).toBe(false);
    await page.locator(".mobile-nav summary").click();
    expect(await page.locator(".mobile-nav nav a", { hasText: "Homes for sale" }).isVisible()).toBe(true);
    await screenshot(page, "fairfield-home-mobile.png");
    await page.goto(`${origin(ff)}/homes/${ff.listingKeys[0]}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "fairfield-listing-mobile.png");
    await page.goto(`${origin(sl)}/homes?town=newport`);
    await screenshot(page, "shoreline-search-mobile.png");
    await page.close();
  });
});
