import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "@real-estate/http/testing";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { REPO_DIR } from "./web-server";

export const ARTIFACTS_DIR = path.resolve(process.env.TEST_ARTIFACTS_DIR ?? path.join(REPO_DIR, "test-artifacts"), "web");

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return launchChromium();
}

/**
 * Time a page may take to navigate or an action to wait: the suites share two cores with other
 * test files, a server and the browser itself, and a page load there can take many seconds (the
 * default of 30 s was passed under load).
 */
export const NAVIGATION_TIMEOUT_MS = 90_000;
export const ACTION_TIMEOUT_MS = 45_000;

/** A page in a context of its own (like `browser.newPage`), with the suites' timeouts. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();
  // Closing the page ends its context as well, as with `browser.newPage`.
  page.once("close", () => void context.close().catch(() => {}));
  return page;
}

/** A full-page screenshot with every lazy image loaded first. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(async () => {
    document.querySelectorAll<HTMLImageElement>("img[loading=lazy]").forEach((img) => (img.loading = "eager"));
    await Promise.all(
      [...document.images]
        .filter((i) => !i.complete)
        .map(
          (i) =>
            new Promise((r) => {
              i.onload = i.onerror = r;
            }),
        ),
    );
  });
  // Full-page shots are taken from the top, so the sticky header sits where a visitor sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(ARTIFACTS_DIR, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
