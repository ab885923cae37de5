import crypto from "node:crypto";
import type { WebsiteEventInput } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { enqueueWebsiteEvent } from "@real-estate/queue";
import { createManualClock, type ManualClock } from "../src/clock";
import { createMemoryLogger } from "@real-estate/http/logging";
import { createWorker, type WorkerOptions } from "../src/worker";

type Contact = { firstName?: string; lastName?: string; email?: string; phone?: string };

export function leadEvent(
  tenantId: string,
  contact: Contact,
  extra: { eventId?: string; message?: string; listingKey?: string; requestId?: string } = {},
): WebsiteEventInput {
  return {
    eventId: extra.eventId ?? crypto.randomUUID(),
    tenantId,
    occurredAt: new Date().toISOString(),
    type: "lead.submitted",
    source: { pageUrl: "https://example.test/contact", ...(extra.requestId ? { requestId: extra.requestId } : {}) },
    payload: { contact, ...(extra.message ? { message: extra.message } : {}), ...(extra.listingKey ? { listingKey: extra.listingKey } : {}) },
  };
}

export async function enqueue(db: Db, tenantId: string, contact: Contact, extra: Parameters<typeof leadEvent>[2] = {}) {
  const event = leadEvent(tenantId, contact, extra);
  const result = await enqueueWebsiteEvent({ db, tenantId, event });
  return { ...result, event };
}

/**
 * How far the test worker's clock starts ahead of the real time: jobs a test enqueues later (at the
 * database's time) must still be due when it drains. One second was too little on a loaded
 * machine: a test that enqueued again after more than a second drained nothing.
 */
const TEST_CLOCK_LEAD_MS = 30_000;

/** A worker on a manual clock TEST_CLOCK_LEAD_MS ahead of the database (so jobs enqueued during the test are due). */
export function testWorker(db: Db, options: Partial<WorkerOptions> = {}) {
  // The returned clock can only be advanced when the test did not bring its own.
  const clock = (options.clock ?? createManualClock(new Date(Date.now() + TEST_CLOCK_LEAD_MS))) as ManualClock;
  const logger = createMemoryLogger();
  const worker = createWorker({ db, concurrency: 4, batchSize: 10, leaseMs: 60_000, logger, random: () => 0.5, ...options, clock });
  return { worker, clock, logger };
}

export async function jobOf(db: Db, tenantId: string, eventId: string) {
  return db.ingestionJob.findUniqueOrThrow({ where: { tenantId_kind_eventId: { tenantId, kind: "website-event", eventId } } });
}

/** Polls `check` (every 25 ms) until it holds; throws after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
