import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Db } from "@real-estate/db";
import { claimJobs, completeJobs, enqueueWebsiteEvent, enqueueWebsiteEvents } from "@real-estate/queue";
import { ZWebsiteEvent, type WebsiteEventInput } from "@real-estate/types";
import { fmt, log } from "../../lib/context";
import { createBenchTenants, openPlatformDb } from "../../lib/platform-db";
import { round } from "../../lib/stats";
import { noopEvent } from "./payload";

/** Mean milliseconds per call, split into validation, database round trips and the rest. */
export type Breakdown = { calls: number; totalMs: number; validateMs: number; databaseMs: number; otherMs: number };

/**
 * A client of the platform's own kind that reports how long each statement took in the driver.
 * The wake-up NOTIFY that follows an enqueue runs after the call has returned (fire and
 * forget), so it is not part of the call's time and not counted.
 */
function timedClient(url: string) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }), log: [{ emit: "event", level: "query" }] });
  const meter = { databaseMs: 0 };
  (client as unknown as { $on: (e: "query", fn: (ev: { duration: number; query: string }) => void) => void }).$on("query", (ev) => {
    if (!/^\s*SELECT pg_notify/.test(ev.query)) meter.databaseMs += ev.duration;
  });
  return { db: client as unknown as Db, meter, close: () => client.$disconnect() };
}

async function measure(calls: number, validate: (i: number) => void, run: (i: number) => Promise<unknown>, meter: { databaseMs: number }): Promise<Breakdown> {
  let totalMs = 0;
  let validateMs = 0;
  meter.databaseMs = 0;
  for (let i = 0; i < calls; i++) {
    const v = performance.now();
    validate(i);
    validateMs += performance.now() - v;
    const t = performance.now();
    await run(i);
    totalMs += performance.now() - t;
  }
  const per = (x: number) => round(x / calls, 3)!;
  return {
    calls,
    totalMs: per(totalMs),
    validateMs: per(validateMs),
    databaseMs: per(meter.databaseMs),
    otherMs: per(totalMs - validateMs - meter.databaseMs),
  };
}

/**
 * Where our queue's time goes, one sender, no contention: single and bulk enqueue, claim and
 * completion of batches of 50, each split into zod validation (measured on the same events),
 * database time (as the driver adapter reports it) and the rest (Prisma and JavaScript).
 */
export async function profileOurQueue(runId: string): Promise<Record<string, Breakdown>> {
  const p = await openPlatformDb("q_profile");
  const timed = timedClient(p.url);
  try {
    const [tenant] = await createBenchTenants(p.db, [`profile-${runId}`]);
    const tenantId = tenant!.tenantId;
    const single = Array.from({ length: 300 }, (_, i) => noopEvent(tenantId, i, `${runId}-ps`) as WebsiteEventInput);
    const bulk = Array.from({ length: 5 }, (_, b) => Array.from({ length: 1_000 }, (_, i) => noopEvent(tenantId, i, `${runId}-pb${b}`) as WebsiteEventInput));
    const out: Record<string, Breakdown> = {};
    out["single enqueue"] = await measure(
      single.length,
      (i) => ZWebsiteEvent.parse(single[i]),
      (i) => enqueueWebsiteEvent({ tenantId, event: single[i]!, db: timed.db }),
      timed.meter,
    );
    out["bulk enqueue (1,000 per call)"] = await measure(
      bulk.length,
      (b) => bulk[b]!.map((e) => ZWebsiteEvent.parse(e)),
      (b) => enqueueWebsiteEvents({ tenantId, events: bulk[b]!, db: timed.db }),
      timed.meter,
    );
    const claimed: Awaited<ReturnType<typeof claimJobs>>[] = [];
    out["claim 50 (claimJobs)"] = await measure(
      20,
      () => undefined,
      async () => claimed.push(await claimJobs({ workerId: "profile", limit: 50, db: timed.db })),
      timed.meter,
    );
    out["complete 50 (completeJobs)"] = await measure(
      20,
      () => undefined,
      (i) => completeJobs({ workerId: "profile", jobs: claimed[i] ?? [], db: timed.db }),
      timed.meter,
    );
    for (const [name, b] of Object.entries(out)) {
      log(
        `profile ours, ${name}: ${fmt(b.totalMs, 2)} ms per call = validation ${fmt(b.validateMs, 2)} + database ${fmt(b.databaseMs, 2)} + Prisma/JS ${fmt(b.otherMs, 2)}`,
      );
    }
    return out;
  } finally {
    await timed.close();
    await p.close();
  }
}
