// The CRM in Chromium against its production build: an agent works a lead that was just
// submitted on the Fairfield website, and a Shoreline account sees nothing of Fairfield.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "@real-estate/http/testing";
import type { Browser, Page } from "playwright-core";
import { createCrmFixtureTenant, PASSWORD, type FixtureTenant } from "./support/crm-fixture";
import { seedSamplePipeline } from "./support/sample-pipeline";
import { httpGet } from "./support/crm-server";
import { useSharedCrm } from "./support/use-shared-crm";
import { submitWebsiteLead } from "./support/website-lead";
import { queueWebhookEvents, WEBHOOK_EVENT_TYPES } from "@real-estate/integrations";
import { WEBHOOK_EVENT_LABELS } from "@real-estate/types";

// The suite's shared server (this file's tenants are its own).
const testDb = useSharedCrm();
const PORT = testDb.port;
/** Per test: generous, since scrypt sign-ins and page renders slow down a lot on a busy machine. */
const STEP_TIMEOUT = 240_000;
const FAIRFIELD = "crm.fairfield.localhost";
const SHORELINE = "crm.shoreline.localhost";
const shots = path.resolve(process.env.TEST_ARTIFACTS_DIR ?? path.resolve(import.meta.dirname, "../../../test-artifacts"), "crm");

let browser: Browser | undefined;
let fairfield: FixtureTenant;
let shoreline: FixtureTenant;

const url = (host: string, p: string) => `http://${host}:${PORT}${p}`;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, name), fullPage: true });

async function signIn(page: Page, host: string, email: string) {
  await page.goto(url(host, "/"));
  await page.waitForURL(/\/sign-in/);
  await page.fill("#email", email);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
}

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  fairfield = await createCrmFixtureTenant(testDb.db, {
    slug: "fairfield",
    name: "Fairfield County Homes",
    crmHosts: [FAIRFIELD],
    webHosts: ["fairfield.localhost"],
    people: [{ first: "Grace", last: "Holloway", email: "grace.holloway@example.com", phone: "+12035550142", source: "valuation" }],
  });
  await seedSamplePipeline(testDb.db, { tenantId: fairfield.tenantId, agentMembershipId: fairfield.agent.membershipId });
  shoreline = await createCrmFixtureTenant(testDb.db, {
    slug: "shoreline",
    name: "Shoreline Realty",
    crmHosts: [SHORELINE],
    webHosts: ["shoreline.localhost"],
    people: [{ first: "Sam", last: "Seaward", email: "sam.seaward@example.com" }],
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe("CRM in the browser", () => {
  it(
    "resolves the tenant from the Host only: unknown hosts 404, spoofed x-tenant headers are ignored, signed-out users go to sign-in",
    async () => {
      const unknownPage = await httpGet({ port: PORT, host: "nobody.example", path: "/" });
      expect(unknownPage.status).toBe(404);
      expect(unknownPage.body).toContain("CRM not found");
      const unknownApi = await httpGet({ port: PORT, host: "nobody.example", path: "/api/leads" });
      expect(unknownApi.status).toBe(404);
      expect(JSON.parse(unknownApi.body)).toEqual({ error: "unknown_tenant" });
      const webHost = await httpGet({ port: PORT, host: "fairfield.localhost", path: "/" });
      expect(webHost.status).toBe(404);
      const signedOut = await httpGet({ port: PORT, host: FAIRFIELD, path: "/leads" });
      expect(signedOut.status).toBe(307);
      expect(signedOut.headers.location).toContain("/sign-in?next=%2Fleads");
      const signInPage = await httpGet({
        port: PORT,
        host: SHORELINE,
        path: "/sign-in",
        headers: { "x-tenant-id": fairfield.tenantId, "x-tenant-slug": "fairfield" },
      });
      expect(signInPage.body).toContain("Shoreline Realty");
      expect(signInPage.body).not.toContain("Fairfield County Homes");
    },
    STEP_TIMEOUT,
  );

  it(
    "an agent signs in, sees a lead just submitted on the website appear, moves it to CONTACTED, adds a note, finds it by filtering",
    async () => {
      const context = await browser!.newContext({ viewport: { width: 1360, height: 900 } });
      const page = await context.newPage();
      await page.goto(url(FAIRFIELD, "/"));
      await page.waitForURL(/\/sign-in/);
      await expect(page.textContent("[data-testid=tenant-name]")).resolves.toBe("Fairfield County Homes");
      await shot(page, "01-sign-in.png");
      await page.fill("#email", fairfield.agent.email);
      await page.fill("#password", "wrong-password");
      await page.click("button[type=submit]");
      await page.waitForSelector(".notice[role=alert]");
      expect(await page.textContent(".notice[role=alert]")).toContain("Wrong email or password");
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL(url(FAIRFIELD, "/"));
      await page.waitForSelector("[data-testid=kpi-today]");
      await shot(page, "02-dashboard.png");

      await page.goto(url(FAIRFIELD, "/leads"));
      await page.waitForSelector("[data-testid=leads-table]");
      expect(await page.locator("text=Quinn Newlead").count()).toBe(0);
      const { leadId } = await submitWebsiteLead(testDb.db, {
        tenantId: fairfield.tenantId,
        firstName: "Quinn",
        lastName: "Newlead",
        email: "quinn.newlead@example.com",
        phone: "203-555-0177",
        message: "We'd like to see the colonial on Elm Street this weekend.",
      });
      // No reload: the page polls and re-renders when a new lead arrives.
      await page.waitForSelector(`tr[data-lead-id="${leadId}"]`, { timeout: 15_000 });
      await page.waitForSelector(".toast");
      await shot(page, "03-leads-new-lead-arrived.png");

      await page.click(`tr[data-lead-id="${leadId}"] a`);
      await page.waitForURL(url(FAIRFIELD, `/leads/${leadId}`));
      expect(await page.textContent("[data-testid=lead-name]")).toBe("Quinn Newlead");
      expect(await page.textContent("body")).toContain("colonial on Elm Street");
      await page.click(".pipeline button[value=CONTACTED]");
      await page.waitForSelector('.pipeline button[value=CONTACTED][aria-pressed="true"]');
      await page.fill("textarea[name=body]", "Called Quinn: showing booked for Saturday 10am.");
      await page.click("form:has(textarea[name=body]) button[type=submit]");
      await page.waitForSelector("text=Called Quinn: showing booked for Saturday 10am.");
      await page.waitForSelector('[data-activity-type="STATUS_CHANGE"]');
      await shot(page, "04-lead-contacted-with-note.png");

      const lead = await testDb.db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: fairfield.tenantId, id: leadId } } });
      expect(lead.status).toBe("CONTACTED");
      expect(lead.firstContactedAt).not.toBeNull();
      const acts = await testDb.db.activity.findMany({ where: { tenantId: fairfield.tenantId, leadId } });
      expect(acts.map((a) => a.type).sort()).toEqual(["NOTE", "STATUS_CHANGE", "WEBSITE_EVENT"]);
      expect(acts.filter((a) => a.type !== "WEBSITE_EVENT").every((a) => a.actorUserId === fairfield.agent.userId)).toBe(true);

      await page.goto(url(FAIRFIELD, "/leads"));
      await page.fill("#q", "quinn");
      await page.click("form[role=search] button[type=submit]");
      await page.waitForURL(/q=quinn/);
      await page.click('nav.tabs a:has-text("Contacted")');
      await page.waitForURL(/status=CONTACTED/);
      const rows = page.locator("[data-testid=leads-table] tbody tr[data-lead-id]");
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute("data-lead-id")).toBe(leadId);
      await shot(page, "05-leads-filtered.png");
      await page.click(`tr[data-lead-id="${leadId}"] a`);
      await page.waitForURL(url(FAIRFIELD, `/leads/${leadId}`));
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    "a Shoreline account signing in on the Fairfield CRM sees no Fairfield data",
    async () => {
      const context = await browser!.newContext({ viewport: { width: 1360, height: 900 } });
      const page = await context.newPage();
      await signIn(page, FAIRFIELD, shoreline.agent.email);
      await page.waitForURL(/\/no-access/);
      expect(await page.textContent("[data-testid=no-access]")).toBe("No access to this brokerage");
      await shot(page, "06-shoreline-account-on-fairfield.png");
      const body = await page.textContent("body");
      for (const name of ["Grace", "Holloway", "Quinn"]) expect(body).not.toContain(name);
      await page.goto(url(FAIRFIELD, `/leads/${fairfield.leadIds[0]}`));
      await page.waitForURL(/\/no-access/);
      expect(await page.textContent("body")).not.toContain("Holloway");
      const api = await page.evaluate(async () => {
        const res = await fetch("/api/leads");
        return { status: res.status, text: await res.text() };
      });
      expect(api.status).toBe(404);
      expect(api.text).not.toContain("Holloway");
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    "owners manage the team by invitation link and create API keys; manual contacts offer duplicates",
    async () => {
      const context = await browser!.newContext({ viewport: { width: 1360, height: 900 } });
      const page = await context.newPage();
      await signIn(page, FAIRFIELD, fairfield.owner.email);
      await page.waitForURL(url(FAIRFIELD, "/"));
      await page.goto(url(FAIRFIELD, "/team"));
      await page.fill("#invite-email", "new.agent@example.com");
      await page.click("form:has(#invite-email) button[type=submit]");
      const link = (await page.textContent("[data-testid=invitation-link]", { timeout: 10_000 }))!;
      expect(link).toMatch(new RegExp(`^http://${FAIRFIELD}:${PORT}/accept-invitation\\?token=`));
      await shot(page, "07-team-invitation-link.png");

      await page.goto(url(FAIRFIELD, "/api-keys"));
      await page.fill("#key-name", "Zapier");
      await page.click("form:has(#key-name) button[type=submit]");
      const key = (await page.textContent("[data-testid=api-key-secret]", { timeout: 10_000 }))!;
      const viaKey = await httpGet({ port: PORT, host: FAIRFIELD, path: "/api/leads?limit=1", headers: { authorization: `Bearer ${key}` } });
      expect(viaKey.status).toBe(200);
      expect(JSON.parse(viaKey.body).items).toHaveLength(1);
      await shot(page, "08-api-key-created.png");
      // Its limit, changed on the page: the key's next request is counted against the new one.
      const limitForm = page.locator('form:has(button[aria-label="Save the limit of Zapier"])');
      await limitForm.locator("input[name=rateLimitPerMinute]").fill("7");
      await limitForm.locator('button[aria-label="Save the limit of Zapier"]').click();
      await limitForm.locator("[role=status]").waitFor({ timeout: 45_000 });
      expect(await limitForm.locator("[role=status]").textContent()).toContain("7 per minute");
      const limited = await httpGet({ port: PORT, host: FAIRFIELD, path: "/api/leads?limit=1", headers: { authorization: `Bearer ${key}` } });
      expect(limited.status).toBe(200);
      expect(limited.headers["ratelimit-limit"]).toBe("7");

      await page.goto(url(FAIRFIELD, "/contacts/new"));
      await page.fill("#c-firstName", "Gracie");
      await page.fill("#c-phone", "(203) 555-0142");
      await page.click("[data-testid=contact-form] button[type=submit]");
      await page.waitForSelector("[data-testid=duplicate-offer]");
      expect(await page.textContent("[data-testid=duplicate-offer]")).toContain("Grace Holloway");
      await shot(page, "09-contact-duplicate-offered.png");
      await page.click("[data-testid=duplicate-offer] a");
      await page.waitForURL(url(FAIRFIELD, `/contacts/${fairfield.contactIds[0]}`));
      await shot(page, "10-contact-page.png");
      await context.close();

      const invitee = await browser!.newContext({ viewport: { width: 1360, height: 900 } });
      const p2 = await invitee.newPage();
      await p2.goto(link);
      await p2.fill("#inv-name", "Nora Newagent");
      await p2.fill("#inv-password", "new-agent-pass-1");
      await p2.click("button[type=submit]");
      await p2.waitForURL(url(FAIRFIELD, "/"));
      expect(await p2.textContent("[data-testid=signed-in-as]")).toBe("Nora Newagent");
      expect(await p2.locator('nav a[href="/team"]').count()).toBe(0);
      await shot(p2, "11-invited-agent-dashboard.png");
      await p2.goto(url(FAIRFIELD, "/team"));
      await p2.waitForURL(/\/no-access\?reason=owner/);
      expect(await p2.textContent("[data-testid=no-access]")).toBe("Owners only");
      await invitee.close();
    },
    STEP_TIMEOUT,
  );

  it(
    "the webhook screens name events in words: the endpoint form, the endpoint list and the delivery log",
    async () => {
      const context = await browser!.newContext({ viewport: { width: 1360, height: 900 } });
      const page = await context.newPage();
      await signIn(page, FAIRFIELD, fairfield.owner.email);
      await page.waitForURL(url(FAIRFIELD, "/"));
      await page.goto(url(FAIRFIELD, "/webhooks"));
      // Every event type an owner can pick has its own words (not the code read aloud), with the code beside.
      for (const type of WEBHOOK_EVENT_TYPES) {
        const words = WEBHOOK_EVENT_LABELS[type];
        expect(words, type).toBeTruthy();
        const label = (await page.locator("label", { has: page.locator(`input[name=events][value="${type}"]`) }).textContent())!;
        expect(label.trim()).toBe(`${words} ${type}`);
      }
      await page.fill("#webhook-url", "https://hooks.example.com/crm-events");
      await page.click("form:has(#webhook-url) button[type=submit]");
      const row = page.locator("tr", { hasText: "https://hooks.example.com/crm-events" });
      await row.waitFor({ timeout: 60_000 });
      expect(await row.textContent()).toContain("New lead, Lead status changed");
      expect(await row.textContent()).not.toContain("lead.created");

      await queueWebhookEvents(testDb.db, {
        tenantId: fairfield.tenantId,
        events: [
          { type: "lead.status_changed", data: { leadId: fairfield.leadIds[0] } },
          { type: "task.completed", data: { taskId: "t-1" } },
        ],
      });
      await row.locator("a").click();
      const log = page.locator("[data-testid=webhook-deliveries]");
      await log.waitFor({ timeout: 60_000 });
      const events = await log.locator("tbody tr td:first-child").allTextContents();
      expect(events.sort()).toEqual(["Lead status changed lead.status_changed", "Task completed task.completed"]);
      await shot(page, "13-webhook-deliveries-in-words.png");
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
