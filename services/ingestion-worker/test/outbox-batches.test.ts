import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { pgPoolOf } from "@real-estate/db";
import { claimJobs } from "@real-estate/queue";
import { createDeliveryBatcher, deliverEmail, deliverEmails, queueEmail, type MailTransport } from "@real-estate/mail";
import { useSmtpSink } from "./support/smtp";

// The outbox's deliveries batched per transaction (decisions 0052 and 0059), over a real SMTP server.
const testDb = useTestDatabase("mailbatch");
const smtp = useSmtpSink({ maxConnections: 2 });

describe("outbox deliveries batched per transaction", () => {
  it("delivers several messages in one transaction, each with its own outcome, answer and Message-ID", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "batch-a" });
    const b = await createTenantFixture(db, { slug: "batch-b" });
    smtp.sink.clear();
    const q = (tenantId: string, address: string) =>
      queueEmail(db, { tenantId, template: "request-received", to: { address }, props: { name: "N", what: "a visit" } });
    const ok1 = await q(a.tenantId, "one@example.test");
    const ok2 = await q(b.tenantId, "two@example.test");
    const temp = await q(a.tenantId, "later+tempfail@example.test");
    const perm = await q(b.tenantId, "gone+reject@example.test");
    const done = await q(a.tenantId, "done@example.test");
    const held = await q(b.tenantId, "held@example.test");
    await db.emailSuppression.create({ data: { tenantId: a.tenantId, address: "quiet@example.test", scope: "all", reason: "unsubscribe" } });
    const quiet = await q(a.tenantId, "quiet@example.test");
    const jobOf = async (tenantId: string, emailId: string) => {
      const row = await db.ingestionJob.findFirstOrThrow({ where: { tenantId, kind: "email.deliver", eventId: emailId } });
      return { ...row, id: row.id.toString(), attempts: 1, lockedBy: "x", leaseExpiresAt: new Date() } as never;
    };
    // Already delivered, and held by another delivery (a slow SMTP answer) while the batch runs.
    expect(await deliverEmail({ db, transport: smtp.transport, job: await jobOf(a.tenantId, done.id) })).toEqual({ outcome: "applied", status: "SENT" });
    const slow: MailTransport = { sendMail: async (m) => (await new Promise((r) => setTimeout(r, 600)), smtp.transport.sendMail(m)) };
    const holding = deliverEmail({ db, transport: slow, job: await jobOf(b.tenantId, held.id) });
    await new Promise((r) => setTimeout(r, 200));
    const bad = { ...((await jobOf(a.tenantId, ok1.id)) as object), payload: { emailId: "nope" } } as never;
    const results = await deliverEmails({
      db,
      transport: smtp.transport,
      jobs: [
        await jobOf(a.tenantId, ok1.id),
        await jobOf(b.tenantId, ok2.id),
        await jobOf(a.tenantId, temp.id),
        await jobOf(b.tenantId, perm.id),
        await jobOf(a.tenantId, done.id),
        await jobOf(b.tenantId, held.id),
        await jobOf(a.tenantId, quiet.id),
        bad,
        await jobOf(a.tenantId, ok1.id),
      ],
    });
    expect(results.slice(0, 2)).toEqual([
      { outcome: "applied", status: "SENT" },
      { outcome: "applied", status: "SENT" },
    ]);
    expect(String((results[2] as { error: Error }).error)).toContain("451");
    expect(String((results[3] as { error: Error }).error)).toContain("SMTP 550");
    expect(results[4]).toEqual({ outcome: "duplicate" });
    expect(String((results[5] as { error: Error }).error)).toContain("in flight");
    expect(results[6]).toEqual({ outcome: "applied", status: "SUPPRESSED" });
    expect(String((results[7] as { error: Error }).error)).toContain("invalid email.deliver payload");
    // The same message twice in one batch: the second is refused like a held row, the message goes out once.
    expect(String((results[8] as { error: Error }).error)).toContain("in flight");
    expect(await holding).toEqual({ outcome: "applied", status: "SENT" });

    const m = (tenantId: string, id: string) => db.emailMessage.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } } });
    expect(await m(a.tenantId, ok1.id)).toMatchObject({ status: "SENT", smtpCode: 250, attempts: 1 });
    expect(await m(b.tenantId, ok2.id)).toMatchObject({ status: "SENT", smtpCode: 250, attempts: 1 });
    expect(await m(a.tenantId, temp.id)).toMatchObject({ status: "QUEUED", smtpCode: 451, attempts: 1 });
    expect(await m(b.tenantId, perm.id)).toMatchObject({ status: "FAILED", smtpCode: 550, attempts: 1 });
    expect((await m(b.tenantId, perm.id)).smtpResponse).toContain("No such mailbox");
    expect(await m(a.tenantId, done.id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await m(b.tenantId, held.id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await m(a.tenantId, quiet.id)).toMatchObject({ status: "SUPPRESSED", lastError: "address suppressed (unsubscribe)" });
    expect(await db.emailSuppression.findMany({ where: { tenantId: b.tenantId } })).toMatchObject([
      { address: "gone+reject@example.test", scope: "all", reason: "bounce" },
    ]);
    // The batch's outcomes were written by one transaction.
    const ids = [ok1.id, ok2.id, temp.id, perm.id, quiet.id];
    const xmins = await pgPoolOf(db)!.query<{ xmin: string }>(`SELECT DISTINCT xmin::text AS xmin FROM "EmailMessage" WHERE id = ANY($1::uuid[])`, [ids]);
    expect(xmins.rows).toHaveLength(1);
    const got = smtp.sink
      .messages()
      .map((x) => x.messageId)
      .sort();
    expect(got).toEqual([done, held, ok1, ok2].map((x) => `<${x.messageId}>`).sort());
  });

  it("the worker's deliveries started together share a transaction of at most the batch size, each job with its own result and slot", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "batcher" });
    smtp.sink.clear();
    const queued = [];
    for (let i = 0; i < 5; i++)
      queued.push(
        await queueEmail(db, { tenantId: t.tenantId, template: "request-received", to: { address: `r${i}@example.test` }, props: { name: "R", what: "x" } }),
      );
    queued.push(
      await queueEmail(db, { tenantId: t.tenantId, template: "request-received", to: { address: "no+reject@example.test" }, props: { name: "R", what: "x" } }),
    );
    const claimed = await claimJobs({ db, workerId: "t", kinds: ["email.deliver"], limit: 1000, now: new Date(Date.now() + 1_000) });
    const jobs = claimed.filter((job) => job.tenantId === t.tenantId);
    expect(jobs).toHaveLength(6);
    const batcher = createDeliveryBatcher({ transport: smtp.transport, maxBatch: 4 });
    // Each job's slot is given back once its batch's SMTP conversations are over, before its outcome is settled.
    const released = new Set<number>();
    const settled = new Set<number>();
    const results = await Promise.allSettled(
      jobs.map((job, i) =>
        batcher
          .deliver(db, job, () => {
            expect(settled.has(i)).toBe(false);
            released.add(i);
          })
          .finally(() => settled.add(i)),
      ),
    );
    expect(released.size).toBe(6);
    const byEmail = new Map(jobs.map((job, i) => [(job.payload as { emailId: string }).emailId, results[i]!]));
    for (const q of queued.slice(0, 5)) expect(byEmail.get(q.id)).toEqual({ status: "fulfilled", value: { outcome: "applied", status: "SENT" } });
    expect(String((byEmail.get(queued[5]!.id) as PromiseRejectedResult).reason)).toContain("SMTP 550");
    const xmins = await pgPoolOf(db)!.query<{ xmin: string; n: number }>(
      `SELECT xmin::text AS xmin, count(*)::int AS n FROM "EmailMessage" WHERE "tenantId" = $1::uuid GROUP BY 1 ORDER BY 2 DESC`,
      [t.tenantId],
    );
    expect(xmins.rows.map((r) => r.n)).toEqual([4, 2]);
    expect(smtp.sink.messages()).toHaveLength(5);
  });

  it("a batch smaller than the batch size waits for the slots of the batch being sent, and the jobs that take them join it", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "joiner" });
    smtp.sink.clear();
    for (let i = 0; i < 8; i++)
      await queueEmail(db, { tenantId: t.tenantId, template: "request-received", to: { address: `j${i}@example.test` }, props: { name: "J", what: "x" } });
    const claimed = await claimJobs({ db, workerId: "t", kinds: ["email.deliver"], limit: 1000, now: new Date(Date.now() + 1_000) });
    const jobs = claimed.filter((job) => job.tenantId === t.tenantId);
    expect(jobs).toHaveLength(8);
    const batcher = createDeliveryBatcher({ transport: smtp.transport, maxBatch: 4, joinWaitMs: 60_000 });
    // As the worker does: six jobs start together (a batch of four, two left over), and the slots
    // the first batch gives back start the last two.
    const started: Promise<unknown>[] = [];
    let freed = false;
    const start = (i: number) =>
      started.push(
        batcher.deliver(db, jobs[i]!, () => {
          if (i < 4 && !freed) {
            freed = true;
            start(6);
            start(7);
          }
        }),
      );
    for (let i = 0; i < 6; i++) start(i);
    await expect.poll(() => started.length, { timeout: 10_000 }).toBe(8);
    const results = await Promise.all(started);
    expect(results).toEqual(Array.from({ length: 8 }, () => ({ outcome: "applied", status: "SENT" })));
    const xmins = await pgPoolOf(db)!.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "EmailMessage" WHERE "tenantId" = $1::uuid GROUP BY xmin::text ORDER BY 1 DESC`,
      [t.tenantId],
    );
    expect(xmins.rows.map((r) => r.n)).toEqual([4, 4]);
    expect(smtp.sink.messages()).toHaveLength(8);
  });
});
