// axe-core on every page type of an app: crawls same-origin links from the start pages (signed in
// where the app needs it), keeps the first page of each type, and runs axe in Chromium.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: number; targets: string[] };
/** A page audited: the URL asked for, where it ended (after redirects), its status and what axe found. */
export type AxePage = { url: string; finalUrl: string; status: number; signedIn: boolean; type: string; violations: AxeViolation[] };

/** The page type of a path: its first segment and its depth (`/leads/:x`), so ids never multiply pages. */
export function pageType(pathname: string): string {
  const parts = pathname.split("/").filter(Boolean);
  if (parts.length === 0) return "/";
  return "/" + [parts[0], ...parts.slice(1).map(() => ":x")].join("/");
}

const SKIP = /^\/(api|_next|v1)\/|\.(xml|txt|ico|png|jpe?g|webp|svg|json|csv)$|sign-out|log-?out|unsubscribe/i;

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.length,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }));
}

export type AppAudit = {
  name: string;
  origin: string;
  /** Pages to audit signed out, before any sign-in (sign-in pages). */
  signedOut?: string[];
  signIn?: { email: string; password: string };
  /** Where the crawl starts (after sign-in when there is one). */
  start: string[];
  maxPages?: number;
};

export async function auditApp(browser: Browser, app: AppAudit, log: (line: string) => void): Promise<AxePage[]> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const results: AxePage[] = [];
  const seenTypes = new Set<string>();
  let signedIn = false;
  const audit = async (url: string, type: string) => {
    seenTypes.add(type);
    const response = await page.goto(url, { waitUntil: "load" });
    await page.waitForLoadState("networkidle").catch(() => {});
    const violations = await runAxe(page);
    results.push({ url, finalUrl: page.url(), status: response?.status() ?? 0, signedIn, type, violations });
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    log(
      `  axe ${app.name} ${type} (${response?.status() ?? "?"}) ${bad.length ? `${bad.length} serious/critical: ${bad.map((v) => `${v.id}×${v.nodes}`).join(", ")}` : "clean"}`,
    );
  };
  try {
    for (const p of app.signedOut ?? []) await audit(`${app.origin}${p}`, `${p} (signed out)`);
    if (app.signIn) {
      await page.goto(`${app.origin}/sign-in`);
      await page.fill('input[name="email"]', app.signIn.email);
      await page.fill('input[name="password"]', app.signIn.password);
      await page.click('button[type="submit"]');
      await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 120_000 });
      signedIn = true;
    }
    const queue = [...app.start];
    const queued = new Set(queue.map((p) => pageType(p)));
    while (queue.length && results.length < (app.maxPages ?? 30)) {
      const next = queue.shift()!;
      await audit(`${app.origin}${next}`, pageType(next));
      // getAttribute, not .href: a link inside an SVG chart has no string href property.
      const links = (await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href") ?? ""))) as string[];
      for (const href of links) {
        let u: URL;
        try {
          u = new URL(href, page.url());
        } catch {
          continue;
        }
        if (u.origin !== app.origin || SKIP.test(u.pathname)) continue;
        const type = pageType(u.pathname);
        if (queued.has(type) || seenTypes.has(type)) continue;
        queued.add(type);
        queue.push(u.pathname);
      }
    }
  } finally {
    await context.close();
  }
  return results;
}
