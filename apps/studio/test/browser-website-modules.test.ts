// The browser test: an operator switches off the schools module for Fairfield's town
// pages in the studio, and within seconds the Fairfield town page no longer shows it, while
// Shoreline's town page is unchanged.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setModuleEnabled } from "@real-estate/operator";
import { launchBrowser, shot, signedInPage, siteUrl, studioBrowserUrl } from "./support/browser";
import { demoIds } from "./support/ids";
import { testDb } from "./support/studio-client";

let browser: Browser;
let ids: Awaited<ReturnType<typeof demoIds>>;

async function modulesOn(page: Page, url: string): Promise<string[]> {
  const res = await page.goto(url);
  expect(res?.status()).toBe(200);
  return page.locator("[data-module]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-module") ?? ""));
}

beforeAll(async () => {
  ids = await demoIds();
  browser = await launchBrowser();
});

afterAll(async () => {
  testDb();
  await setModuleEnabled({
    tenantId: ids.fairfield,
    pageKind: "TOWN",
    actor: { userId: "test", email: "test@platform.example" },
    input: { moduleKey: "schools", enabled: true },
  });
  await browser?.close();
});

describe("website modules from the studio", () => {
  it("switching off schools for Fairfield removes it from Fairfield's town page within seconds; Shoreline's is unchanged", { timeout: 150_000 }, async () => {
    const t0 = Date.now();
    const phase = (name: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${name}`);
    const site = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const fairfieldTown = siteUrl("fairfield.localhost", `/towns/${ids.town.slug}`);
    const shorelineTown = siteUrl("shoreline.localhost", `/towns/${ids.shorelineTown.slug}`);
    const fairfieldBefore = await modulesOn(site, fairfieldTown);
    expect(fairfieldBefore).toContain("schools");
    await shot(site, "01-fairfield-town-before");
    const shorelineBefore = await modulesOn(site, shorelineTown);
    phase("read both town pages");

    const studio = await signedInPage(browser, { screenshot: "00-sign-in" });
    phase("signed in");
    await studio.goto(`${studioBrowserUrl()}/tenants/${ids.fairfield}/website?page=town`);
    const schools = studio.locator('[data-module="schools"]');
    await expect(schools.locator('input[type="checkbox"]').isChecked()).resolves.toBe(true);
    await schools.locator(".switch span").click();
    await expect(schools.locator('input[type="checkbox"]').isChecked()).resolves.toBe(false);
    await studio.getByRole("button", { name: "Save modules" }).click();
    await studio.getByTestId("notice").filter({ hasText: "Modules saved; the website is updated." }).waitFor();
    const savedAt = Date.now();
    phase("saved");
    await shot(studio, "02-studio-schools-switched-off");

    let fairfieldAfter = fairfieldBefore;
    while (fairfieldAfter.includes("schools") && Date.now() - savedAt < 10_000) {
      await site.waitForTimeout(300);
      fairfieldAfter = await modulesOn(site, fairfieldTown);
    }
    const seconds = (Date.now() - savedAt) / 1000;
    console.log(`fairfield town page without schools after ${seconds.toFixed(1)} s`);
    expect(fairfieldAfter).not.toContain("schools");
    expect(fairfieldAfter).toEqual(fairfieldBefore.filter((m) => m !== "schools"));
    expect(seconds).toBeLessThan(15);
    await shot(site, "03-fairfield-town-after");
    expect(await modulesOn(site, shorelineTown)).toEqual(shorelineBefore);
    await shot(site, "04-shoreline-town-unchanged");
    phase("checked both town pages");

    await studio.goto(`${studioBrowserUrl()}/tenants/${ids.fairfield}/activity`);
    await expect(studio.getByTestId("audit-table").locator("tr", { hasText: "modules.save" }).first().isVisible()).resolves.toBe(true);
    await shot(studio, "05-studio-audit-trail");
  });
});
