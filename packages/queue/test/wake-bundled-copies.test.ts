// A Next.js server bundles the queue into several chunks (each route's), each a copy of the module
// with its own state, while the database client is one per process. The wake-up NOTIFYs of one
// client are coalesced across every copy (decision 0065's reason, applied to wakeWorkers): at most
// one in flight, plus one more for the jobs committed while it was.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type Db } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";

type WakeModule = typeof import("../src/jobs/wake-workers");

let testDb: TestDatabase;
let db: Db;
let listener: pg.Client;
let copyA: WakeModule;
let copyB: WakeModule;
const received: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase("wake-bundled-copies");
  db = createPrismaClient({ url: testDb.url, poolSize: 2, applicationName: "wake-bundled-copies" });
  vi.resetModules();
  copyA = await import("../src/jobs/wake-workers");
  vi.resetModules();
  copyB = await import("../src/jobs/wake-workers");
  listener = new pg.Client({ connectionString: testDb.url });
  await listener.connect();
  listener.on("notification", (n) => received.push(n.channel));
  await listener.query(`LISTEN ${copyA.QUEUE_NOTIFY_CHANNEL}`);
});
afterAll(async () => {
  await listener?.end();
  await db?.$disconnect();
  await testDb?.drop();
});

describe("wakeWorkers across copies of the module", () => {
  it("sends one NOTIFY and one more for the wake-ups asked for while it was in flight, whichever copy asked", async () => {
    expect(copyA.wakeWorkers).not.toBe(copyB.wakeWorkers);
    // Four wake-ups at once from two chunks: the first sends, the other three ask for one more.
    copyA.wakeWorkers(db);
    copyB.wakeWorkers(db);
    copyA.wakeWorkers(db);
    copyB.wakeWorkers(db);
    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    // Whatever else was going to arrive has arrived by now (each NOTIFY takes milliseconds here).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(received).toEqual([copyA.QUEUE_NOTIFY_CHANNEL, copyA.QUEUE_NOTIFY_CHANNEL]);

    // Once they are sent, the next wake-up sends at once again.
    copyB.wakeWorkers(db);
    await vi.waitFor(() => expect(received).toHaveLength(3), { timeout: 10_000 });
  });
});
