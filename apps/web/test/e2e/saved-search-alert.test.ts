// Issue 16's visitor story in the browser, with real processes: a visitor signs up on the
// website, confirms the address from the e-mail the worker process delivered to the SMTP server,
// saves a search and agrees to alerts; a matching home changes and the alert arrives; the alert's
// one-click unsubscribe (RFC 8058, posted as a mail provider posts it) stops alerts, and the next
// change sends nothing.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_DELIVER_KIND, INSTANT_ALERT_WINDOW_MS, requestSavedSearchAlerts, SAVED_SEARCH_ALERTS_KIND } from "@real-estate/mail";
import { VISITOR_VERIFY_EMAIL_KIND } from "@real-estate/sites";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "@real-estate/smtp-sink";
import { launchBrowser, openPage } from "../support/browser";
import { useE2e } from "../support/e2e-context";
import { createWebTenant, SHORELINE, type WebTenant } from "../support/web-fixtures";
import { httpRequest } from "../support/web-server";
import { startWorkerProcess, type WorkerProcess } from "../support/worker-process";

const e2e = useE2e();
const { db } = e2e;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ADDRESS = "alert-visitor@example.test";

let sink: SmtpSink;
let worker: WorkerProcess;
let browser: Browser;
let tenant: WebTenant;

beforeAll(async () => {
  sink = await startSmtpSink({ smtpPort: 0, httpPort: null });
  // A tenant of its own, so no other test's listings or searches meet this one's.
  tenant = await createWebTenant(
    db,
    { ...SHORELINE, slug: "alert-homes", name: "Alert Homes", host: "alert-homes.localhost", towns: [SHORELINE.towns[1]!], townModules: ["listings"] },
    { listingsPerTown: 4 },
  );
  // The worker as its own process, on the kinds this story needs, delivering to the test's SMTP server.
  worker = startWorkerProcess({
    databaseUrl: e2e.databaseUrl,
    workerId: "alert-story-worker",
    env: {
      SMTP_URL: sink.url,
      INGESTION_KINDS: [EMAIL_DELIVER_KIND, SAVED_SEARCH_ALERTS_KIND, VISITOR_VERIFY_EMAIL_KIND].join(","),
      INGESTION_POLL_INTERVAL_MS: "250",
    },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await sink?.close();
});

const waitFor = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> => worker.waitFor(what, probe);

const mailsTo = (address: string) => sink.messages().filter((m) => m.envelope.to.includes(address));
/** The path and query of the first link in the mail's plain text that starts with `prefix`, on the tenant's host. */
function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const url = (mail.text ?? "")
    .match(/https?:\/\/[^\s<>"]+/g)
    ?.map((u) => new URL(u))
    .find((u) => u.pathname.startsWith(pathPrefix));
  if (!url) throw new Error(`no ${pathPrefix} link in "${mail.subject}":\n${mail.text}`);
  expect(url.hostname).toBe(tenant.host);
  return url.pathname + url.search;
}

/**
 * A listing's price changes (as a feed sync writes it) and a check of the tenant's saved searches
 * is asked for, as the sync then does. Returns the key of the instant check that runs when this
 * window has closed.
 */
async function changePrice(key: string, price: number): Promise<string> {
  await db.listing.update({
    where: { tenantId_ListingKey: { tenantId: tenant.tenantId, ListingKey: key } },
    data: { ListPrice: price, ModificationTimestamp: new Date() },
  });
  const now = new Date();
  await requestSavedSearchAlerts(db, { tenantId: tenant.tenantId, now });
  return `instant:${Math.floor(now.getTime() / INSTANT_ALERT_WINDOW_MS)}`;
}

/** Resolves once the worker has run that instant check to its end. */
const checked = (eventId: string) =>
  waitFor(`the saved-search check ${eventId}`, async () => {
    const job = await db.ingestionJob.findFirst({ where: { tenantId: tenant.tenantId, kind: SAVED_SEARCH_ALERTS_KIND, eventId }, select: { status: true } });
    return job?.status === "COMPLETED" ? true : undefined;
  });

/** Waits until the page's forms are hydrated (React has attached its handlers), then as long as a person takes. */
async function humanPause(page: Page) {
  await page.waitForFunction(
    () => [...document.querySelectorAll("form button[type=submit]")].every((b) => Object.keys(b).some((k) => k.startsWith("__reactProps"))),
    null,
    { timeout: 45_000 },
  );
  await page.waitForTimeout(400);
}

describe("a visitor's saved-search alert", () => {
  it("signs up, confirms, saves a search, gets the alert, unsubscribes in one click, and gets nothing after", { timeout: 300_000 }, async () => {
    const origin = e2e.origin(tenant.host);
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });

    // Sign up: works before the address is confirmed; the confirmation arrives by e-mail.
    await page.goto(`${origin}/sign-up`);
    await page.fill("#sign-up-email", ADDRESS);
    await page.fill("#sign-up-password", "a-long-password-for-alerts");
    await humanPause(page);
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(/\/account$/);
    const confirm = await waitFor("the confirmation e-mail", () => mailsTo(ADDRESS)[0]);
    await page.goto(`${origin}${linkIn(confirm, "/verify-email")}`);
    await waitFor("the address confirmed", async () =>
      (await db.visitor.findFirst({ where: { tenantId: tenant.tenantId, email: ADDRESS } }))?.emailVerifiedAt ? true : undefined,
    );

    // Save the town's search, then agree to alerts on the preferences page (instant).
    const town = tenant.townSlugs[0]!;
    await page.goto(`${origin}/homes?town=${town}`);
    await humanPause(page);
    await page.getByRole("button", { name: "Save this search" }).click();
    await expect.poll(() => page.locator("form.save-search [role=status]").innerText(), { timeout: 45_000 }).toContain("Saved to your account");
    await page.goto(`${origin}/account`);
    await page.getByRole("link", { name: "E-mail alert preferences" }).click();
    await page.waitForURL(/\/email-preferences\?t=/);
    await page.getByLabel("E-mail me new and changed homes matching my saved searches").check();
    await page.locator("select[name^='freq:']").selectOption("INSTANT");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect.poll(() => page.locator("[role=status]").first().innerText(), { timeout: 45_000 }).toContain("Your preferences are saved");
    const search = await db.savedSearch.findFirstOrThrow({ where: { tenantId: tenant.tenantId, visitor: { email: ADDRESS } } });
    expect(search.alertFrequency).toBe("INSTANT");

    // What the search matches today is recorded as told when it is saved: only changes are mailed.
    expect((await db.savedSearch.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.tenantId, id: search.id } } })).alertBaselineAt).not.toBeNull();
    expect(mailsTo(ADDRESS)).toHaveLength(1);
    const [first, second] = tenant.listingKeys;

    // A matching home's price changes: the alert arrives, with one-click unsubscribe.
    await checked(await changePrice(first!, 401_000));
    const alert = await waitFor("the alert", () => mailsTo(ADDRESS)[1]);
    expect(alert.subject).toMatch(/^1 update for /);
    const listing = await db.listing.findUniqueOrThrow({ where: { tenantId_ListingKey: { tenantId: tenant.tenantId, ListingKey: first! } } });
    expect(alert.text).toContain(listing.UnparsedAddress!);
    expect(alert.text).toContain("$401,000");
    expect(alert.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const unsubscribe = new URL(alert.headers["list-unsubscribe"]!.match(/<(https?:[^>]+)>/)![1]!);
    expect(unsubscribe.hostname).toBe(tenant.host);

    // The mail provider's one-click POST (no Origin, no cookie, RFC 8058) stops the alerts.
    const answer = await httpRequest(e2e.port, tenant.host, unsubscribe.pathname + unsubscribe.search, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(answer.status).toBe(200);
    await page.goto(`${origin}${linkIn(alert, "/email-preferences")}`);
    expect(await page.getByLabel("E-mail me new and changed homes matching my saved searches").isChecked()).toBe(false);

    // The next change sends nothing.
    await checked(await changePrice(second!, 402_000));
    // The check ran and queued no alert (an alert is queued in the check's own transaction), and none reached the server.
    expect(await db.emailMessage.count({ where: { tenantId: tenant.tenantId, toAddress: ADDRESS, template: "saved-search-alert" } })).toBe(1);
    await sleep(2_000);
    expect(mailsTo(ADDRESS)).toHaveLength(2);
    await page.close();
  });
});
