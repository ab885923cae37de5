import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { PermanentIngestionError, TransientIngestionError } from "@real-estate/queue";
import { claimJobs, maxAttemptsFor, RETRY_SCHEDULE_MS } from "@real-estate/queue";
import type { JobHandler } from "../src/run-job";
import { enqueue, jobOf, testWorker } from "./helpers";

const testDb = useTestDatabase("workerretry");

describe("worker retries and dead letters", () => {
  it("retries a transient failure on the cadence and succeeds on the 3rd attempt with one CRM effect", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const { event } = await enqueue(db, t.tenantId, { email: "flaky@example.com" });
    let calls = 0;
    const flaky: JobHandler = async (ctx) => {
      calls++;
      if (calls <= 2) throw new TransientIngestionError(`simulated outage ${calls}`);
      return ctx.process();
    };
    const { worker, clock } = testWorker(db, { handlers: { "lead.submitted": flaky } });
    const start = clock.now().getTime();

    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 1, deadLettered: 0 });
    let job = await jobOf(db, t.tenantId, event.eventId);
    // random() = 0.5 means no jitter: exactly the documented first delay.
    expect(job.nextAttemptAt.getTime() - start).toBe(RETRY_SCHEDULE_MS[0]);
    expect(job).toMatchObject({ status: "PENDING", attempts: 1, lastError: "simulated outage 1", lastErrorClass: "transient" });

    clock.advance(RETRY_SCHEDULE_MS[0] - 1);
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 0 });
    expect(calls).toBe(1);

    clock.advance(1);
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 1, deadLettered: 0 });
    job = await jobOf(db, t.tenantId, event.eventId);
    expect(job.nextAttemptAt.getTime() - clock.now().getTime()).toBe(RETRY_SCHEDULE_MS[1]);

    clock.advance(RETRY_SCHEDULE_MS[1] - 1000);
    expect((await worker.drainOnce()).processed).toBe(0);
    clock.advance(1000);
    expect(await worker.drainOnce()).toEqual({ processed: 1, retried: 0, deadLettered: 0 });

    job = await jobOf(db, t.tenantId, event.eventId);
    expect(job).toMatchObject({ status: "COMPLETED", attempts: 3 });
    expect(calls).toBe(3);
    expect(await db.activity.count({ where: { tenantId: t.tenantId, eventId: event.eventId } })).toBe(1);
  });

  it("dead-letters a permanent failure after exactly one attempt, with a readable reason", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const { event } = await enqueue(db, t.tenantId, { email: "bad@example.com" });
    let calls = 0;
    const { worker, logger } = testWorker(db, {
      handlers: {
        "*": async () => {
          calls++;
          throw new PermanentIngestionError("invalid payload: listing FF-9 does not exist");
        },
      },
    });
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 1 });
    const job = await jobOf(db, t.tenantId, event.eventId);
    expect(job).toMatchObject({ status: "DEAD_LETTERED", attempts: 1, lastErrorClass: "permanent", lastError: "invalid payload: listing FF-9 does not exist" });
    expect(job.deadLetteredAt).not.toBeNull();
    expect(job.lastErrorStack).toContain("PermanentIngestionError");
    expect(calls).toBe(1);
    expect(logger.entries.find((e) => e.msg === "job")).toMatchObject({ outcome: "dead_lettered", errorClass: "permanent", level: "error" });
  });

  it("dead-letters an invalid stored payload at once (the standard handler)", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const { event, jobId } = await enqueue(db, t.tenantId, { email: "x@example.com" });
    await db.$executeRaw`UPDATE "IngestionJob" SET payload = jsonb_set(payload, '{payload,contact}', '{}') WHERE id = ${jobId}::bigint`;
    const { worker } = testWorker(db);
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 1 });
    const job = await jobOf(db, t.tenantId, event.eventId);
    expect(job.lastError).toMatch(/^invalid payload: payload\.contact(\.email)?: an email or a phone number is required/);
    expect(await db.ingestedEvent.count({ where: { tenantId: t.tenantId } })).toBe(0);
  });

  it("dead-letters a job that always fails transiently after exactly maxAttempts attempts", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const { event } = await enqueue(db, t.tenantId, { email: "never@example.com" });
    const max = maxAttemptsFor("lead.submitted");
    let calls = 0;
    const alwaysDown: JobHandler = async () => {
      calls++;
      throw new Error("connection reset");
    };
    const { worker, clock } = testWorker(db, { handlers: { "*": alwaysDown } });
    let dead = 0;
    for (let i = 0; i < max + 3 && dead === 0; i++) {
      dead = (await worker.drainOnce()).deadLettered;
      clock.advance(7 * 3_600_000);
    }
    const job = await jobOf(db, t.tenantId, event.eventId);
    expect(job).toMatchObject({ status: "DEAD_LETTERED", attempts: max, lastErrorClass: "transient", lastError: "connection reset" });
    expect(calls).toBe(max);
    clock.advance(30 * 24 * 3_600_000);
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 0 });
  });

  it("reclaims a job whose worker died after the lease expires, not before, with one CRM effect", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const { event } = await enqueue(db, t.tenantId, { email: "orphan@example.com" });
    const { worker, clock } = testWorker(db, { leaseMs: 30_000 });
    const [held] = await claimJobs({ db, workerId: "dead-worker", leaseMs: 30_000, now: clock.now() });
    expect(held?.eventId).toBe(event.eventId);
    clock.advance(29_999);
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 0 });
    expect(await jobOf(db, t.tenantId, event.eventId)).toMatchObject({ status: "PROCESSING", lockedBy: "dead-worker" });
    clock.advance(1);
    expect(await worker.drainOnce()).toEqual({ processed: 1, retried: 0, deadLettered: 0 });
    expect(await jobOf(db, t.tenantId, event.eventId)).toMatchObject({ status: "COMPLETED", attempts: 2, lockedBy: null });
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });

  it("dead-letters instead of retrying when the lease expired on the last attempt", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const { event } = await enqueue(db, t.tenantId, { email: "poison@example.com" });
    await db.ingestionJob.updateMany({ where: { tenantId: t.tenantId }, data: { maxAttempts: 1 } });
    const { worker, clock } = testWorker(db, { leaseMs: 1_000 });
    await claimJobs({ db, workerId: "crashed", leaseMs: 1_000, now: clock.now() });
    clock.advance(1_000);
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 1 });
    expect((await jobOf(db, t.tenantId, event.eventId)).lastError).toMatch(/lease expired on the last attempt/);
  });
});
