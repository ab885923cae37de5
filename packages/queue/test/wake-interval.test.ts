// Under a stream of enqueues from one client, the wake-up NOTIFYs are spaced at least
// the interval apart (each is a transaction of its own on the server), and the jobs
// committed last are still followed by one.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type Db } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { QUEUE_NOTIFY_CHANNEL, wakeWorkers } from "../src/jobs/wake-workers";

// Longer than the default, so the spacing shows above a NOTIFY's own round trip.
const INTERVAL_MS = 50;

let testDb: TestDatabase;
let db: Db;
let listener: pg.Client;
const heardAt: number[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase("wake-interval");
  db = createPrismaClient({ url: testDb.url, poolSize: 2, applicationName: "wake-interval" });
  listener = new pg.Client({ connectionString: testDb.url });
  await listener.connect();
  listener.on("notification", () => heardAt.push(performance.now()));
  await listener.query(`LISTEN ${QUEUE_NOTIFY_CHANNEL}`);
});
afterAll(async () => {
  await listener?.end();
  await db?.$disconnect();
  await testDb?.drop();
});

describe("wakeWorkers under a stream of wake-ups", () => {
  it("sends at most one NOTIFY per interval, and one after the last wake-up", async () => {
    const streamMs = 1_000;
    const started = performance.now();
    let lastAskedAt = started;
    // A wake-up on every turn of the event loop for streamMs, as many concurrent enqueues would ask.
    while (performance.now() - started < streamMs) {
      wakeWorkers(db, INTERVAL_MS);
      lastAskedAt = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await vi.waitFor(() => expect(heardAt.at(-1) ?? 0).toBeGreaterThan(lastAskedAt), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const count = heardAt.length;
    const asked = performance.now();
    // One at the start and at most one per interval after it (plus the trailing one).
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(Math.ceil(streamMs / INTERVAL_MS) + 2);
    // Once quiet for longer than the interval, a wake-up is sent at once.
    wakeWorkers(db, INTERVAL_MS);
    await vi.waitFor(() => expect(heardAt).toHaveLength(count + 1), { timeout: 10_000 });
    expect(heardAt.at(-1)! - asked).toBeLessThan(1_000);
  });
});
