// An operator who forgot the password, in the browser: asks for a link on the forgot page, finds
// the e-mail in the SMTP sink the studio sends to (its HTTP API), opens the link, sets a new
// password and signs in with it; the old password no longer works and the link works once. The
// outbox page then lists the message as platform mail (no tenant), under its own filter.
import crypto from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoIds } from "./support/ids";
import { launchBrowser, shot, studioBrowserUrl } from "./support/browser";
import { testDb } from "./support/studio-client";

const stamp = crypto.randomBytes(3).toString("hex");
// An operator of this file's own: the demo operator's password stays as the other files expect it.
const EMAIL = `reset.operator.${stamp}@platform.example`;
const OLD_PASSWORD = `old-studio-pass-${stamp}-71`;
const NEW_PASSWORD = `new-studio-pass-${stamp}-93`;

let browser: Browser;

const mailApi = () => `http://127.0.0.1:${inject("mailApiPort")}`;
type MailSummary = { id: string; subject: string; from: string; to: string };
type Mail = MailSummary & { text: string | null; html: string | null; messageId: string | null };

/** Mail the sink received for `address`, newest first. */
async function mailTo(address: string): Promise<MailSummary[]> {
  const res = await fetch(`${mailApi()}/api/messages?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { items: MailSummary[] }).items;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/**
 * Submits the sign-in form: "signed-in" when the console opens, "refused" when the form says the
 * email or password is wrong. Sign-ins are rate limited per client and the files share a server:
 * on "Too many attempts" it waits the window out and submits again, as a person would.
 */
async function signIn(page: Page, password: string): Promise<"signed-in" | "refused"> {
  await page.goto(`${studioBrowserUrl()}/sign-in`, { timeout: 90_000 });
  await page.fill("input[name=email]", EMAIL);
  await page.fill("input[name=password]", password);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.click("button[type=submit]");
    const outcome = await Promise.race([
      page.waitForURL(`${studioBrowserUrl()}/`, { timeout: 30_000 }).then(
        () => "signed-in" as const,
        () => "timed out" as const,
      ),
      page
        .getByText("Wrong email or password")
        .waitFor({ timeout: 30_000 })
        .then(
          () => "refused" as const,
          () => "timed out" as const,
        ),
      page
        .getByText("Too many attempts")
        .waitFor({ timeout: 30_000 })
        .then(
          () => "limited" as const,
          () => "timed out" as const,
        ),
    ]);
    if (outcome === "signed-in" || outcome === "refused") return outcome;
    if (outcome === "timed out") throw new Error("sign-in: neither the console, a refusal nor a rate-limit message appeared");
    await page.waitForTimeout(10_500);
  }
  throw new Error("sign-in still rate limited after 3 waits");
}

beforeAll(async () => {
  testDb();
  process.env.BETTER_AUTH_SECRET = inject("authSecret");
  const { createStaffAccount } = await import("@real-estate/auth");
  const created = await createStaffAccount({ name: "Reset Operator", email: EMAIL, password: OLD_PASSWORD, db: testDb() });
  if (!created.ok) throw new Error(created.message);
  await testDb().user.update({ where: { id: created.userId }, data: { platformRole: "operator" } });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe("operator password reset in the browser", () => {
  let link: string;

  it("asks for a link on the forgot page and receives it by e-mail from the platform, with a link to this studio", { timeout: 180_000 }, async () => {
    const page = await newPage();
    await page.goto(`${studioBrowserUrl()}/sign-in`, { timeout: 90_000 });
    await page.getByRole("link", { name: /forgot/i }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.fill("input[name=email]", EMAIL);
    await page.click("button[type=submit]");
    await expect(page.getByTestId("reset-requested").innerText({ timeout: 60_000 })).resolves.toContain(EMAIL);
    await shot(page, "50-password-reset-requested");

    // The studio stores the message and sends it after answering: poll the sink.
    await expect.poll(async () => (await mailTo(EMAIL)).length, { timeout: 60_000, interval: 500 }).toBe(1);
    const [summary] = await mailTo(EMAIL);
    const mail = (await (await fetch(`${mailApi()}/api/messages/${summary!.id}`)).json()) as Mail;
    expect(mail.from).toContain("Platform Studio");
    const links = [...`${mail.text ?? ""} ${mail.html ?? ""}`.matchAll(/https?:\/\/[^\s"'<>]+\/reset-password\?token=[A-Za-z0-9_%.-]+/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(0);
    link = links[0]!.replace(/&amp;/g, "&");
    // The configured public URL of this studio, never another host.
    expect(new URL(link).origin).toBe(studioBrowserUrl());
    await page.context().close();
  });

  it("sets a new password through the link and signs in with it; the old password no longer works", { timeout: 240_000 }, async () => {
    const page = await newPage();
    await page.goto(link, { timeout: 90_000 });
    await page.fill("input[name=password]", NEW_PASSWORD);
    await page.fill("input[name=confirm]", NEW_PASSWORD);
    await shot(page, "51-password-reset-form");
    await page.click("button[type=submit]");
    await page.waitForURL(/\/sign-in\?reset=done$/, { timeout: 60_000 });
    await page.getByTestId("reset-done").waitFor({ timeout: 30_000 });
    await page.context().close();

    const old = await newPage();
    await expect(signIn(old, OLD_PASSWORD)).resolves.toBe("refused");
    await old.context().close();
    const fresh = await newPage();
    await expect(signIn(fresh, NEW_PASSWORD)).resolves.toBe("signed-in");
    await shot(fresh, "52-password-reset-signed-in");
    await fresh.context().close();
  });

  it("refuses the same link a second time, and the password stays the new one", { timeout: 180_000 }, async () => {
    const page = await newPage();
    await page.goto(link, { timeout: 90_000 });
    await page.fill("input[name=password]", `another-pass-${stamp}-55`);
    await page.fill("input[name=confirm]", `another-pass-${stamp}-55`);
    await page.click("button[type=submit]");
    // The form's own alert: Next.js's route announcer is an (empty) alert on the page as well.
    await page.getByRole("alert").filter({ hasText: "This link is not valid any more" }).waitFor({ timeout: 60_000 });
    expect(page.url()).toContain("/reset-password");
    await shot(page, "53-password-reset-link-reused");
    await page.context().close();
    const again = await newPage();
    await expect(signIn(again, NEW_PASSWORD)).resolves.toBe("signed-in");
    await again.context().close();
  });

  it("lists the reset e-mail on the outbox page as platform mail, under the Platform filter and in no tenant's list", { timeout: 180_000 }, async () => {
    const page = await newPage();
    expect(await signIn(page, NEW_PASSWORD)).toBe("signed-in");
    // Everything: the message is there, labelled Platform, and the platform has its row in the health table.
    await page.goto(`${studioBrowserUrl()}/outbox`, { timeout: 90_000 });
    const everything = page.getByTestId("outbox-table").locator("tbody tr", { hasText: EMAIL });
    await everything.first().waitFor({ timeout: 60_000 });
    await expect(everything.count()).resolves.toBe(1);
    await expect(everything.getAttribute("data-scope")).resolves.toBe("platform");
    await expect(everything.innerText()).resolves.toContain("Platform");
    await expect(page.getByTestId("outbox-platform-row").innerText()).resolves.toMatch(/Platform/);

    // The Platform filter, chosen in the form as an operator would.
    await page.getByTestId("outbox-filter").locator("select[name=tenant]").selectOption("platform");
    await page.getByTestId("outbox-filter").getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/\/outbox\?tenant=platform/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toContain("Platform");
    const row = page.getByTestId("outbox-table").locator("tbody tr", { hasText: EMAIL });
    await row.waitFor({ timeout: 60_000 });
    const text = await row.innerText();
    expect(text).toContain("password-reset");
    expect(text).toContain("transactional");
    expect(text).toContain("sent");
    await expect(row.getAttribute("data-status")).resolves.toBe("SENT");
    // Only platform mail under that filter.
    const scopes = await page
      .getByTestId("outbox-table")
      .locator("tbody tr[data-scope]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-scope")));
    expect(scopes.length).toBeGreaterThan(0);
    expect(new Set(scopes)).toEqual(new Set(["platform"]));
    await shot(page, "54-outbox-platform-mail");

    // A tenant's outbox does not show it.
    const ids = await demoIds();
    await page.goto(`${studioBrowserUrl()}/outbox?tenant=${ids.fairfield}`, { timeout: 90_000 });
    await page.getByTestId("outbox-table").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("outbox-table").locator("tbody tr", { hasText: EMAIL }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
