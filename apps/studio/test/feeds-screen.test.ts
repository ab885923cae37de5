// The studio's MLS feeds screen in a browser, against the local RESO server: an operator adds a
// feed with credentials (the secret never comes back, only its last characters), bad settings get
// field errors and store nothing, edits keep the stored secret, "test connection" signs in, and
// "sync now" queues a run that the worker performs, after which the screen shows the status, the
// counts by status and the run. Another tenant's screen and API never see the feed.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SHORELINE_TENANT } from "@real-estate/demo";
import { startResoServer, type ResoServer } from "@real-estate/demo/reso-server";
import { launchBrowser, shot, signedInPage, studioBrowserUrl } from "./support/browser";
import { api, operatorCookie, testDb } from "./support/studio-client";
import { createWorker, feedSyncKind, silentLogger } from "@real-estate/ingestion-worker";

const CLIENT = { clientId: "studio-client", clientSecret: "studio-Secret-Value-77c1e0" };
const LISTINGS = 40;
let server: ResoServer;
let browser: Browser;
let page: Page;
let cookie: string;
let coast: { id: string; slug: string };
let inland: { id: string; slug: string };

beforeAll(async () => {
  // The worker runs in this process: it opens feed secrets with the servers' key.
  process.env.FEED_CREDENTIALS_KEY = inject("feedCredentialsKey");
  // On the port the studio allows in FEED_ALLOWED_HOSTS (global-setup.ts); the same for this process's worker.
  server = await startResoServer({ tenant: SHORELINE_TENANT, count: LISTINGS, clients: [CLIENT], port: inject("resoPorts")[1] });
  process.env.FEED_ALLOWED_HOSTS = new URL(server.serviceRoot).host;
  cookie = await operatorCookie();
  const created = [];
  for (const [slug, name] of [
    ["feeds-coast", "Coast Feed Realty"],
    ["feeds-inland", "Inland Feed Realty"],
  ] as const) {
    const res = await api("POST", "/api/tenants", { cookie, json: { slug, name } });
    expect(res.status).toBe(201);
    created.push({ id: res.body.tenant.id as string, slug });
  }
  [coast, inland] = created as [typeof coast, typeof inland];
  browser = await launchBrowser();
  page = await signedInPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const feedsUrl = (tenantId: string) => `${studioBrowserUrl()}/tenants/${tenantId}/feeds`;
const addForm = () => page.getByTestId("add-feed");
/** Waits until React has hydrated the add form (before that, a click would submit it natively). */
const hydrated = () =>
  page.waitForFunction(() => {
    const form = document.querySelector('[data-testid="add-feed"]');
    return !!form && Object.keys(form).some((k) => k.startsWith("__reactProps"));
  });

describe("the feeds screen", () => {
  it("refuses bad settings with field errors and stores nothing", async () => {
    await page.goto(feedsUrl(coast.id));
    await page.getByText("No MLS feed yet").waitFor();
    await hydrated();
    const form = addForm();
    await form.getByLabel("Name").fill("Coast MLS");
    // Plain http to another machine, and a token URL that is not a URL.
    await form.getByLabel("RESO Web API service root").fill("http://mls.example/odata");
    await form.getByLabel("Token URL").fill("not a url");
    await form.getByLabel("Client id").fill(CLIENT.clientId);
    await form.getByLabel("Client secret").fill(CLIENT.clientSecret);
    await form.getByRole("button", { name: "Add feed" }).click();
    await form.getByText("must be an https URL (http only for a host in FEED_ALLOWED_HOSTS)").waitFor();
    expect(await form.locator(".field-error").count()).toBe(2);
    expect(await form.getByLabel("RESO Web API service root").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Token URL").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Name").getAttribute("aria-invalid")).toBeNull();
    await shot(page, "60-feeds-bad-input");
    // Cloud metadata, and another port of this machine: refused with the reason.
    await form.getByLabel("RESO Web API service root").fill("https://169.254.169.254/latest/meta-data");
    await form.getByLabel("Token URL").fill(`http://127.0.0.1:${inject("studioPort")}/token`);
    await form.getByLabel("Client secret").fill(CLIENT.clientSecret);
    await form.getByRole("button", { name: "Add feed" }).click();
    await form
      .getByText(/^not allowed: a private, loopback or link-local address/)
      .first()
      .waitFor();
    expect(await form.locator(".field-error").count()).toBe(2);
    expect(await testDb().feed.count({ where: { tenantId: coast.id } })).toBe(0);
  });

  it("adds a feed with credentials, never shows the secret back, and keeps it through an edit", async () => {
    const form = addForm();
    await form.getByLabel("RESO Web API service root").fill(server.serviceRoot);
    await form.getByLabel("Token URL").fill(server.tokenUrl);
    await form.getByLabel("Page size").fill("15");
    await form.getByRole("button", { name: "Add feed" }).click();
    await page.getByTestId("notice").filter({ hasText: "Feed Coast MLS added" }).waitFor();
    const feed = page.getByTestId("feed");
    await feed.waitFor();
    expect(await feed.getByRole("heading", { level: 2 }).innerText()).toContain("Coast MLS");
    expect(await feed.getByTestId("feed-status").innerText()).toBe("active");
    expect(await feed.getByTestId("feed-runs").innerText()).toContain("No run yet.");
    // The add form is empty again, and no part of the page carries the secret, only its hint.
    expect(await addForm().getByLabel("Client secret").inputValue()).toBe("");
    expect(await page.content()).not.toContain(CLIENT.clientSecret);
    await feed.getByText("Edit settings").click();
    const edit = feed.getByTestId("edit-feed");
    await edit.getByText(`(stored: ••••${CLIENT.clientSecret.slice(-4)}; leave empty to keep it)`).waitFor();
    expect(await edit.getByLabel(/Client secret/).inputValue()).toBe("");
    const stored = await testDb().feed.findFirstOrThrow({ where: { tenantId: coast.id }, select: { id: true, secretCiphertext: true, pageSize: true } });
    expect(stored.pageSize).toBe(15);
    expect(stored.secretCiphertext).not.toContain(CLIENT.clientSecret);

    // Settings an API client set (no OpenHouse, an hourly reconciliation) are shown and kept by
    // an edit that does not touch them: the form sends every setting, as an edit replaces them all.
    await testDb().feed.update({
      where: { tenantId_id: { tenantId: coast.id, id: stored.id } },
      data: { resources: ["Property", "Media", "Member", "Office"], reconcileIntervalSeconds: 3_600 },
    });
    await page.reload();
    await hydrated();
    await feed.getByText("Edit settings").click();
    await edit.getByText(`(stored: ••••${CLIENT.clientSecret.slice(-4)}; leave empty to keep it)`).waitFor();
    expect(await edit.getByLabel("OpenHouse").isChecked()).toBe(false);
    expect(await edit.getByLabel("Media (photos)").isChecked()).toBe(true);
    expect(await edit.getByLabel("Property (always)").isDisabled()).toBe(true);
    expect(await edit.getByLabel("Reconcile every (seconds)").inputValue()).toBe("3600");
    expect(await edit.getByLabel("Keys per reconciliation request").inputValue()).toBe("10000");

    // An edit with the secret left empty keeps it.
    await edit.getByLabel("MLS disclaimer (shown under its listings)").fill("Coast MLS data, deemed reliable but not guaranteed.");
    await edit.getByLabel("Page size").fill("20");
    await edit.getByLabel("Keys per reconciliation request").fill("25000");
    await edit.getByRole("button", { name: "Save feed" }).click();
    await page.getByTestId("notice").filter({ hasText: "Feed Coast MLS saved" }).waitFor();
    const edited = await testDb().feed.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: coast.id, id: stored.id } },
      select: { secretCiphertext: true, pageSize: true, disclaimer: true, resources: true, keyPageSize: true, reconcileIntervalSeconds: true },
    });
    expect(edited).toEqual({
      secretCiphertext: stored.secretCiphertext,
      pageSize: 20,
      disclaimer: "Coast MLS data, deemed reliable but not guaranteed.",
      resources: ["Property", "Media", "Member", "Office"],
      keyPageSize: 25_000,
      reconcileIntervalSeconds: 3_600,
    });
    // A keys page below the floor is refused with its field named and changes nothing.
    await edit.getByLabel("Keys per reconciliation request").fill("500");
    await edit.getByLabel("Keys per reconciliation request").evaluate((input: HTMLInputElement) => input.removeAttribute("min"));
    await edit.getByRole("button", { name: "Save feed" }).click();
    await edit.locator(".field-error").first().waitFor();
    expect(await edit.getByLabel("Keys per reconciliation request").getAttribute("aria-invalid")).toBe("true");
    expect(
      (await testDb().feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId: coast.id, id: stored.id } }, select: { keyPageSize: true } })).keyPageSize,
    ).toBe(25_000);
    // A bad edit is refused with its field named and changes nothing.
    await page.reload();
    await hydrated();
    await feed.getByText("Edit settings").click();
    await feed.getByTestId("edit-feed").getByLabel("RESO Web API service root").fill("ftp://mls.example/odata");
    await feed.getByTestId("edit-feed").getByRole("button", { name: "Save feed" }).click();
    await feed.getByTestId("edit-feed").getByText("must be an https URL").waitFor();
    expect((await testDb().feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId: coast.id, id: stored.id } }, select: { baseUrl: true } })).baseUrl).toBe(
      server.serviceRoot,
    );
    await shot(page, "61-feed-added");
  });

  it("tests the connection, runs a sync and shows the status, the counts by status and the run", async () => {
    await page.goto(feedsUrl(coast.id));
    await hydrated();
    const feed = page.getByTestId("feed");
    await feed.getByRole("button", { name: "Test connection" }).click();
    await expect(feed.getByTestId("feed-test").innerText()).resolves.toMatch(/^Connected: read /);
    const tokensBefore = server.stats.tokenRequests;
    expect(tokensBefore).toBeGreaterThan(0);

    await feed.getByRole("button", { name: "Sync now" }).click();
    await page.getByTestId("notice").filter({ hasText: "Sync requested" }).waitFor();
    // The worker (the ingestion worker's code, with the "feed.sync" kind as `worker:ingestion:drain` runs it) runs the queued job.
    const worker = createWorker({
      db: testDb(),
      kinds: { "feed.sync": feedSyncKind() },
      concurrency: 1,
      batchSize: 10,
      leaseMs: 60_000,
      workerId: "studio-feeds-test-worker",
      logger: silentLogger,
      pruneIntervalMs: 0,
    });
    const summary = await worker.drainOnce();
    await worker.stop();
    expect(summary.processed).toBeGreaterThanOrEqual(1);
    await page.reload();
    const total = await feed.getByTestId("feed-total").innerText();
    expect(total).toMatch(new RegExp(`^${LISTINGS}\\b`));
    const expected = new Map<string, number>();
    for (const p of server.store.properties.values()) expected.set(String(p.StandardStatus), (expected.get(String(p.StandardStatus)) ?? 0) + 1);
    const counts = await feed.getByTestId("feed-counts").innerText();
    const shown = counts.split(" · ").reduce((n, part) => n + Number(/(\d+)$/.exec(part)?.[1] ?? NaN), 0);
    expect(shown).toBe(LISTINGS);
    expect(counts.split(" · ").length).toBe(expected.size);
    const run = feed.getByTestId("feed-runs").locator("tbody tr").first();
    const cells = await run.locator("td").allInnerTexts();
    expect(cells.slice(1, 3)).toEqual(["incremental", "succeeded"]);
    // 40 listings in pages of 20.
    expect(Number(cells[3])).toBeGreaterThanOrEqual(2);
    expect(Number(cells[4])).toBe(LISTINGS);
    expect(await feed.getByTestId("feed-facts").innerText()).not.toMatch(/Last success\s+—/);
    expect(await feed.getByTestId("feed-status").innerText()).toBe("active");
    expect(await testDb().listing.count({ where: { tenantId: coast.id } })).toBe(LISTINGS);
    expect(await page.content()).not.toContain(CLIENT.clientSecret);
    await shot(page, "62-feed-synced");
  });

  it("never shows one tenant's feed in another tenant's screen or API", async () => {
    const feedId = (await testDb().feed.findFirstOrThrow({ where: { tenantId: coast.id }, select: { id: true } })).id;
    await page.goto(feedsUrl(inland.id));
    await page.getByText("No MLS feed yet").waitFor();
    expect(await page.getByTestId("feed").count()).toBe(0);
    expect(await page.content()).not.toContain("Coast MLS");
    // The coast feed addressed under the other tenant: 404, nothing run or changed.
    const base = `/api/tenants/${inland.id}/feeds/${feedId}`;
    const edit = await api("PUT", base, {
      cookie,
      json: { name: "Taken over", baseUrl: server.serviceRoot, authKind: "bearer", secret: "x".repeat(20) },
    });
    expect(edit.status).toBe(404);
    expect((await api("POST", `${base}/runs`, { cookie, json: { kind: "full" } })).status).toBe(404);
    expect((await api("POST", `${base}/test`, { cookie })).status).toBe(404);
    expect(await testDb().feed.findFirstOrThrow({ where: { id: feedId }, select: { name: true, tenantId: true } })).toEqual({
      name: "Coast MLS",
      tenantId: coast.id,
    });
    expect(await testDb().listing.count({ where: { tenantId: inland.id } })).toBe(0);
  });
});
