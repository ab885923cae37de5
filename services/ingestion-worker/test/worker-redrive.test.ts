import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { PermanentIngestionError } from "@real-estate/queue";
import { listDeadLetters, requeueDeadLetters } from "@real-estate/queue";
import type { JobHandler } from "../src/run-job";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("workerredrive");

describe("re-driving dead letters through the worker", () => {
  it("re-drives exactly the filtered dead letters; each then succeeds with exactly one CRM effect", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const events = [
      await enqueue(db, a.tenantId, { email: "a1@example.com" }, { message: "crm down" }),
      await enqueue(db, a.tenantId, { email: "a2@example.com" }, { message: "crm down" }),
      await enqueue(db, a.tenantId, { email: "a3@example.com" }, { message: "bad listing" }),
      await enqueue(db, b.tenantId, { email: "b1@example.com" }, { message: "crm down" }),
    ];
    // Fail every event permanently, with the reason taken from its message.
    const broken: JobHandler = async (ctx) => {
      const message = (ctx.job.payload as { payload: { message: string } }).payload.message;
      throw new PermanentIngestionError(message === "crm down" ? "CRM unavailable for maintenance" : "listing does not exist");
    };
    const first = testWorker(db, { handlers: { "*": broken } });
    expect(await first.worker.drainOnce()).toEqual({ processed: 0, retried: 0, deadLettered: 4 });

    const filter = { tenant: a.slug, error: "maintenance" };
    const listed = await listDeadLetters({ db, filter });
    expect(listed.items.map((d) => d.eventId).sort()).toEqual([events[0]!.event.eventId, events[1]!.event.eventId].sort());
    const dry = await requeueDeadLetters({ db, selection: { all: true, filter }, dryRun: true, actor: "ops", origin: "cli" });
    expect(dry).toMatchObject({ matched: 2, requeued: 0 });
    expect(await db.ingestionJob.count({ where: { status: "DEAD_LETTERED" } })).toBe(4);

    const redrive = await requeueDeadLetters({ db, selection: { all: true, filter }, actor: "ops", origin: "cli" });
    expect(redrive).toMatchObject({ matched: 2, requeued: 2 });
    const fixed = testWorker(db);
    expect(await fixed.worker.drainOnce()).toEqual({ processed: 2, retried: 0, deadLettered: 0 });
    for (const e of events.slice(0, 2)) {
      expect(await db.activity.count({ where: { tenantId: a.tenantId, eventId: e.event.eventId } })).toBe(1);
      expect(await db.ingestedEvent.count({ where: { tenantId: a.tenantId, eventId: e.event.eventId } })).toBe(1);
    }
    expect(await db.activity.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(2);
    expect((await listDeadLetters({ db })).items.map((d) => d.eventId).sort()).toEqual([events[2]!.event.eventId, events[3]!.event.eventId].sort());
    const audits = await db.redriveAudit.findMany({ where: { actor: "ops" }, orderBy: { startedAt: "asc" } });
    expect(audits.map((x) => [x.dryRun, x.matched, x.requeued, x.outcome])).toEqual([
      [true, 2, 0, "completed"],
      [false, 2, 2, "completed"],
    ]);
  });

  it("a re-driven event whose effect was already applied completes without a second effect", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const { event } = await enqueue(db, t.tenantId, { email: "applied@example.com" });
    // The effect commits, then the handler fails: the job dead-letters although the ledger has it.
    const failsAfter: JobHandler = async (ctx) => {
      await ctx.process();
      throw new PermanentIngestionError("failed after applying");
    };
    expect((await testWorker(db, { handlers: { "*": failsAfter } }).worker.drainOnce()).deadLettered).toBe(1);
    await requeueDeadLetters({ db, selection: { all: true, filter: { tenant: t.tenantId } }, actor: "ops", origin: "studio" });
    const { worker, logger } = testWorker(db);
    expect((await worker.drainOnce()).processed).toBe(1);
    expect(logger.entries.find((e) => e.msg === "job")).toMatchObject({ eventId: event.eventId, outcome: "duplicate" });
    expect(await db.activity.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });
});
