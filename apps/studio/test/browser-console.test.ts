// A walk through the console with data in it: the health overview (charts, warning), tenants,
// a tenant's settings, domains and content, and the audit log. Screenshots for review.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, shot, signedInPage, studioBrowserUrl } from "./support/browser";
import { demoIds } from "./support/ids";
import { seedDeadLetters, seedQueueHistory } from "./support/ingestion-fixture";
import { testDb } from "./support/studio-client";

let browser: Browser;
let page: Page;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  ids = await demoIds();
  await seedQueueHistory(testDb(), { tenantId: ids.fairfield, completed: 2500, failed: 12 });
  await seedQueueHistory(testDb(), { tenantId: ids.shoreline, completed: 900, failed: 3 });
  await seedDeadLetters(testDb(), { tenantId: ids.shoreline, count: 2, error: "Console test: CRM database timeout after 5000 ms", minutesAgo: 10 });
  browser = await launchBrowser();
  page = await signedInPage(browser);
});

afterAll(async () => {
  await browser?.close();
});

describe("console pages", () => {
  it("shows ingestion health with charts and a warning when dead letters grew in the last hour", async () => {
    await page.goto(`${studioBrowserUrl()}/`);
    await expect(page.getByTestId("health-warning").innerText()).resolves.toMatch(/dead-lettered in the last hour/);
    for (const label of ["Processed and failed jobs per minute, last hour", "Processed and failed jobs per minute, last 24 hours", "Dead letters per hour"]) {
      await expect(page.getByRole("img", { name: label }).locator("polyline, rect").count()).resolves.toBeGreaterThan(0);
    }
    const tenants = await page.getByTestId("jobs-by-tenant").innerText();
    expect(tenants).toContain("Fairfield");
    expect(tenants).toContain("Shoreline");
    await shot(page, "20-overview");
  });

  it("shows tenants, a tenant's settings, domains, content and the audit log", async () => {
    await page.goto(`${studioBrowserUrl()}/tenants`);
    await expect(page.getByTestId("tenants-table").locator("tbody tr").count()).resolves.toBeGreaterThanOrEqual(2);
    await shot(page, "21-tenants");
    await page.goto(`${studioBrowserUrl()}/tenants/${ids.fairfield}`);
    const tagline = page.getByTestId("tenant-form").getByPlaceholder("Shown under the name on the website");
    await tagline.fill("Homes across Fairfield County (edited in the studio)");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByTestId("notice").filter({ hasText: "Tenant saved" }).waitFor();
    await shot(page, "22-tenant-settings");
    await page.goto(`${studioBrowserUrl()}/tenants/${ids.fairfield}/domains`);
    await expect(page.getByTestId("domains-web").innerText()).resolves.toContain("fairfield.localhost");
    await page.fill('[data-testid="add-domain"] input[type="text"]', "shoreline.localhost");
    await page.getByRole("button", { name: "Add host" }).click();
    await page.getByTestId("add-domain").getByText("shoreline.localhost already belongs to a tenant").waitFor();
    await shot(page, "23-tenant-domains-conflict");
    await page.goto(`${studioBrowserUrl()}/tenants/${ids.fairfield}/content/town/${ids.town.id}`);
    await page.getByTestId("area-editor").waitFor();
    await shot(page, "24-town-content");
    await page.goto(`${studioBrowserUrl()}/audit`);
    await expect(page.getByTestId("audit-table").locator("tr", { hasText: "tenant.update" }).first().innerText()).resolves.toContain("(edited in the studio)");
    await shot(page, "25-audit-log");
  });
});
