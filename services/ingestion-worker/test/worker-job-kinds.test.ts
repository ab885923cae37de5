import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { claimJobs, enqueueJob, listDeadLetters, TransientIngestionError } from "@real-estate/queue";
import { defaultJobKinds, type JobKindRegistry } from "../src/job-kinds";
import { runJob } from "../src/run-job";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("workerkinds");

describe("worker job kinds", () => {
  it("runs each kind's handler with its tenant, beside website events", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const seen: string[] = [];
    const kinds: JobKindRegistry = {
      ...defaultJobKinds(),
      "note.write": { handle: async (ctx) => seen.push(`${ctx.job.tenantId}:${(ctx.job.payload as { text: string }).text}`) },
    };
    await db.$transaction(async (tx) => {
      await enqueueJob(tx, { tenantId: a.tenantId, kind: "note.write", payload: { text: "for a" } });
      await enqueueJob(tx, { tenantId: b.tenantId, kind: "note.write", payload: { text: "for b" } });
    });
    const { event } = await enqueue(db, a.tenantId, { email: "kinds-lead@example.test" });
    const { worker } = testWorker(db, { kinds });
    expect(await worker.drainOnce()).toEqual({ processed: 3, retried: 0, deadLettered: 0 });
    expect(seen.sort()).toEqual([`${a.tenantId}:for a`, `${b.tenantId}:for b`].sort());
    expect(await db.activity.count({ where: { tenantId: a.tenantId, eventId: event.eventId } })).toBe(1);
  });

  it("applies the kind's retry policy: its backoff, its attempts, its idea of permanent", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    let calls = 0;
    const kinds: JobKindRegistry = {
      "flaky.send": {
        retry: { attempts: 3, backoffMs: [5_000, 20_000], jitter: 0, classify: (e) => ((e as Error).message.startsWith("5") ? "permanent" : undefined) },
        handle: async (ctx) => {
          calls++;
          throw new Error((ctx.job.payload as { answer: string }).answer);
        },
      },
    };
    const temp = await enqueueJob(db, { tenantId: t.tenantId, kind: "flaky.send", payload: { answer: "421 busy" } });
    const perm = await enqueueJob(db, { tenantId: t.tenantId, kind: "flaky.send", payload: { answer: "550 no such user" } });
    const { worker, clock } = testWorker(db, { kinds });
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 1, deadLettered: 1 });
    const job = (key: string) =>
      db.ingestionJob.findUniqueOrThrow({ where: { tenantId_kind_eventId: { tenantId: t.tenantId, kind: "flaky.send", eventId: key } } });
    expect(await job(perm.key)).toMatchObject({ status: "DEAD_LETTERED", attempts: 1, maxAttempts: 3, lastErrorClass: "permanent" });
    const first = await job(temp.key);
    expect(first.nextAttemptAt.getTime() - clock.now().getTime()).toBe(5_000);
    clock.advance(5_000);
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 1, deadLettered: 0 });
    expect((await job(temp.key)).nextAttemptAt.getTime() - clock.now().getTime()).toBe(20_000);
    clock.advance(20_000);
    expect(await worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 1 });
    expect(await job(temp.key)).toMatchObject({ status: "DEAD_LETTERED", attempts: 3, lastError: "421 busy", lastErrorClass: "transient" });
    expect(calls).toBe(4);
    const dead = await listDeadLetters({ db, filter: { tenant: t.tenantId, kind: "flaky.send" } });
    expect(dead.items).toHaveLength(2);
  });

  it("gives an effect run through ctx.once exactly one application when the job runs again", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    let calls = 0;
    const kinds: JobKindRegistry = {
      "tenant.rename": {
        retry: { backoffMs: [1_000], jitter: 0 },
        handle: async (ctx) => {
          calls++;
          const result = await ctx.once((tx) => tx.$executeRaw`UPDATE "Tenant" SET name = name || '+' WHERE id = ${ctx.job.tenantId}::uuid`);
          // The first run's effect committed but its completion is lost (as when a worker dies here).
          if (calls === 1) throw new TransientIngestionError("worker lost after the effect");
          return result;
        },
      },
    };
    const before = (await db.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).name;
    await enqueueJob(db, { tenantId: t.tenantId, kind: "tenant.rename", payload: {} });
    const { worker, clock } = testWorker(db, { kinds });
    expect((await worker.drainOnce()).retried).toBe(1);
    clock.advance(1_000);
    expect((await worker.drainOnce()).processed).toBe(1);
    expect(calls).toBe(2);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).name).toBe(`${before}+`);
    expect(worker.summary().processed).toBe(1);
  });

  it('leaves a job of a kind it does not run to a worker that runs it; with "*" it has no handler and is dead-lettered', async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await enqueueJob(db, { tenantId: t.tenantId, kind: "future.kind", payload: {} });
    expect(await testWorker(db, { kinds: defaultJobKinds() }).worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 0 });
    expect(await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId, kind: "future.kind" } })).toMatchObject({ status: "PENDING", attempts: 0 });
    const seen: string[] = [];
    const specialist = testWorker(db, { kinds: { "future.kind": { handle: async (ctx) => seen.push(ctx.job.kind) } } });
    expect(await specialist.worker.drainOnce()).toEqual({ processed: 1, retried: 0, deadLettered: 0 });
    expect(seen).toEqual(["future.kind"]);
    await enqueueJob(db, { tenantId: t.tenantId, kind: "other.kind", payload: {} });
    const [job] = await claimJobs({ db, workerId: "w", kinds: ["other.kind"], now: new Date(Date.now() + 1_000) });
    const outcome = await runJob({ job: job!, db, clock: { now: () => new Date() }, kinds: defaultJobKinds() });
    expect(outcome.kind === "failed" && outcome.failure).toMatchObject({
      errorClass: "permanent",
      error: 'no handler for job kind "other.kind" in this worker',
      retryAt: null,
    });
  });
});
