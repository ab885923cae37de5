import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { REPO_DIR } from "./web-server";

export const ARTIFACTS_DIR = path.resolve(process.env.TEST_ARTIFACTS_DIR ?? path.join(REPO_DIR, "test-artifacts"), "web");

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A full-page screenshot with every lazy image loaded first. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(async () => {
    document.querySelectorAll<HTMLImageElement>("img[loading=lazy]").forEach((img) => (img.loading = "eager"));
    await Promise.all([...document.images].filter((i) => !i.complete).map((i) => new Promise((r) => { i.onload = i.onerror = r; })));
  });
  // Full-page shots are taken from the top, so the sticky header sits where a visitor sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(ARTIFACTS_DIR, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
