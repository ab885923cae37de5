import { describe, expect, it, onTestFinished } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { pgPoolOf, type Db } from "@real-estate/db";
import { claimJobs, type ClaimedJob } from "@real-estate/queue";
import { createDeliveryBatcher, queueEmail, type MailTransport } from "@real-estate/mail";
import { useSmtpSink } from "./support/smtp";

// The outbox's next batch read ahead while the batch before it is being sent (decision 0062), over a real SMTP server.
const testDb = useTestDatabase("mailahead");
const smtp = useSmtpSink({ maxConnections: 2 });

async function claimedMessages(db: Db, slug: string, n: number): Promise<{ tenantId: string; jobs: ClaimedJob[]; ids: string[] }> {
  const t = await createTenantFixture(db, { slug });
  for (let i = 0; i < n; i++)
    await queueEmail(db, { tenantId: t.tenantId, template: "request-received", to: { address: `${slug}${i}@example.test` }, props: { name: "A", what: "x" } });
  const claimed = await claimJobs({ db, workerId: "t", kinds: ["email.deliver"], limit: 1000, now: new Date(Date.now() + 1_000) });
  const jobs = claimed.filter((job) => job.tenantId === t.tenantId);
  expect(jobs).toHaveLength(n);
  return { tenantId: t.tenantId, jobs, ids: jobs.map((job) => (job.payload as { emailId: string }).emailId) };
}

/** Resolves once `n` delivery transactions have read and locked their messages and wait (the probe below must not race their reads). */
async function batchesOpen(db: Db, n: number): Promise<void> {
  const open = async () =>
    (
      await pgPoolOf(db)!.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE 'BEGIN; SET LOCAL idle_in_transaction_session_timeout%'`,
      )
    ).rows[0]!.n;
  await expect.poll(open, { timeout: 10_000 }).toBe(n);
}

/** The messages of `ids` that no transaction holds (each row's lock is tried and released at once). */
async function unlocked(db: Db, ids: string[]): Promise<number> {
  const r = await pgPoolOf(db)!.query(`SELECT id FROM "EmailMessage" WHERE id = ANY($1::uuid[]) FOR UPDATE SKIP LOCKED`, [ids]);
  return r.rowCount ?? 0;
}

describe("outbox deliveries read ahead", () => {
  it("reads and locks the next batch's messages while the batch before it is being sent, and each job's conversation starts as its slot comes back", async () => {
    const { db } = testDb();
    const { tenantId, jobs, ids } = await claimedMessages(db, "ahead", 8);
    smtp.sink.clear();
    // Every SMTP conversation waits until the test lets it go.
    const held: (() => void)[] = [];
    let open = false;
    const gated: MailTransport = {
      sendMail: async (m) => {
        if (!open) await new Promise<void>((resolve) => held.push(resolve));
        return smtp.transport.sendMail(m);
      },
    };
    // The batch read ahead waits up to 10 s for its jobs (1 s in the worker), so a busy machine's
    // slow steps below cannot close it before its jobs start.
    const batcher = createDeliveryBatcher({ transport: gated, maxBatch: 4, aheadWaitMs: 10_000 });
    batcher.claimed(db, jobs);
    // As the worker does with four slots: the first four jobs start, and each slot given back starts the next job.
    const results: Promise<unknown>[] = [];
    const released: number[] = [];
    const start = (i: number) => {
      results.push(
        batcher.deliver(db, jobs[i]!, () => {
          released.push(i);
          if (i + 4 < jobs.length) start(i + 4);
        }),
      );
    };
    const letGo = () => {
      open = true;
      held.splice(0).forEach((go) => go());
    };
    onTestFinished(letGo);
    for (let i = 0; i < 4; i++) start(i);
    await expect.poll(() => held.length, { timeout: 10_000 }).toBe(4);
    // While the first four conversations are under way, the other four messages are read and locked as well.
    await batchesOpen(db, 2);
    expect(await unlocked(db, ids)).toBe(0);
    expect(results).toHaveLength(4);
    // One conversation over: its slot starts job 4, whose conversation starts while the other three are still under way.
    held.shift()!();
    await expect.poll(() => held.length, { timeout: 10_000 }).toBe(4);
    expect(released).toEqual([0]);
    expect(results).toHaveLength(5);
    letGo();
    await expect.poll(() => results.length, { timeout: 10_000 }).toBe(8);
    expect(await Promise.all(results)).toEqual(Array.from({ length: 8 }, () => ({ outcome: "applied", status: "SENT" })));
    expect(released.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Two transactions of four: the first batch's, and the one read ahead.
    const xmins = await pgPoolOf(db)!.query<{ n: number; ids: string[] }>(
      `SELECT count(*)::int AS n, array_agg(id::text) AS ids FROM "EmailMessage" WHERE "tenantId" = $1::uuid GROUP BY xmin::text ORDER BY 1 DESC`,
      [tenantId],
    );
    expect(xmins.rows.map((r) => r.n)).toEqual([4, 4]);
    expect(new Set(xmins.rows.map((r) => r.ids.sort().join()))).toEqual(new Set([ids.slice(0, 4).sort().join(), ids.slice(4).sort().join()]));
    expect(smtp.sink.messages()).toHaveLength(8);
  });

  it("unlocks the messages of jobs that do not start in time, and such a job later goes out in a batch of its own", async () => {
    const { db } = testDb();
    const { tenantId, jobs, ids } = await claimedMessages(db, "late", 2);
    smtp.sink.clear();
    // The batch waits 3 s for its jobs: long enough that the check right after its read cannot miss
    // the locks on a busy machine, short enough to see it give up.
    const batcher = createDeliveryBatcher({ transport: smtp.transport, maxBatch: 4, aheadWaitMs: 3_000 });
    batcher.claimed(db, jobs);
    await batchesOpen(db, 1);
    expect(await unlocked(db, ids)).toBe(0);
    // Nothing started them (a worker stopping gives such jobs back): the batch ends and writes nothing.
    await expect.poll(() => unlocked(db, ids), { timeout: 15_000 }).toBe(2);
    const rows = await db.emailMessage.findMany({ where: { tenantId }, select: { status: true, attempts: true } });
    expect(rows).toEqual([
      { status: "QUEUED", attempts: 0 },
      { status: "QUEUED", attempts: 0 },
    ]);
    expect(await Promise.all(jobs.map((job) => batcher.deliver(db, job)))).toEqual([
      { outcome: "applied", status: "SENT" },
      { outcome: "applied", status: "SENT" },
    ]);
    expect(smtp.sink.messages()).toHaveLength(2);
  });
});
