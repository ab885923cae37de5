import crypto from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { leadSubmitted } from "@real-estate/queue/testing";
import { ZWebsiteEvent, type WebsiteEventInput } from "@real-estate/types";
import { enqueueWebsiteEvents, eventRequestHash, IdempotencyConflictError, QUEUE_NOTIFY_CHANNEL } from "../src";
import { useConnections, waitUntilBlocked } from "./support/connections";

// A bulk enqueue racing another request for one of its keys (the batch's statement waits on the
// key's unique index, decision 0086). These hold on a real PostgreSQL with a second connection
// holding one of the batch's keys in an open transaction: exactly one job per key, the answer
// naming the job that won, the 409 for another body, and one wake-up per batch that queued jobs.
const testDb = useTestDatabase("queuebulkrace");

const connect = useConnections(testDb);

/** Counts the wake-ups sent on the queue's channel from now on. */
async function listen(): Promise<{ count: () => Promise<number> }> {
  const client = await connect();
  let n = 0;
  client.on("notification", (m) => {
    if (m.channel === QUEUE_NOTIFY_CHANNEL) n++;
  });
  await client.query(`LISTEN "${QUEUE_NOTIFY_CHANNEL}"`);
  return {
    count: async () => {
      await client.query("SELECT 1"); // notifications committed before now have arrived
      await sleep(100);
      return n;
    },
  };
}

const lead = (tenantId: string, message?: string) => leadSubmitted(tenantId, { email: `${crypto.randomUUID()}@example.com` }, message ? { message } : {});

/** Inserts a job for `event`'s key in an open transaction of its own; returns its id. */
async function holdKey(holder: pg.Client, event: WebsiteEventInput): Promise<string> {
  const parsed = ZWebsiteEvent.parse(event);
  await holder.query("BEGIN");
  const r = await holder.query<{ id: string }>(
    `INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, "requestHash", "maxAttempts", "nextAttemptAt", "updatedAt")
     VALUES ($1::uuid, $2, $3, $4::jsonb, $5, 6, now(), now()) RETURNING id::text`,
    [parsed.tenantId, parsed.eventId, parsed.type, JSON.stringify(parsed), eventRequestHash(parsed)],
  );
  return r.rows[0]!.id;
}

describe("enqueueWebsiteEvents against a concurrent enqueue of one of its keys", () => {
  it("waits for it; when it commits, answers with its job and queues the rest, one job per key", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const events = Array.from({ length: 10 }, () => lead(t.tenantId));
    const holder = await connect();
    const observer = await connect();
    const heldId = await holdKey(holder, events[6]!);
    const wakeups = await listen();
    const enqueue = enqueueWebsiteEvents({ db, tenantId: t.tenantId, events });
    await waitUntilBlocked(observer);
    await holder.query("COMMIT");
    const results = await enqueue;
    expect(results.map((r) => r.eventId)).toEqual(events.map((e) => e.eventId));
    expect(results[6]).toEqual({ jobId: heldId, eventId: events[6]!.eventId, created: false });
    expect(results.filter((r) => r.created)).toHaveLength(9);
    expect(new Set(results.map((r) => r.jobId)).size).toBe(10);
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId } })).toBe(10);
    expect(await wakeups.count()).toBe(1); // one wake-up for the batch
  });

  it("queues the key itself when the other transaction rolls back", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const events = Array.from({ length: 10 }, () => lead(t.tenantId));
    const holder = await connect();
    const observer = await connect();
    await holdKey(holder, events[0]!);
    const enqueue = enqueueWebsiteEvents({ db, tenantId: t.tenantId, events });
    await waitUntilBlocked(observer);
    await holder.query("ROLLBACK");
    const results = await enqueue;
    expect(results.every((r) => r.created && r.jobId !== null)).toBe(true);
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId } })).toBe(10);
  });

  it("answers 409 for the key when the committed job was another request, and stores nothing for it", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const other = await createTenantFixture(db);
    const first = lead(t.tenantId, "first");
    const changed = { ...first, payload: { ...(first.payload as object), message: "second" } } as WebsiteEventInput;
    const events = [lead(t.tenantId), changed, lead(t.tenantId)];
    const holder = await connect();
    const observer = await connect();
    const heldId = await holdKey(holder, first);
    // the same key in another tenant is another key: queued at once, not held up
    const elsewhere = await enqueueWebsiteEvents({ db, tenantId: other.tenantId, events: [{ ...first, tenantId: other.tenantId }] });
    expect(elsewhere[0]!.created).toBe(true);
    const enqueue = enqueueWebsiteEvents({ db, tenantId: t.tenantId, events });
    await waitUntilBlocked(observer);
    await holder.query("COMMIT");
    const results = await enqueue;
    expect(results[1]!.conflict).toBeInstanceOf(IdempotencyConflictError);
    expect(results[1]!.jobId).toBeNull();
    expect([results[0]!.created, results[2]!.created]).toEqual([true, true]);
    const stored = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId, eventId: first.eventId } });
    expect(stored.map((j) => j.id.toString())).toEqual([heldId]);
  });

  it("sends one wake-up for a batch of new keys, and none for a batch whose keys are all queued", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const events = Array.from({ length: 50 }, () => lead(t.tenantId));
    const wakeups = await listen();
    const results = await enqueueWebsiteEvents({ db, tenantId: t.tenantId, events });
    expect(results.every((r) => r.created)).toBe(true);
    expect(await wakeups.count()).toBe(1);
    const again = await enqueueWebsiteEvents({ db, tenantId: t.tenantId, events });
    expect(again.map((r) => r.jobId)).toEqual(results.map((r) => r.jobId));
    expect(again.every((r) => !r.created)).toBe(true);
    expect(await wakeups.count()).toBe(1);
  });
});
