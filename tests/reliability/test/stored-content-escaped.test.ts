// Stored content is escaped where it is shown: a lead named <script>…</script> renders as text
// in the CRM (lead and contact pages, lists) and in the studio (tenants, dead letters), in
// Chromium: window.__xss stays undefined and the literal text is visible.
import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "@real-estate/http/testing";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { ARTIFACTS_DIR, recordFigures } from "../src/report/summary";
import { signUpMember, signUpOperator, type SignedInUser } from "../src/world/member-sessions";
import { seedWorld, type World } from "../src/world/seed-world";
import { presentApps, startApps, type AppServers } from "../src/world/start-apps";

const SCRIPT = "<script>window.__xss=1</script>";
const IMG = `<img src=x onerror="window.__xss=2">`;
const apps = presentApps(["crm", "studio"]);
let testDb: TestDatabase;
let world: World;
let servers: AppServers;
let browser: Browser;
const ids: { contactId?: string; leadId?: string; jobId?: string } = {};
const users: { owner?: SignedInUser; operator?: SignedInUser } = {};
const figures = { probes: 0, leaks: 0, failures: 0 };

beforeAll(async () => {
  testDb = await createTestDatabase("xss");
  world = await seedWorld(testDb.db);
  const { db } = testDb;
  const tenantId = world.a.tenantId;
  // *.localhost is a secure context in Chromium, so the CRM's __Secure- session cookie works over http.
  await db.tenantDomain.create({ data: { tenantId, hostname: "crm.alpha.localhost", kind: "CRM" } });
  const contact = await db.contact.create({
    data: { tenantId, firstName: SCRIPT, lastName: IMG, email: "xss@people.test", source: "website_contact", notes: SCRIPT },
  });
  const lead = await db.lead.create({ data: { tenantId, contactId: contact.id, source: "website_contact", message: `${SCRIPT} ${IMG}` } });
  await db.activity.create({ data: { tenantId, contactId: contact.id, leadId: lead.id, type: "WEBSITE_EVENT", title: SCRIPT, body: IMG } });
  const job = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, status, attempts, "lastError", "deadLetteredAt", "updatedAt")
    VALUES (${tenantId}::uuid, 'xss-dead-1', 'lead.submitted', ${JSON.stringify({ payload: { contact: { firstName: SCRIPT, email: "xss@people.test" } } })}::jsonb, 'DEAD_LETTERED', 6, ${`invalid name ${SCRIPT}`}, now(), now())
    RETURNING id`;
  await db.tenant.update({ where: { id: tenantId }, data: { name: `${SCRIPT} Realty` } });
  Object.assign(ids, { contactId: contact.id, leadId: lead.id, jobId: job[0]!.id.toString() });
  if (apps.includes("crm")) users.owner = await signUpMember(db, { tenantId, email: "owner@alpha.test", role: "OWNER" });
  if (apps.includes("studio")) users.operator = await signUpOperator(db, "operator@platform.test");
  servers = await startApps({ apps, databaseUrl: testDb.url, label: "xss" });
  browser = await launchChromium();
});
afterAll(async () => {
  recordFigures({ check: "stored <script> escaped (Chromium)", ...figures });
  await browser?.close();
  await servers?.stop();
  await testDb?.drop();
});

/** A browser context signed in through the app's own sign-in form, as a person would. */
async function contextWith(origin: string, user: { email: string; password: string }): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/sign-in`, { waitUntil: "networkidle" });
  await page.locator('input[type="email"], input[name="email"]').first().fill(user.email);
  await page.locator('input[type="password"]').first().fill(user.password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 30_000 }),
    page.locator('button[type="submit"], input[type="submit"]').first().click(),
  ]);
  await page.close();
  return context;
}

async function expectRenderedAsText(context: BrowserContext, url: string, shot: string, literal: string) {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const res = await page.goto(url, { waitUntil: "load" });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `xss-${shot}.png`), fullPage: true });
  const xss = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  const text = await page.evaluate(() => document.body.innerText);
  await page.close();
  figures.probes++;
  if (xss !== undefined || dialogs.length) figures.leaks++;
  if (!text.includes(literal)) figures.failures++;
  expect(res?.status(), url).toBe(200);
  expect(xss, `window.__xss on ${url}`).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(text, `literal text visible on ${url}`).toContain(literal);
}

describe("stored content is escaped", () => {
  it.runIf(apps.includes("crm"))("in the CRM: lead, contact and list pages show the script as text", async () => {
    const port = new URL(servers.origins.crm!).port;
    const origin = `http://crm.alpha.localhost:${port}`;
    const context = await contextWith(origin, users.owner!);
    // The <img onerror> literal is only in the contact's and lead's own fields, so seeing it proves the page rendered them.
    for (const [p, name] of [
      [`/leads/${ids.leadId}`, "crm-lead"],
      [`/contacts/${ids.contactId}`, "crm-contact"],
      ["/leads", "crm-leads"],
      ["/contacts", "crm-contacts"],
    ] as const) {
      await expectRenderedAsText(context, `${origin}${p}`, name, p.split("/").length > 2 ? IMG : SCRIPT);
    }
    await context.close();
  });

  it.runIf(apps.includes("studio"))("in the studio: tenants and dead letters show the script as text", async () => {
    const port = new URL(servers.origins.studio!).port;
    const origin = `http://localhost:${port}`;
    const context = await contextWith(origin, users.operator!);
    for (const [p, name, literal] of [
      ["/tenants", "studio-tenants", `${SCRIPT} Realty`],
      [`/tenants/${world.a.tenantId}`, "studio-tenant", `${SCRIPT} Realty`],
      [`/dead-letters/${world.a.tenantId}/${ids.jobId}`, "studio-dead-letter", `invalid name ${SCRIPT}`],
    ] as const) {
      await expectRenderedAsText(context, `${origin}${p}`, name, literal);
    }
    await context.close();
  });
});
