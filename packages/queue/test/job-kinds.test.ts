import { describe, expect, it } from "vitest";
import { Client } from "pg";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import {
  claimJobEffect,
  claimJobs,
  enqueueJob,
  enqueueJobs,
  enqueueWebsiteEvent,
  failJobs,
  listDeadLetters,
  planJobFailure,
  QUEUE_NOTIFY_CHANNEL,
  requeueDeadLetters,
  retryDelayMs,
  TransientIngestionError,
} from "../src";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("job-kinds");

describe("enqueueJob / enqueueJobs (generic kinds)", () => {
  it("writes the job in the caller's transaction: a rollback leaves no job, a commit leaves exactly one", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, { tenantId: t.tenantId, kind: "email.deliver", payload: { messageId: "m-1" } });
        throw new Error("business write failed");
      }),
    ).rejects.toThrow("business write failed");
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId } })).toBe(0);
    const result = await db.$transaction((tx) => enqueueJob(tx, { tenantId: t.tenantId, kind: "email.deliver", payload: { messageId: "m-1" } }));
    expect(result.created).toBe(true);
    const job = await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId } });
    expect(job).toMatchObject({ kind: "email.deliver", eventType: "email.deliver", status: "PENDING", payload: { messageId: "m-1" }, eventId: result.key });
  });

  it("dedupes on (tenant, kind, key): repeats and in-call duplicates create nothing; other tenants and kinds are apart", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const first = await enqueueJob(db, { tenantId: a.tenantId, kind: "feed.import", payload: { n: 1 }, dedupeKey: "run-1" });
    const again = await enqueueJob(db, { tenantId: a.tenantId, kind: "feed.import", payload: { n: 2 }, dedupeKey: "run-1" });
    expect(again).toEqual({ jobId: first.jobId, key: "run-1", created: false });
    const bulk = await enqueueJobs(db, {
      tenantId: a.tenantId,
      jobs: [
        { kind: "feed.import", payload: {}, dedupeKey: "run-2" },
        { kind: "feed.import", payload: {}, dedupeKey: "run-2" },
        { kind: "other.kind", payload: {}, dedupeKey: "run-1" },
      ],
    });
    expect(bulk.map((r) => r.created)).toEqual([true, false, true]);
    expect(bulk[0]!.jobId).toBe(bulk[1]!.jobId);
    expect((await enqueueJob(db, { tenantId: b.tenantId, kind: "feed.import", payload: {}, dedupeKey: "run-1" })).created).toBe(true);
    // A website event whose eventId equals a job's key is a different job (kinds keep keys apart).
    const event = leadSubmitted(a.tenantId, { email: "kinds@example.test" }, { eventId: "run-1" });
    expect((await enqueueWebsiteEvent({ tenantId: a.tenantId, event })).created).toBe(true);
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId } })).toBe(4);
    expect(
      ((await db.ingestionJob.findFirstOrThrow({ where: { tenantId: a.tenantId, kind: "feed.import", eventId: "run-1" } })).payload as { n: number }).n,
    ).toBe(1);
  });

  it("enqueues thousands in one statement and holds runAt", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const later = new Date(Date.now() + 3_600_000);
    const results = await enqueueJobs(db, {
      tenantId: t.tenantId,
      jobs: Array.from({ length: 5_000 }, (_, i) => ({ kind: "bulk.test", payload: { i }, runAt: i % 2 ? later : undefined })),
    });
    expect(results.filter((r) => r.created)).toHaveLength(5_000);
    const claimed = (await claimJobs({ db, workerId: "w", limit: 10_000 })).filter((j) => j.tenantId === t.tenantId);
    expect(claimed).toHaveLength(2_500);
    expect(claimed.every((j) => j.kind === "bulk.test" && (j.payload as { i: number }).i % 2 === 0)).toBe(true);
  });

  it("refuses a bad kind, key or tenant and stores nothing", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await expect(enqueueJob(db, { tenantId: t.tenantId, kind: "Bad Kind", payload: {} })).rejects.toThrow();
    await expect(enqueueJob(db, { tenantId: t.tenantId, kind: "ok.kind", payload: {}, dedupeKey: "has space" })).rejects.toThrow();
    await expect(enqueueJob(db, { tenantId: "not-a-uuid", kind: "ok.kind", payload: {} })).rejects.toThrow();
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId } })).toBe(0);
  });

  it("wakes listening workers only when the transaction commits", async () => {
    const { db, url } = testDb();
    const t = await createTenantFixture(db);
    const listener = new Client({ connectionString: url });
    await listener.connect();
    const heard: number[] = [];
    listener.on("notification", () => heard.push(Date.now()));
    await listener.query(`LISTEN ${QUEUE_NOTIFY_CHANNEL}`);
    try {
      let enqueuedAt = 0;
      await db.$transaction(async (tx) => {
        await enqueueJob(tx, { tenantId: t.tenantId, kind: "wake.test", payload: {} });
        enqueuedAt = Date.now();
        await new Promise((r) => setTimeout(r, 300));
        expect(heard).toHaveLength(0);
      });
      await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(1);
      expect(heard[0]! - enqueuedAt).toBeGreaterThanOrEqual(290);
      await db
        .$transaction(async (tx) => {
          await enqueueJob(tx, { tenantId: t.tenantId, kind: "wake.test", payload: {} });
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toHaveLength(1);
    } finally {
      await listener.end();
    }
  });
});

describe("retry policy per kind", () => {
  it("uses the kind's attempts, backoff and classification", () => {
    const job = { tenantId: "00000000-0000-4000-8000-000000000000", id: "1", attempts: 2, maxAttempts: 6 };
    const now = new Date("2026-01-01T00:00:00Z");
    const policy = {
      attempts: 3,
      backoffMs: [1_000, 5_000],
      jitter: 0,
      classify: (e: unknown) => ((e as Error).message.startsWith("550") ? ("permanent" as const) : undefined),
    };
    const retry = planJobFailure({ job, error: new Error("421 try later"), now, policy });
    expect(retry.retryAt?.getTime()).toBe(now.getTime() + 5_000);
    expect(retry.maxAttempts).toBe(3);
    expect(planJobFailure({ job, error: new Error("550 no such user"), now, policy }).retryAt).toBeNull();
    expect(planJobFailure({ job: { ...job, attempts: 3 }, error: new TransientIngestionError("421"), now, policy }).retryAt).toBeNull();
    // Without a policy: the job's stored attempts and the default schedule.
    expect(planJobFailure({ job: { ...job, attempts: 3 }, error: new Error("x"), now, random: () => 0.5 }).retryAt?.getTime()).toBe(now.getTime() + 600_000);
    expect(retryDelayMs(9, () => 0.5, { backoffMs: [10, 20] })).toBe(20);
  });
});

describe("dead letters and re-drive carry the kind", () => {
  it("filters dead letters by kind and re-drives only that kind", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await enqueueJobs(db, {
      tenantId: t.tenantId,
      jobs: [
        { kind: "email.deliver", payload: {} },
        { kind: "email.deliver", payload: {} },
        { kind: "feed.import", payload: {} },
      ],
    });
    const claimed = (await claimJobs({ db, workerId: "w", limit: 10_000 })).filter((j) => j.tenantId === t.tenantId);
    expect(claimed).toHaveLength(3);
    const now = new Date();
    await failJobs({ db, workerId: "w", failures: claimed.map((job) => planJobFailure({ job, error: new Error("boom"), now, policy: { attempts: 1 } })) });
    const page = await listDeadLetters({ db, filter: { kind: "email.deliver" } });
    expect(page.items.map((d) => d.kind)).toEqual(["email.deliver", "email.deliver"]);
    expect(page.items.every((d) => d.maxAttempts === 1)).toBe(true);
    const redrive = await requeueDeadLetters({ db, selection: { all: true, filter: { kind: "email.deliver" } }, actor: "ops@example.test", origin: "cli" });
    expect(redrive.requeued).toBe(2);
    const byKind = await db.ingestionJob.groupBy({ by: ["kind", "status"], where: { tenantId: t.tenantId }, _count: true, orderBy: { kind: "asc" } });
    expect(byKind.map((r) => [r.kind, r.status, r._count])).toEqual([
      ["email.deliver", "PENDING", 2],
      ["feed.import", "DEAD_LETTERED", 1],
    ]);
  });
});

describe("claimJobEffect", () => {
  it("lets one transaction per (tenant, kind, key) apply its effect; rolled-back claims do not count", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const key = { kind: "effect.test", key: "k-1" };
    await expect(
      db.$transaction(async (tx) => {
        expect(await claimJobEffect(tx, { tenantId: a.tenantId, ...key })).toBe(true);
        throw new Error("effect failed");
      }),
    ).rejects.toThrow("effect failed");
    expect(await db.$transaction((tx) => claimJobEffect(tx, { tenantId: a.tenantId, ...key }))).toBe(true);
    expect(await db.$transaction((tx) => claimJobEffect(tx, { tenantId: a.tenantId, ...key }))).toBe(false);
    expect(await db.$transaction((tx) => claimJobEffect(tx, { tenantId: b.tenantId, ...key }))).toBe(true);
  });
});
