import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { pgPoolOf, type Db } from "@real-estate/db";
import { claimJobs, completeJobs, failJobs, planJobFailure } from "@real-estate/queue";
import { deliverEmail, EMAIL_RETRY_POLICY, queueEmail, type MailTransport } from "@real-estate/mail";
import { useSmtpSink } from "./support/smtp";

const testDb = useTestDatabase("mailsmtp");
const smtp = useSmtpSink({ maxConnections: 2 });

/** Runs every due email.deliver job once, as the worker does (claim, handler, record outcome). */
async function deliverDue(db: Db) {
  const jobs = await claimJobs({ db, workerId: "t", kinds: ["email.deliver"], limit: 1000, now: new Date(Date.now() + 1_000) });
  const failures = [];
  const done = [];
  for (const job of jobs) {
    try {
      await deliverEmail({ db, transport: smtp.transport, job });
      done.push(job);
    } catch (error) {
      failures.push(planJobFailure({ job, error, now: new Date(), policy: EMAIL_RETRY_POLICY, random: () => 0.5 }));
    }
  }
  await completeJobs({ db, workerId: "t", jobs: done });
  return failJobs({ db, workerId: "t", failures });
}

async function brandedTenant(db: Db, slug: string, color: string) {
  const t = await createTenantFixture(db, { slug });
  await db.tenant.update({ where: { id: t.tenantId }, data: { name: `${slug} Realty`, primaryColor: color } });
  await db.websiteConfig.upsert({
    where: { tenantId: t.tenantId },
    create: {
      tenantId: t.tenantId,
      siteTitle: slug,
      heroHeadline: "Homes",
      contactEmail: `office@${slug}.example`,
      officeAddress: `1 ${slug} Street, Springfield`,
    },
    update: { contactEmail: `office@${slug}.example`, officeAddress: `1 ${slug} Street, Springfield` },
  });
  return t;
}

describe("outbox delivered over SMTP", () => {
  it("sends each tenant's mail with its own sender, reply-to and branding, both bodies, and a stable Message-ID", async () => {
    const { db } = testDb();
    const a = await brandedTenant(db, "alpha", "#112233");
    const b = await brandedTenant(db, "beta", "#445566");
    smtp.sink.clear();
    const [ma, mb] = await db.$transaction(async (tx) => [
      await queueEmail(tx, {
        tenantId: a.tenantId,
        template: "password-reset",
        to: { address: "Ann@Example.test", name: "Ann" },
        props: { resetUrl: "http://alpha.localhost:3000/reset?t=1", validMinutes: 30 },
      }),
      await queueEmail(tx, {
        tenantId: b.tenantId,
        template: "password-reset",
        to: { address: "bob@example.test" },
        props: { resetUrl: "http://beta.localhost:3000/reset?t=2", validMinutes: 30 },
      }),
    ]);
    expect((await db.emailMessage.findMany({ where: { status: "QUEUED" } })).length).toBe(2);
    await deliverDue(db);
    const got = smtp.sink.messages();
    expect(got).toHaveLength(2);
    const toAnn = got.find((m) => m.envelope.to.includes("ann@example.test"))!;
    const toBob = got.find((m) => m.envelope.to.includes("bob@example.test"))!;
    expect(toAnn.from).toBe('"alpha Realty" <alpha@mail.platform.example>');
    expect(toAnn.replyTo).toBe("office@alpha.example");
    expect(toAnn.messageId).toBe(`<${ma!.messageId}>`);
    expect(toAnn.subject).toBe("Reset your alpha Realty password");
    expect(toAnn.html).toContain("#112233");
    expect(toAnn.html).toContain("1 alpha Street, Springfield");
    expect(toAnn.html).toContain('href="http://alpha.localhost:3000/reset?t=1"');
    expect(toAnn.text).toContain("http://alpha.localhost:3000/reset?t=1");
    expect(toAnn.text?.toLowerCase()).toContain("reset your password");
    expect(toAnn.text).toContain("1 alpha Street, Springfield");
    expect(toAnn.headers["list-unsubscribe"]).toBeUndefined();
    // The other tenant's message carries nothing of the first.
    expect(toBob.from).toBe('"beta Realty" <beta@mail.platform.example>');
    expect(toBob.replyTo).toBe("office@beta.example");
    expect(toBob.messageId).toBe(`<${mb!.messageId}>`);
    expect(toBob.html).toContain("#445566");
    expect(toBob.html).not.toContain("alpha");
    expect(toAnn.html).not.toContain("beta");
    const stored = await db.emailMessage.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: ma!.id } } });
    expect(stored).toMatchObject({ status: "SENT", attempts: 1 });
    expect(stored.smtpResponse).toMatch(/^250 /);
  });

  it("marketing mail carries List-Unsubscribe and one-click List-Unsubscribe-Post (RFC 8058)", async () => {
    const { db } = testDb();
    const t = await brandedTenant(db, "gamma", "#0a0a0a");
    smtp.sink.clear();
    await queueEmail(db, {
      tenantId: t.tenantId,
      template: "saved-search-alert",
      to: { address: "visitor@example.test" },
      unsubscribeUrl: "http://gamma.localhost:3000/api/unsubscribe?t=abc",
      props: {
        searchName: "3 beds in Fairfield",
        searchUrl: "http://gamma.localhost:3000/search?beds=3",
        unsubscribeUrl: "http://gamma.localhost:3000/api/unsubscribe?t=abc",
        preferencesUrl: "http://gamma.localhost:3000/account",
        listings: [
          { address: "12 Elm Street", price: "$650,000", change: "new", detail: "3 bd · 2 ba", photoUrl: null, url: "http://gamma.localhost:3000/homes/K1" },
        ],
      },
    });
    await deliverDue(db);
    const [mail] = smtp.sink.messages();
    expect(mail!.headers["list-unsubscribe"]).toBe("<http://gamma.localhost:3000/api/unsubscribe?t=abc>");
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.text).toContain("12 Elm Street");
    expect(mail!.html).toContain("http://gamma.localhost:3000/account");
  });

  it("retries a temporary refusal (4xx), records a permanent one (5xx), suppresses the address and never mails it again", async () => {
    const { db } = testDb();
    const t = await brandedTenant(db, "delta", "#123456");
    smtp.sink.clear();
    const temp = await queueEmail(db, {
      tenantId: t.tenantId,
      template: "email-verification",
      to: { address: "later+tempfail@example.test" },
      props: { verifyUrl: "http://x/verify" },
    });
    const perm = await queueEmail(db, {
      tenantId: t.tenantId,
      template: "email-verification",
      to: { address: "gone+reject@example.test" },
      props: { verifyUrl: "http://x/verify" },
    });
    const result = await deliverDue(db);
    expect(result.retried).toHaveLength(1);
    expect(result.deadLettered).toHaveLength(1);
    const m = (id: string) => db.emailMessage.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id } } });
    expect(await m(temp.id)).toMatchObject({ status: "QUEUED", smtpCode: 451, attempts: 1 });
    expect(await m(perm.id)).toMatchObject({ status: "FAILED", smtpCode: 550 });
    expect((await m(perm.id)).smtpResponse).toContain("No such mailbox");
    const job = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, kind: "email.deliver", eventId: temp.id } });
    expect(job).toMatchObject({ status: "PENDING", lastErrorClass: "transient", maxAttempts: EMAIL_RETRY_POLICY.attempts });
    expect(await db.emailSuppression.findMany({ where: { tenantId: t.tenantId } })).toMatchObject([
      { address: "gone+reject@example.test", scope: "all", reason: "bounce" },
    ]);
    // The next message to the bounced address is suppressed before any SMTP conversation.
    const again = await queueEmail(db, {
      tenantId: t.tenantId,
      template: "email-verification",
      to: { address: "gone+reject@example.test" },
      props: { verifyUrl: "http://x/verify" },
    });
    await deliverDue(db);
    expect(await m(again.id)).toMatchObject({ status: "SUPPRESSED" });
    expect(smtp.sink.messages()).toHaveLength(0);
    // Another tenant may still mail that address: suppressions are per tenant.
    const other = await brandedTenant(db, "epsilon", "#654321");
    const elsewhere = await queueEmail(db, {
      tenantId: other.tenantId,
      template: "email-verification",
      to: { address: "gone+reject@example.test" },
      props: { verifyUrl: "http://x/verify" },
    });
    await deliverDue(db);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { tenantId_id: { tenantId: other.tenantId, id: elsewhere.id } } })).status).toBe("FAILED");
  });

  it("a repeat of a delivered message sends nothing; a dedupe key queues one message ever", async () => {
    const { db } = testDb();
    const t = await brandedTenant(db, "zeta", "#222222");
    smtp.sink.clear();
    const first = await queueEmail(db, {
      tenantId: t.tenantId,
      template: "request-received",
      to: { address: "v@example.test" },
      props: { name: "Vi", what: "12 Elm Street" },
      dedupeKey: "req:1",
    });
    const repeat = await queueEmail(db, {
      tenantId: t.tenantId,
      template: "request-received",
      to: { address: "v@example.test" },
      props: { name: "Vi", what: "12 Elm Street" },
      dedupeKey: "req:1",
    });
    expect(repeat).toEqual({ ...first, created: false });
    await deliverDue(db);
    const job = (await claimJobs({ db, workerId: "x", kinds: ["email.deliver"], now: new Date(Date.now() + 1_000) }))[0];
    expect(job).toBeUndefined();
    const row = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, kind: "email.deliver" } });
    const asJob = { ...row, id: row.id.toString(), lockedBy: "x", leaseExpiresAt: new Date() };
    expect(await deliverEmail({ db, transport: smtp.transport, job: asJob as never })).toEqual({ outcome: "duplicate" });
    expect(smtp.sink.messages()).toHaveLength(1);
  });

  it("two deliveries of one message at once (a job reclaimed while the SMTP server was slow) send it once", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "overlap" });
    smtp.sink.clear();
    const queued = await queueEmail(db, {
      tenantId: t.tenantId,
      template: "request-received",
      to: { address: "o@example.test" },
      props: { name: "O", what: "a visit" },
    });
    const row = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, kind: "email.deliver" } });
    const asJob = { ...row, id: row.id.toString(), attempts: 1, lockedBy: "x", leaseExpiresAt: new Date() };
    const slow: MailTransport = { sendMail: async (m) => (await new Promise((r) => setTimeout(r, 400)), smtp.transport.sendMail(m)) };
    const results = await Promise.allSettled([
      deliverEmail({ db, transport: slow, job: asJob as never }),
      deliverEmail({ db, transport: slow, job: asJob as never }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<unknown>).value)).toEqual([
      { outcome: "applied", status: "SENT" },
    ]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason)).toContain("in flight");
    expect(smtp.sink.messages().map((m) => m.messageId)).toEqual([`<${queued.messageId}>`]);
    // The retry finds it SENT.
    expect(await deliverEmail({ db, transport: smtp.transport, job: asJob as never })).toEqual({ outcome: "duplicate" });
  });

  it("a client without the pool (the Prisma transaction path) delivers alike and respects the hold taken on node-postgres", async () => {
    const { db } = testDb();
    // An extended client is another object: pgPoolOf finds no pool for it, so delivery runs in a Prisma transaction.
    const viaPrisma = db.$extends({}) as unknown as Db;
    expect(pgPoolOf(viaPrisma)).toBeNull();
    expect(pgPoolOf(db)).not.toBeNull();
    const t = await createTenantFixture(db, { slug: "prisma-path" });
    smtp.sink.clear();
    const first = await queueEmail(db, {
      tenantId: t.tenantId,
      template: "request-received",
      to: { address: "p1@example.test" },
      props: { name: "P", what: "a visit" },
    });
    const second = await queueEmail(db, {
      tenantId: t.tenantId,
      template: "request-received",
      to: { address: "p2@example.test" },
      props: { name: "Q", what: "a visit" },
    });
    const jobOf = async (emailId: string) => {
      const row = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, kind: "email.deliver", eventId: emailId } });
      return { ...row, id: row.id.toString(), attempts: 1, lockedBy: "x", leaseExpiresAt: new Date() } as never;
    };
    expect(await deliverEmail({ db: viaPrisma, transport: smtp.transport, job: await jobOf(first.id) })).toEqual({ outcome: "applied", status: "SENT" });
    const sent = await db.emailMessage.findFirstOrThrow({ where: { tenantId: t.tenantId, id: first.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, smtpCode: 250 });
    expect(smtp.sink.messages().map((m) => m.messageId)).toEqual([`<${first.messageId}>`]);
    expect(await deliverEmail({ db: viaPrisma, transport: smtp.transport, job: await jobOf(first.id) })).toEqual({ outcome: "duplicate" });

    // Held on node-postgres while the SMTP server is slow: the Prisma path finds it in flight and sends nothing.
    const job = await jobOf(second.id);
    const slow: MailTransport = { sendMail: async (m) => (await new Promise((r) => setTimeout(r, 600)), smtp.transport.sendMail(m)) };
    const holding = deliverEmail({ db, transport: slow, job });
    await new Promise((r) => setTimeout(r, 200));
    await expect(deliverEmail({ db: viaPrisma, transport: smtp.transport, job })).rejects.toThrow("in flight");
    expect(await holding).toEqual({ outcome: "applied", status: "SENT" });
    expect(smtp.sink.messages().map((m) => m.messageId)).toEqual([`<${first.messageId}>`, `<${second.messageId}>`]);
    // A message of another tenant is not found under this tenant's id.
    const other = await createTenantFixture(db, { slug: "prisma-path-b" });
    expect(await deliverEmail({ db, transport: smtp.transport, job: { ...(job as object), tenantId: other.tenantId } as never })).toEqual({
      outcome: "duplicate",
    });
    expect(smtp.sink.messages()).toHaveLength(2);
  });
});
