// The studio's outbox pages in the browser: an operator finds a failed message (the relay was down
// at its last attempt) by tenant and status, reads what it is and what went wrong, re-sends it, and
// after the worker runs sees it sent; the SMTP server has it with its original Message-ID.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorker, silentLogger } from "@real-estate/ingestion-worker";
import { createSmtpTransport, mailJobKinds, queueEmails, type MailTransport, type QueuedEmail } from "@real-estate/mail";
import { listOperatorActions } from "@real-estate/operator";
import { startSmtpSink, type SmtpSink } from "@real-estate/smtp-sink";
import { launchBrowser, shot, signedInPage, studioBrowserUrl } from "./support/browser";
import { demoIds } from "./support/ids";
import { testDb } from "./support/studio-client";

let browser: Browser;
let page: Page;
let sink: SmtpSink;
let ids: Awaited<ReturnType<typeof demoIds>>;
let message: QueuedEmail;
const ADDRESS = "outbox.browser@example.test";

/** Runs every due e-mail job once over `transport` (the worker's own code, in this process). */
async function deliver(transport: MailTransport) {
  const worker = createWorker({
    db: testDb(),
    kinds: mailJobKinds({ transport }),
    concurrency: 2,
    batchSize: 50,
    leaseMs: 60_000,
    workerId: "studio-outbox-test-worker",
    logger: silentLogger,
    pruneIntervalMs: 0,
  });
  const summary = await worker.drainOnce();
  await worker.stop();
  return summary;
}

beforeAll(async () => {
  ids = await demoIds();
  sink = await startSmtpSink({ smtpPort: 0, httpPort: null });
  const db = testDb();
  [message] = (await queueEmails(db, {
    tenantId: ids.fairfield,
    emails: [
      {
        template: "password-reset",
        to: { address: ADDRESS },
        props: { resetUrl: "http://fairfield.localhost/reset-password?token=browser", validMinutes: 60 },
      },
    ],
  })) as [QueuedEmail];
  // Its last attempt, with the relay down (nothing listens on port 9): failed and dead-lettered.
  await db.ingestionJob.updateMany({ where: { tenantId: ids.fairfield, eventId: message.id }, data: { attempts: 7 } });
  const down = createSmtpTransport({ url: "smtp://127.0.0.1:9", maxConnections: 1 });
  try {
    await deliver(down);
  } finally {
    down.close?.();
  }
  const failed = await db.emailMessage.findUniqueOrThrow({ where: { tenantId_id: { tenantId: ids.fairfield, id: message.id } } });
  expect(failed.status).toBe("FAILED");
  browser = await launchBrowser();
  page = await signedInPage(browser);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sink?.close();
});

describe("outbox in the browser", () => {
  it("finds a failed message by tenant and status, shows what it is and why it failed, re-sends it, and shows it sent", { timeout: 180_000 }, async () => {
    await page.goto(`${studioBrowserUrl()}/outbox?tenant=${ids.fairfield}&status=FAILED`, { timeout: 90_000 });
    await page.getByTestId("outbox-table").waitFor({ timeout: 60_000 });
    const row = page.getByTestId("outbox-table").locator("tbody tr", { hasText: ADDRESS });
    await expect(row.count()).resolves.toBe(1);
    const text = await row.innerText();
    expect(text).toContain("password-reset");
    expect(text).toContain("transactional");
    expect(text).toContain("failed");
    expect(text).toMatch(/ECONNREFUSED|connect/i);
    expect(await row.locator("[title*='Message-ID']").getAttribute("title")).toContain(`Message-ID: <${message.messageId}>`);
    await shot(page, "40-outbox-failed");

    await row.getByRole("button", { name: "Re-send" }).click();
    await page.getByText("1 message queued again").waitFor({ timeout: 60_000 });
    // The re-send is audited under the operator's name.
    const audited = await listOperatorActions({ tenantId: ids.fairfield, action: "outbox.resend", db: testDb() });
    expect(audited.rows.length).toBeGreaterThanOrEqual(1);

    const transport = createSmtpTransport({ url: sink.url, maxConnections: 1 });
    try {
      await deliver(transport);
    } finally {
      transport.close?.();
    }
    // Other files' mail may be due in the same database and go out in this drain too: ours went once, with its Message-ID.
    expect(sink.messages().filter((m) => m.messageId === `<${message.messageId}>`)).toHaveLength(1);

    await page.goto(`${studioBrowserUrl()}/outbox?tenant=${ids.fairfield}&status=SENT`, { timeout: 90_000 });
    const sent = page.getByTestId("outbox-table").locator("tbody tr", { hasText: ADDRESS });
    await sent.waitFor({ timeout: 60_000 });
    await expect(sent.getAttribute("data-status")).resolves.toBe("SENT");
    await shot(page, "41-outbox-sent");

    // Another tenant's outbox does not show it.
    await page.goto(`${studioBrowserUrl()}/outbox?tenant=${ids.shoreline}`, { timeout: 90_000 });
    await page.getByTestId("outbox-table").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("outbox-table").locator("tbody tr", { hasText: ADDRESS }).count()).resolves.toBe(0);
  });
});
