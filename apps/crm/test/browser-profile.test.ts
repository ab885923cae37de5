// A member's profile end to end, in Chromium against the production builds of the CRM and the
// website: an agent sets their name and phone and uploads a photo on the CRM's Profile page; the
// greeting says their name; the website's contact page and their listing's page show the photo
// (served by the website, on the brokerage's own host, with its own type), name and phone.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { setDb } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { launchChromium, startNextApp, type NextAppServer } from "@real-estate/http/testing";
import { createCrmFixtureTenant, PASSWORD, type FixtureTenant } from "./support/crm-fixture";
import { httpGet, startCrmServer, type CrmServer } from "./support/crm-server";
import { JPEG } from "./support/sample-images";

const CRM_PORT = 4210;
const WEB_PORT = 4220;
const CRM_HOST = "crm.profiles.localhost";
const WEB_HOST = "profiles.localhost";
const STEP_TIMEOUT = 300_000;
const shots = path.resolve(process.env.TEST_ARTIFACTS_DIR ?? path.resolve(import.meta.dirname, "../../../test-artifacts"), "crm");

let testDb: TestDatabase;
let crm: CrmServer | undefined;
let web: NextAppServer | undefined;
let browser: Browser | undefined;
let tenant: FixtureTenant;
let other: FixtureTenant;

const crmUrl = (p: string) => `http://${CRM_HOST}:${CRM_PORT}${p}`;
const webUrl = (p: string) => `http://${WEB_HOST}:${WEB_PORT}${p}`;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, name), fullPage: true });

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  testDb = await createTestDatabase("crmbrowserprofile");
  setDb(testDb.db);
  tenant = await createCrmFixtureTenant(testDb.db, { slug: "profiles", name: "Profiles Realty", crmHosts: [CRM_HOST], webHosts: [WEB_HOST], people: [] });
  other = await createCrmFixtureTenant(testDb.db, {
    slug: "otherco",
    name: "Other Co",
    crmHosts: ["crm.otherco.localhost"],
    webHosts: ["otherco.localhost"],
    people: [],
  });
  // A home this agent lists, as the MLS feed names them.
  await testDb.db.listing.create({
    data: {
      tenantId: tenant.tenantId,
      ListingKey: "PR-1",
      ListingId: "PR-1",
      StandardStatus: "Active",
      PropertyType: "Residential",
      ListPrice: 750000,
      UnparsedAddress: "12 Sample Lane",
      City: "Greenwich",
      StateOrProvince: "CT",
      PostalCode: "06830",
      ListAgentFullName: "Feed Name (sample)",
      ListAgentKey: "AGT-42",
      ModificationTimestamp: new Date(),
      isSample: true,
    },
  });
  crm = await startCrmServer({ port: CRM_PORT, databaseUrl: testDb.url, readyHost: CRM_HOST });
  web = await startNextApp({
    app: "web",
    label: "crm-profile-tests",
    port: WEB_PORT,
    env: { DATABASE_URL: testDb.url, WEB_PUBLIC_PORT: String(WEB_PORT), INTERNAL_API_TOKEN: crypto.randomBytes(32).toString("base64url") },
    logFile: path.join(shots, `profile-web-${WEB_PORT}.log`),
    ready: (port) => httpGet({ port, host: "readiness.invalid", path: "/" }).then((r) => r.status === 404),
    readyTimeoutMs: 120_000,
  });
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await crm?.stop();
  await testDb?.drop();
});

describe("a member's profile in the browser", () => {
  it(
    "an agent sets name, phone and photo on the Profile page; the CRM greets them by name and the website shows the profile",
    async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(crmUrl("/my-day"));
      await page.waitForURL(/\/sign-in/);
      await page.fill("#email", tenant.agent.email);
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL(crmUrl("/my-day"));

      await page.goto(crmUrl("/profile"));
      // A phone that is not one: refused with the reason, nothing saved.
      await page.fill("#profile-displayName", "Dana Lister");
      await page.fill("#profile-phone", "555");
      await page.click("[data-testid=profile-form] button[type=submit]");
      await expect.poll(() => page.locator("#profile-phone-error").textContent(), { timeout: 10_000 }).toMatch(/too short|not a valid/i);
      expect(
        (await testDb.db.tenantMembership.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.tenantId, id: tenant.agent.membershipId } } }))
          .displayName,
      ).toBeNull();

      await page.fill("#profile-phone", "203 555 0187");
      await page.fill("#profile-mlsAgentKey", "AGT-42");
      await page.click("[data-testid=profile-form] button[type=submit]");
      await expect.poll(() => page.locator("[data-testid=profile-form] [role=status]").textContent(), { timeout: 10_000 }).toContain("Profile saved");

      // A text file named like a photo is refused by its bytes.
      await page.setInputFiles("#profile-photo", { name: "me.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not really a photo") });
      await page.click("[data-testid=photo-form] button[type=submit]");
      await expect.poll(() => page.locator("[data-testid=photo-form] [role=alert]").textContent(), { timeout: 10_000 }).toMatch(/JPEG, PNG or WebP/);

      await page.setInputFiles("#profile-photo", { name: "me.jpg", mimeType: "image/jpeg", buffer: JPEG });
      await page.click("[data-testid=photo-form] button[type=submit]");
      await expect.poll(() => page.locator("[data-testid=photo-form] [role=status]").textContent(), { timeout: 10_000 }).toContain("Photo saved");
      await expect.poll(() => page.locator("[data-testid=profile-preview] img[data-testid=member-photo]").count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.locator("[data-testid=profile-phone]").textContent(), { timeout: 10_000 }).toBe("(203) 555-0187");
      await shot(page, "profile-01-crm-profile.png");

      await page.goto(crmUrl("/my-day"));
      expect(await page.locator("[data-testid=my-day-greeting]").textContent()).toContain("Good to see you, Dana.");
      expect(await page.locator("[data-testid=signed-in-as]").textContent()).toBe("Dana Lister");

      const stored = await testDb.db.memberPhoto.findUniqueOrThrow({
        where: { tenantId_membershipId: { tenantId: tenant.tenantId, membershipId: tenant.agent.membershipId } },
      });
      expect(stored.contentType).toBe("image/jpeg");

      // The website: the contact page lists the agent, with the photo served from the brokerage's own host.
      const site = await context.newPage();
      await expect
        .poll(
          async () => {
            await site.goto(webUrl("/contact"));
            return site.locator("[data-testid=our-agents] [data-testid=agent-name]").allTextContents();
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toEqual(["Dana Lister"]);
      const card = site.locator("[data-testid=our-agents] [data-testid=agent-profile]");
      expect(await card.locator("[data-testid=agent-phone]").textContent()).toBe("(203) 555-0187");
      expect(await card.locator("[data-testid=agent-phone]").getAttribute("href")).toBe("tel:+12035550187");
      const src = await card.locator("img").getAttribute("src");
      expect(src).toMatch(new RegExp(`^/agent-photos/${tenant.agent.membershipId}/[0-9a-f]{16}$`));
      await expect.poll(() => card.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(4);
      // Fetched by the page itself (same origin): type, cache headers and the stored bytes.
      const photo = await site.evaluate(async (u) => {
        const r = await fetch(u);
        return {
          status: r.status,
          type: r.headers.get("content-type"),
          cache: r.headers.get("cache-control"),
          bytes: Array.from(new Uint8Array(await r.arrayBuffer())),
        };
      }, src!);
      expect(photo).toMatchObject({ status: 200, type: "image/jpeg", cache: "public, max-age=31536000, immutable" });
      expect(Buffer.from(photo.bytes).equals(Buffer.from(stored.bytes))).toBe(true);
      await shot(site, "profile-02-website-contact.png");

      // The listing whose MLS agent id is theirs shows their profile in "Contact an agent".
      await site.goto(webUrl("/homes/PR-1"));
      const aside = site.locator("aside[aria-label='Contact an agent']");
      expect(await aside.locator("[data-testid=agent-name]").textContent()).toBe("Dana Lister");
      expect(await aside.locator("img").getAttribute("src")).toBe(src);
      await shot(site, "profile-03-website-listing.png");

      // The same photo URL on another brokerage's website: not found.
      const across = await httpGet({ port: WEB_PORT, host: `otherco.localhost:${WEB_PORT}`, path: src! });
      expect(across.status).toBe(404);
      expect(other.tenantId).not.toBe(tenant.tenantId);
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
