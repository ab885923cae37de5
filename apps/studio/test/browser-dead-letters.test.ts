// The second browser test: an operator filters dead letters by error, re-drives them,
// and sees them succeed after the worker runs; plus the masked payload and its audited reveal.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperatorActions } from "@real-estate/operator";
import { launchBrowser, shot, signedInPage, studioBrowserUrl } from "./support/browser";
import { demoIds } from "./support/ids";
import { seedDeadLetters } from "./support/ingestion-fixture";
import { testDb } from "./support/studio-client";
import { drainOnce } from "./support/worker";

const OUTAGE = "Browser test: CRM database unavailable (simulated outage)";
let browser: Browser;
let page: Page;
let ids: Awaited<ReturnType<typeof demoIds>>;
let other: string[];

beforeAll(async () => {
  ids = await demoIds();
  await seedDeadLetters(testDb(), { tenantId: ids.fairfield, count: 5, error: OUTAGE, minutesAgo: 30 });
  other = await seedDeadLetters(testDb(), {
    tenantId: ids.fairfield,
    count: 3,
    error: "Browser test: payload.contact: an email or a phone number is required",
    errorClass: "permanent",
    type: "valuation.requested",
    minutesAgo: 240,
  });
  browser = await launchBrowser();
  page = await signedInPage(browser);
});

afterAll(async () => {
  await browser?.close();
});

describe("dead letters in the browser", () => {
  it("filters by error, re-drives everything matching with progress, and shows them succeeded after the worker ran", async () => {
    await page.goto(`${studioBrowserUrl()}/dead-letters`);
    await page.getByTestId("error-groups").waitFor();
    await shot(page, "10-dead-letters");
    await page.fill('input[name="error"]', "simulated outage");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/error=simulated\+outage/);
    const rows = page.getByTestId("dead-letter-table").locator("tbody tr");
    await expect(rows.count()).resolves.toBe(5);
    await expect(page.getByTestId("error-groups").innerText()).resolves.toContain(`5 events failed with ${OUTAGE}`);
    await shot(page, "11-dead-letters-filtered");

    await page.getByTestId("redrive-all").click();
    const dialog = page.getByTestId("redrive-dialog");
    await expect(dialog.getByTestId("redrive-count").innerText()).resolves.toMatch(/^5 dead letters will be put back/);
    await shot(page, "12-redrive-confirm");
    await dialog.getByRole("button", { name: "Re-drive 5" }).click();
    await dialog.getByTestId("redrive-done").waitFor();
    await expect(dialog.getByTestId("redrive-progress").innerText()).resolves.toBe("Requeued 5 of 5 matched.");
    await shot(page, "13-redrive-done");

    const summary = await drainOnce();
    expect(summary).toMatch(/processed=([5-9]|\d\d+)/);
    await dialog.getByRole("link", { name: "View outcome" }).click();
    await page.waitForURL(/\/redrives\/[0-9a-f-]{36}$/);
    const outcome = page.getByTestId("redrive-outcome").first();
    await expect(outcome.locator('[data-outcome="succeeded"]').innerText()).resolves.toBe("5 succeeded");
    await expect(outcome.locator('[data-outcome="failedAgain"]').count()).resolves.toBe(0);
    await expect(page.getByTestId("redrive-jobs").locator("tbody tr").count()).resolves.toBe(5);
    await shot(page, "14-redrive-outcome");

    await page.goto(`${studioBrowserUrl()}/dead-letters?error=simulated+outage`);
    await expect(page.getByTestId("dead-letter-table").innerText()).resolves.toContain("No dead letters match this filter.");
    await page.goto(`${studioBrowserUrl()}/redrives`);
    await expect(page.getByTestId("redrives-table").locator("tbody tr").first().innerText()).resolves.toContain("5 succeeded");
    await shot(page, "15-redrives");
  });

  it("shows a dead letter's payload masked and reveals it only through an audited action", async () => {
    await page.goto(`${studioBrowserUrl()}/dead-letters/${ids.fairfield}/${other[0]}`);
    const payload = page.getByTestId("payload");
    await expect(payload.innerText()).resolves.not.toMatch(/jordan\.[0-9a-f]{6}@example\.com/);
    await expect(payload.innerText()).resolves.toMatch(/j•+@••••\.com/);
    await shot(page, "16-dead-letter-masked");
    const before = (await listOperatorActions({ action: "deadletter.reveal" })).rows.length;
    await page.getByTestId("reveal").click();
    await page.getByTestId("reveal-confirm").click();
    await page.getByText("Personal data shown").waitFor();
    await expect(payload.innerText()).resolves.toMatch(/jordan\.[0-9a-f]{6}@example\.com/);
    await shot(page, "17-dead-letter-revealed");
    const log = await listOperatorActions({ action: "deadletter.reveal" });
    expect(log.rows).toHaveLength(before + 1);
    expect(log.rows[0]).toMatchObject({ targetId: other[0], actorEmail: "operator@platform.example" });
  });
});
