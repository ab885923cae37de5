// A job that gives back its slot early (ctx.release, a webhook once its receiver answered) lets the
// next job start while it records its outcome; it is still completed only when its handler settles,
// and a drain or a stop waits for it. Kinds that read ahead are told the jobs each claim hands over.
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { systemClock } from "../src/clock";
import type { JobHandler } from "../src/run-job";
import { websiteEventKind } from "../src/job-kinds";
import { enqueue, testWorker, waitFor } from "./helpers";

const testDb = useTestDatabase("worker_release");

describe("a job giving back its slot early", () => {
  it("starts the next job at once, completes each when its handler settles, and the drain waits for the last", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "worker-release" });
    for (let i = 0; i < 3; i++) await enqueue(db, t.tenantId, { email: `release${i}@example.com` });
    const started: string[] = [];
    const finishers: (() => void)[] = [];
    const recording: JobHandler = async (ctx) => {
      started.push(ctx.job.id);
      const result = await ctx.process();
      ctx.release();
      ctx.release(); // twice is harmless
      // "Recording" after the slot is given back: held until the test lets it go.
      await new Promise<void>((resolve) => finishers.push(resolve));
      return result;
    };
    const { worker } = testWorker(db, { clock: systemClock, concurrency: 1, batchSize: 3, handlers: { "*": recording } });
    let drained = false;
    const drain = worker.drainOnce().then((summary) => {
      drained = true;
      return summary;
    });
    // With one slot, all three run at once: each gave its slot back before finishing.
    await waitFor(() => started.length === 3);
    expect(drained).toBe(false);
    const status = async () => (await db.ingestionJob.findMany({ where: { tenantId: t.tenantId }, select: { status: true } })).map((j) => j.status);
    expect(await status()).toEqual(["PROCESSING", "PROCESSING", "PROCESSING"]);
    finishers.splice(0, 2).forEach((f) => f());
    await new Promise((r) => setTimeout(r, 200));
    expect(drained).toBe(false);
    finishers.forEach((f) => f());
    expect((await drain).processed).toBe(3);
    expect((await status()).sort()).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
  });

  it("a stop waits for jobs that gave back their slots", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "worker-release-stop" });
    await enqueue(db, t.tenantId, { email: "release-stop@example.com" });
    let finish!: () => void;
    let released = false;
    const handler: JobHandler = async (ctx) => {
      const result = await ctx.process();
      ctx.release();
      released = true;
      await new Promise<void>((resolve) => (finish = resolve));
      return result;
    };
    const { worker } = testWorker(db, { clock: systemClock, concurrency: 1, pollIntervalMs: 20, handlers: { "*": handler } });
    const running = worker.run();
    await waitFor(() => released);
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await running;
    expect((await db.ingestionJob.findFirstOrThrow({ where: { tenantId: t.tenantId } })).status).toBe("COMPLETED");
  });

  it("tells a kind that reads ahead which of its jobs each claim handed over", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "worker-read-ahead" });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await enqueue(db, t.tenantId, { email: `ahead${i}@example.com` })).event.eventId);
    const told: string[][] = [];
    const seenBeforeStart: boolean[] = [];
    const kinds = {
      "website-event": {
        ...websiteEventKind,
        claimed: ({ jobs }: { jobs: { eventId: string }[] }) => void told.push(jobs.map((j) => j.eventId)),
        handle: (ctx: Parameters<typeof websiteEventKind.handle>[0]) => {
          seenBeforeStart.push(told.flat().includes(ctx.job.eventId));
          return ctx.process();
        },
      },
    };
    const { worker } = testWorker(db, { kinds, batchSize: 2 });
    expect((await worker.drainOnce()).processed).toBe(4);
    expect(told.map((batch) => batch.length)).toEqual([2, 2]);
    expect(told.flat().sort()).toEqual([...ids].sort());
    expect(seenBeforeStart).toEqual([true, true, true, true]);
  });
});
