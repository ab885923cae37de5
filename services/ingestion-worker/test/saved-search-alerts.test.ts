import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { nextDigestTime, requestSavedSearchAlerts, suppressEmailAddress } from "@real-estate/mail";
import { enqueueJob } from "@real-estate/queue";
import { createVisitor, saveSearch, verifyVisitorEmail, VISITOR_PASSWORD_RESET_KIND, VISITOR_VERIFY_EMAIL_KIND } from "@real-estate/sites";
import { useSmtpSink } from "./support/smtp";
import { systemClock } from "../src/clock";
import { standardJobKinds } from "../src/job-kinds";
import { runSavedSearchAlerts } from "../src/saved-search-alerts";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("ssalert_mail");
const smtp = useSmtpSink();

const context = { towns: [], propertyTypes: ["Residential"], statuses: ["Active", "Pending"] };

async function listing(db: Db, tenantId: string, key: string, price: number, status = "Active") {
  await db.listing.upsert({
    where: { tenantId_ListingKey: { tenantId, ListingKey: key } },
    create: {
      tenantId,
      ListingKey: key,
      StandardStatus: status,
      PropertyType: "Residential",
      ListPrice: price,
      BedroomsTotal: 3,
      UnparsedAddress: `${key} Main Street`,
      City: "Fairfield",
      StateOrProvince: "CT",
      PostalCode: "06824",
      ModificationTimestamp: new Date(),
      Media: [{ url: `/media/listings/${key}/1.jpg` }],
    },
    update: { ListPrice: price, StandardStatus: status, ModificationTimestamp: new Date() },
  });
}

async function visitor(db: Db, tenantId: string, email: string, options: { verified?: boolean; consent?: boolean } = {}) {
  const created = await createVisitor({ tenantId, email, password: "a-long-password-1", name: "Robin Park", db });
  if (!created.ok) throw new Error("visitor not created");
  await db.visitor.update({
    where: { tenantId_id: { tenantId, id: created.visitor.id } },
    data: { emailVerifiedAt: options.verified === false ? null : new Date(), preferences: { emailAlerts: options.consent !== false } },
  });
  const saved = await saveSearch({ tenantId, visitorId: created.visitor.id, name: "Homes over $500k", query: { minPrice: "500000" }, context, db });
  if (!saved.ok) throw new Error("search not saved");
  return { visitorId: created.visitor.id, savedSearchId: saved.id };
}

describe("saved-search alerts", () => {
  it("mail a verified, consenting visitor only what is new or changed since the last alert, once, with one-click unsubscribe; never across tenants", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "ssa-a" });
    const b = await createTenantFixture(db, { slug: "ssa-b" });
    await listing(db, a.tenantId, "A-OLD", 650_000); // on the market before the search was saved
    const robin = await visitor(db, a.tenantId, "robin@example.test");
    await visitor(db, a.tenantId, "unverified@example.test", { verified: false });
    await visitor(db, a.tenantId, "no-consent@example.test", { consent: false });
    await visitor(db, b.tenantId, "robin@example.test"); // the same person on tenant b: another account

    // A new matching listing and one outside the search; the change asks for a check, which the worker runs.
    await listing(db, a.tenantId, "A-NEW", 720_000);
    await listing(db, a.tenantId, "A-CHEAP", 300_000);
    await requestSavedSearchAlerts(db, { tenantId: a.tenantId });
    smtp.sink.clear();
    const { worker } = testWorker(db, { clock: systemClock, kinds: standardJobKinds({ transport: smtp.transport }), pollIntervalMs: 50, concurrency: 4 });
    const running = worker.run();
    try {
      await expect.poll(() => smtp.sink.messages().length, { timeout: 20_000, interval: 100 }).toBe(1);
    } finally {
      await worker.stop();
      await running;
    }
    const [mail] = smtp.sink.messages();
    expect(mail!.envelope.to).toEqual(["robin@example.test"]);
    expect(mail!.subject).toBe("1 update for “Homes over $500k”");
    expect(mail!.from).toContain("ssa-a@mail.platform.example");
    expect(mail!.text).toContain("A-NEW Main Street");
    expect(mail!.text).toContain("$720,000");
    expect(mail!.text).not.toContain("A-OLD");
    expect(mail!.text).not.toContain("A-CHEAP");
    expect(mail!.html).toContain("/media/listings/A-NEW/1.jpg");
    const token = (await db.visitor.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: robin.visitorId } } })).emailToken!;
    expect(mail!.headers["list-unsubscribe"]).toBe(`<http://ssa-a.test:3000/api/email/unsubscribe?t=${token}>`);
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.html).toContain(`/email-preferences?t=${token}`);
    const stored = await db.emailMessage.findFirstOrThrow({ where: { tenantId: a.tenantId, template: "saved-search-alert" } });
    expect(mail!.messageId).toBe(`<${stored.messageId}>`);
    expect(stored).toMatchObject({ status: "SENT", category: "marketing", visitorId: robin.visitorId });
    // Tenant b's visitor got nothing: a's listings are not b's.
    expect(await db.emailMessage.count({ where: { tenantId: b.tenantId } })).toBe(0);

    // Nothing new: a second check writes nothing.
    expect(await runSavedSearchAlerts(db, { tenantId: a.tenantId, frequency: "INSTANT" })).toMatchObject({ searches: 1, alerts: 0 });

    // A price change of a listing told before (and of the one already on the market) is news, once,
    // also when two checks run at the same moment.
    await listing(db, a.tenantId, "A-OLD", 599_000);
    const both = await Promise.all([
      runSavedSearchAlerts(db, { tenantId: a.tenantId, frequency: "INSTANT" }),
      runSavedSearchAlerts(db, { tenantId: a.tenantId, frequency: "INSTANT" }),
    ]);
    expect(both.reduce((n, r) => n + r.alerts, 0)).toBe(1);
    const second = await db.emailMessage.findFirstOrThrow({ where: { tenantId: a.tenantId, template: "saved-search-alert", NOT: { id: stored.id } } });
    expect(second.text).toContain("Price reduced from $650,000");
    expect(second.text).not.toContain("A-NEW");

    // A status change that takes a listing out of the search is told too.
    await listing(db, a.tenantId, "A-NEW", 720_000, "Pending");
    expect(await runSavedSearchAlerts(db, { tenantId: a.tenantId, frequency: "INSTANT" })).toMatchObject({ alerts: 1 });
    const third = await db.emailMessage.findFirstOrThrow({
      where: { tenantId: a.tenantId, template: "saved-search-alert", subject: { contains: "1 update" } },
      orderBy: { createdAt: "desc" },
    });
    expect(third.text).toContain("Now Pending (was Active)");

    // A daily search waits for its digest; the instant check leaves it alone.
    await db.savedSearch.updateMany({ where: { tenantId: a.tenantId, id: robin.savedSearchId }, data: { alertFrequency: "DAILY" } });
    await listing(db, a.tenantId, "A-DAILY", 800_000);
    expect(await runSavedSearchAlerts(db, { tenantId: a.tenantId, frequency: "INSTANT" })).toMatchObject({ searches: 0, alerts: 0 });
    expect(await runSavedSearchAlerts(db, { tenantId: a.tenantId, frequency: "DAILY" })).toMatchObject({ searches: 1, alerts: 1 });
    expect(await db.emailMessage.count({ where: { tenantId: a.tenantId } })).toBe(4);
    expect(await db.emailMessage.count({ where: { tenantId: a.tenantId, toAddress: { not: "robin@example.test" } } })).toBe(0);
  });

  it("an unsubscribe holds for an alert already queued: it is not delivered", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "ssa-unsub" });
    await visitor(db, t.tenantId, "sam@example.test");
    await listing(db, t.tenantId, "U-1", 900_000);
    expect(await runSavedSearchAlerts(db, { tenantId: t.tenantId, frequency: "INSTANT" })).toMatchObject({ alerts: 1 });
    await suppressEmailAddress(db, { tenantId: t.tenantId, address: "Sam@example.test", scope: "marketing", reason: "unsubscribe" });
    smtp.sink.clear();
    const { worker } = testWorker(db, { clock: systemClock, kinds: standardJobKinds({ transport: smtp.transport }), pollIntervalMs: 50 });
    const running = worker.run();
    try {
      await expect.poll(() => db.emailMessage.count({ where: { tenantId: t.tenantId, status: "SUPPRESSED" } }), { timeout: 15_000, interval: 100 }).toBe(1);
    } finally {
      await worker.stop();
      await running;
    }
    expect(smtp.sink.messages().filter((m) => m.envelope.to.includes("sam@example.test"))).toHaveLength(0);
  });

  it("a visitor's verification e-mail carries a one-use link that proves the address, on the visitor's own tenant only; a reset e-mail its own link", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "ssa-verify" });
    const other = await createTenantFixture(db, { slug: "ssa-verify-b" });
    const created = await createVisitor({ tenantId: t.tenantId, email: "new@example.test", password: "a-long-password-1", db });
    if (!created.ok) throw new Error("no visitor");
    await enqueueJob(db, { tenantId: t.tenantId, kind: VISITOR_VERIFY_EMAIL_KIND, payload: { visitorId: created.visitor.id }, dedupeKey: "first" });
    await enqueueJob(db, { tenantId: t.tenantId, kind: VISITOR_PASSWORD_RESET_KIND, payload: { visitorId: created.visitor.id }, dedupeKey: "first" });
    smtp.sink.clear();
    const { worker } = testWorker(db, { clock: systemClock, kinds: standardJobKinds({ transport: smtp.transport }), pollIntervalMs: 50 });
    const running = worker.run();
    try {
      await expect
        .poll(() => smtp.sink.messages().filter((m) => m.envelope.to.includes("new@example.test")).length, { timeout: 15_000, interval: 100 })
        .toBe(2);
    } finally {
      await worker.stop();
      await running;
    }
    const reset = smtp.sink.messages().find((m) => m.subject === "Reset your Tenant ssa-verify password")!;
    expect(reset.text).toMatch(/http:\/\/ssa-verify\.test:3000\/reset-password\?token=[A-Za-z0-9_-]{40,}/);
    const mail = smtp.sink.messages().find((m) => m.envelope.to.includes("new@example.test") && m !== reset)!;
    expect(mail.subject).toBe("Confirm your e-mail for Tenant ssa-verify");
    expect(mail.headers["list-unsubscribe"]).toBeUndefined();
    const link = /http:\/\/ssa-verify\.test:3000\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "");
    expect(link).not.toBeNull();
    const token = link![1]!;
    expect(await db.visitorToken.count({ where: { tokenHash: token } })).toBe(0); // only its hash is kept
    expect(await verifyVisitorEmail({ tenantId: other.tenantId, token, db })).toBe(false);
    expect(await verifyVisitorEmail({ tenantId: t.tenantId, token, db })).toBe(true);
    expect(await verifyVisitorEmail({ tenantId: t.tenantId, token, db })).toBe(false);
    const v = await db.visitor.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: created.visitor.id } } });
    expect(v.emailVerifiedAt).not.toBeNull();
  });

  it("daily digests fall at 8:00 in the tenant's time zone", () => {
    expect(nextDigestTime(new Date("2026-12-02T12:00:00Z"), "America/New_York")).toEqual({ at: new Date("2026-12-02T13:00:00Z"), localDate: "2026-12-02" });
    expect(nextDigestTime(new Date("2026-12-02T13:00:00Z"), "America/New_York")).toEqual({ at: new Date("2026-12-03T13:00:00Z"), localDate: "2026-12-03" });
    expect(nextDigestTime(new Date("2026-07-02T11:59:00Z"), "America/New_York")).toEqual({ at: new Date("2026-07-02T12:00:00Z"), localDate: "2026-07-02" });
    expect(nextDigestTime(new Date("2026-12-02T23:30:00Z"), "Asia/Tokyo")).toEqual({ at: new Date("2026-12-03T23:00:00Z"), localDate: "2026-12-04" });
  });
});
