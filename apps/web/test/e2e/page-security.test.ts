// The website's pages under a strict, nonce-based Content-Security-Policy, and without the
// tenant's internal id: each response of a cached page carries a nonce of its own (the app server
// swaps the nonce the page was rendered with), every executable script carries it, and the
// tenant's id appears nowhere in the HTML, the RSC payload or the headers.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { useE2e } from "../support/e2e-context";

const e2e = useE2e();
const { ff, sl, get } = e2e;

const nonceOf = (policy: unknown) => /'nonce-([^']+)'/.exec(String(policy ?? ""))?.[1];
/** Executable scripts: everything but data blocks (JSON-LD), which CSP does not govern. */
const executableScripts = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/type="application\/ld\+json"/.test(tag));

const pages = () => [
  "/",
  "/towns",
  `/towns/${ff.townSlugs[0]}`,
  `/homes/${ff.listingKeys[0]}`,
  "/homes?beds=2",
  "/contact",
  "/home-value",
  "/sign-in",
  "/no/such/page",
];

describe("nonce-based Content-Security-Policy on the website", () => {
  it("gives every response a fresh nonce, carried by every script, and allows no other inline script", async () => {
    const findings: string[] = [];
    for (const path of pages()) {
      const nonces = new Set<string>();
      // Twice: the second answer of a cached page comes from the cache, with a nonce of its own.
      for (let round = 0; round < 2; round++) {
        const res = await get(ff.host, path);
        const policy = String(res.headers["content-security-policy"] ?? "");
        const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
        const nonce = nonceOf(policy);
        if (!nonce) findings.push(`${path}: no nonce in ${policy}`);
        if (!scriptSrc.includes("'strict-dynamic'")) findings.push(`${path}: no 'strict-dynamic'`);
        if (scriptSrc.includes("'unsafe-inline'")) findings.push(`${path}: 'unsafe-inline' in script-src`);
        const scripts = executableScripts(res.body);
        if (scripts.length === 0) findings.push(`${path}: no scripts at all (${res.status})`);
        const bare = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
        if (bare.length) findings.push(`${path}: ${bare.length}/${scripts.length} scripts without the nonce, e.g. ${bare[0]}`);
        if (res.headers.etag) findings.push(`${path}: an ETag on a page whose nonce changes`);
        if (nonce) nonces.add(nonce);
      }
      if (nonces.size !== 2) findings.push(`${path}: the same nonce twice`);
    }
    expect(findings).toEqual([]);
  });

  it("runs the pages' own scripts in Chromium: no policy violation, and the forms' enhancement works", async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
      });
      for (const path of ["/", `/homes/${ff.listingKeys[0]}`, "/contact"]) {
        await page.goto(`${e2e.origin(ff.host)}${path}`, { waitUntil: "load", timeout: 60_000 });
      }
      // The contact form's script (a client component, loaded through 'strict-dynamic') fills in
      // the form's idempotency key once the page is hydrated.
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>("input[name=eventId]")].some((i) => i.value !== ""), null, {
        timeout: 30_000,
      });
      // Following a link to another page keeps working under the policy.
      await page.locator("header a[href='/towns']").first().click();
      await page.waitForURL(/\/towns$/, { timeout: 30_000 });
      expect(refused).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});

describe("the tenant's internal id stays on the server", () => {
  it("appears in no page's HTML, RSC payload or headers", async () => {
    const findings: string[] = [];
    for (const path of pages()) {
      for (const rsc of [false, true]) {
        const res = await get(ff.host, path, rsc ? { rsc: "1" } : {});
        const where = [
          res.body.includes(ff.tenantId) ? "body" : null,
          ...Object.entries(res.headers)
            .filter(([, value]) => String(value).includes(ff.tenantId))
            .map(([name]) => `header ${name}`),
        ].filter(Boolean);
        if (where.length) findings.push(`${path}${rsc ? " (RSC)" : ""}: ${where.join(", ")}`);
        // Nor another tenant's.
        if (res.body.includes(sl.tenantId)) findings.push(`${path}${rsc ? " (RSC)" : ""}: another tenant's id`);
      }
    }
    expect(findings).toEqual([]);
  });

  it("does not serve a tenant's pages through its slug on another tenant's host", async () => {
    const direct = await get(ff.host, `/sites/${sl.slug}`);
    expect(direct.status).toBe(404);
    expect(direct.body.replace(/<!-- -->/g, "")).not.toContain("Shoreline Homes");
    expect((await get(ff.host, `/sites/${sl.slug}/homes/${sl.listingKeys[0]}`)).status).toBe(404);
  });
});
