// Chromium through playwright-core, signed in as the demo operator; screenshots to test-artifacts/studio.
import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "@real-estate/http/testing";
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { OPERATOR } from "./constants";
import { REPO_ROOT } from "./servers";

export const studioBrowserUrl = () => `http://localhost:${inject("studioPort")}`;
export const siteUrl = (host: string, pathname = "/") => `http://${host}:${inject("webPort")}${pathname}`;

const ARTIFACTS = path.join(process.env.TEST_ARTIFACTS_DIR ?? path.join(REPO_ROOT, "test-artifacts"), "studio");

export async function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A page signed in through the studio's sign-in form. */
export async function signedInPage(browser: Browser, options: { screenshot?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${studioBrowserUrl()}/`);
  await page.waitForURL(/\/sign-in/);
  await page.fill("input[name=email]", OPERATOR.email);
  await page.fill("input[name=password]", OPERATOR.password);
  if (options.screenshot) await shot(page, options.screenshot);
  // Sign-ins are rate limited (3 in 10 s per client) and test files share one server: when the
  // form says so, wait out the window and submit again, as a person would.
  for (let attempt = 1; ; attempt++) {
    await page.click("button[type=submit]");
    const outcome = await Promise.race([
      page.waitForURL(`${studioBrowserUrl()}/`).then(
        () => "signed-in" as const,
        () => "timed out" as const,
      ),
      page
        .getByText("Too many attempts")
        .waitFor()
        .then(
          () => "limited" as const,
          () => "timed out" as const,
        ),
    ]);
    if (outcome === "timed out") throw new Error("operator sign-in: neither the console nor a rate-limit message appeared");
    if (outcome === "signed-in") return page;
    if (attempt === 4) throw new Error("operator sign-in still rate limited after 3 waits");
    await page.waitForTimeout(10_500);
  }
}

/** Saves a full-page screenshot as test-artifacts/studio/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
