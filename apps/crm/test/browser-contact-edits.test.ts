// Editing people in the CRM in Chromium (production build): two tabs editing one contact, where the
// second save is refused with what changed and nothing is overwritten; a contact's other e-mails
// and phones; an owner merging a duplicate and undoing it from the timeline; password guessing
// slowed on one account.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "@real-estate/http/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createCrmFixtureTenant, PASSWORD, type FixtureTenant } from "./support/crm-fixture";
import { useSharedCrm } from "./support/use-shared-crm";

// The suite's shared server (this file's tenant is its own).
const testDb = useSharedCrm();
const PORT = testDb.port;
/** Per test: generous, since scrypt sign-ins and page renders slow down a lot on a busy machine. */
const STEP_TIMEOUT = 240_000;
const HOST = "crm.edits.localhost";
const shots = path.resolve(process.env.TEST_ARTIFACTS_DIR ?? path.resolve(import.meta.dirname, "../../../test-artifacts"), "crm");

let browser: Browser | undefined;
let context: BrowserContext | undefined;
let tenant: FixtureTenant;

const url = (p: string) => `http://${HOST}:${PORT}${p}`;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, name), fullPage: true });
const contactOf = (id: string) => testDb.db.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.tenantId, id } } });

async function contactIdByEmail(email: string): Promise<string> {
  return (await testDb.db.contact.findFirstOrThrow({ where: { tenantId: tenant.tenantId, email } })).id;
}

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  tenant = await createCrmFixtureTenant(testDb.db, {
    slug: "edits",
    name: "Edits Realty",
    crmHosts: [HOST],
    webHosts: ["edits.localhost"],
    people: [
      { first: "Nora", last: "Conflict", email: "nora@example.com", phone: "+12035550161" },
      { first: "Otto", last: "Survivor", email: "otto@example.com" },
      { first: "Otto", last: "Duplicate", email: "otto.work@example.com", phone: "+12035550162" },
      { first: "Ida", last: "Identities", email: "ida@example.com" },
    ],
  });
  browser = await launchChromium();
  // One signed-in owner; the tests open several tabs of this session.
  context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(url("/"));
  await page.waitForURL(/\/sign-in/);
  await page.fill("#email", tenant.owner.email);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(url("/"));
  await page.close();
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("editing people in the browser", () => {
  it(
    "two tabs edit one contact: the second save is refused with what the first changed, and nothing is overwritten",
    async () => {
      const id = await contactIdByEmail("nora@example.com");
      const [first, second] = [await context!.newPage(), await context!.newPage()];
      for (const tab of [first, second]) {
        await tab.goto(url(`/contacts/${id}/edit`));
        await tab.waitForSelector("[data-testid=contact-form]");
      }
      await first.fill("#c-firstName", "Norah");
      await first.fill("#c-notes", "Prefers calls after 5pm.");
      await first.click("[data-testid=contact-form] button[type=submit]");
      await first.waitForURL(url(`/contacts/${id}`));
      expect(await first.textContent("[data-testid=contact-name]")).toBe("Norah Conflict");

      await second.fill("#c-lastName", "Overwrite");
      await second.click("[data-testid=contact-form] button[type=submit]");
      await second.waitForSelector("[data-testid=edit-conflict]");
      await shot(second, "edits-01-conflict.png");
      expect(await second.textContent("[role=alert].notice.error")).toContain("Someone else saved this contact after you opened it. Nothing was saved");
      const changes = await second.textContent("[data-testid=edit-conflict]");
      expect(changes).toContain("First name: now “Norah”");
      expect(changes).toContain("Notes: now “Prefers calls after 5pm.”");
      // What the second editor typed is still in the form, and the first editor's change is intact.
      expect(await second.inputValue("#c-lastName")).toBe("Overwrite");
      const stored = await contactOf(id);
      expect([stored.firstName, stored.lastName, stored.notes]).toEqual(["Norah", "Conflict", "Prefers calls after 5pm."]);

      await first.close();
      await second.close();
    },
    STEP_TIMEOUT,
  );

  it(
    "an owner adds, promotes and removes a contact's other e-mails and phones; a stale tab changes nothing",
    async () => {
      const id = await contactIdByEmail("ida@example.com");
      const page = await context!.newPage();
      await page.goto(url(`/contacts/${id}`));
      await page.waitForSelector("[data-testid=add-identity]");
      await page.selectOption("[data-testid=add-identity] select[name=kind]", "phone");
      await page.fill("#identity-value", "(203) 555-0170 x12");
      await page.click("[data-testid=add-identity] button[type=submit]");
      await page.waitForSelector('[data-identity="+12035550170"]');
      await page.selectOption("[data-testid=add-identity] select[name=kind]", "email");
      await page.fill("#identity-value", "Ida.Work@Example.com");
      await page.click("[data-testid=add-identity] button[type=submit]");
      await page.waitForSelector('[data-identity="ida.work@example.com"]');

      // A second tab opened now, before the next change, holds a version that will be stale.
      const stale = await context!.newPage();
      await stale.goto(url(`/contacts/${id}`));
      await stale.waitForSelector('[data-identity="ida.work@example.com"]');

      await page.click('[data-identity="ida.work@example.com"] button[value=primary]');
      await page.waitForSelector('[data-identity="ida.work@example.com"] .tag');
      await shot(page, "edits-02-identities.png");
      expect((await contactOf(id)).email).toBe("ida.work@example.com");

      await stale.click('[data-identity="ida@example.com"] button[value=remove]');
      await stale.waitForSelector("[data-testid=identity-conflict]");
      expect(await stale.textContent("[data-testid=identity-conflict]")).toContain(
        "Someone else changed this contact after you opened it, so nothing was changed",
      );
      expect(await testDb.db.contactEmail.count({ where: { tenantId: tenant.tenantId, contactId: id } })).toBe(2);

      await page.reload();
      await page.click('[data-identity="ida@example.com"] button[value=remove]');
      await page.waitForSelector('[data-identity="ida@example.com"]', { state: "detached" });
      const emails = await testDb.db.contactEmail.findMany({ where: { tenantId: tenant.tenantId, contactId: id } });
      expect(emails.map((e) => [e.email, e.isPrimary])).toEqual([["ida.work@example.com", true]]);
      const phone = await testDb.db.contactPhone.findFirstOrThrow({ where: { tenantId: tenant.tenantId, contactId: id, phone: "+12035550170" } });
      expect([phone.extension, phone.isPrimary]).toEqual(["12", true]);
      await page.close();
      await stale.close();
    },
    STEP_TIMEOUT,
  );

  it(
    "an owner merges a duplicate into a contact and undoes the merge from the timeline",
    async () => {
      const survivor = await contactIdByEmail("otto@example.com");
      const duplicate = await contactIdByEmail("otto.work@example.com");
      const duplicateLeads = await testDb.db.lead.findMany({ where: { tenantId: tenant.tenantId, contactId: duplicate }, select: { id: true } });
      const page = await context!.newPage();
      await page.goto(url(`/contacts/${survivor}`));
      await page.fill("#merge-other", "OTTO.WORK@example.com");
      await page.click("[data-testid=merge-form] button[type=submit]");
      await page.waitForSelector('[data-identity="otto.work@example.com"]');
      await page.waitForSelector("text=Undo merge");
      await shot(page, "edits-03-merged.png");
      expect((await contactOf(duplicate)).mergedIntoId).toBe(survivor);
      const moved = await testDb.db.lead.findMany({ where: { tenantId: tenant.tenantId, id: { in: duplicateLeads.map((l) => l.id) } } });
      expect(moved.every((l) => l.contactId === survivor)).toBe(true);
      // The merged-away contact's page leads to the survivor.
      await page.goto(url(`/contacts/${duplicate}`));
      await page.waitForURL(url(`/contacts/${survivor}`));

      await page.click("button:has-text('Undo merge')");
      await page.waitForURL(url(`/contacts/${duplicate}`));
      await page.waitForSelector('[data-identity="otto.work@example.com"]');
      await shot(page, "edits-04-merge-undone.png");
      expect((await contactOf(duplicate)).mergedIntoId).toBeNull();
      const back = await testDb.db.lead.findMany({ where: { tenantId: tenant.tenantId, id: { in: duplicateLeads.map((l) => l.id) } } });
      expect(back.every((l) => l.contactId === duplicate)).toBe(true);
      expect(await testDb.db.contactEmail.findMany({ where: { tenantId: tenant.tenantId, contactId: survivor }, select: { email: true } })).toEqual([
        { email: "otto@example.com" },
      ]);
      await page.close();
    },
    STEP_TIMEOUT,
  );

  it(
    "slows password guessing: after 5 attempts on one account even the right password waits",
    async () => {
      const guessing = await browser!.newContext({ viewport: { width: 1360, height: 900 } });
      const page = await guessing.newPage();
      await page.goto(url("/sign-in"));
      const attempt = async (password: string) => {
        await page.fill("#email", tenant.agent.email);
        await page.fill("#password", password);
        await page.click("button[type=submit]");
        return (await page.locator("form [role=alert]").textContent({ timeout: 60_000 }))!;
      };
      for (let i = 1; i <= 5; i++) {
        await page.reload();
        expect(await attempt(`wrong-password-${i}`)).toContain("Wrong email or password");
      }
      await page.reload();
      expect(await attempt(PASSWORD)).toMatch(/^Too many sign-in attempts; try again in \d+ seconds\.$/);
      expect(page.url()).toContain("/sign-in");
      await shot(page, "12-sign-in-throttled.png");
      await guessing.close();
    },
    STEP_TIMEOUT,
  );
});
