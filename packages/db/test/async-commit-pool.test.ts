// The rate limits' pool (decision 0080): a small pool beside the app's, to the same database, whose
// connections commit without waiting for the WAL flush; the app's own connections keep durable
// commits. Found from any copy of the module (a Next.js server bundles it into several chunks).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing";

type ClientModule = typeof import("../src/client/create-client");

let testDb: TestDatabase;
let copyA: ClientModule;
let copyB: ClientModule;
let db: ReturnType<ClientModule["createPrismaClient"]> | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase("async-commit-pool");
  vi.resetModules();
  copyA = await import("../src/client/create-client");
  vi.resetModules();
  copyB = await import("../src/client/create-client");
});
afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

const setting = `SELECT current_setting('synchronous_commit') AS value, current_setting('application_name') AS name`;

describe("asyncCommitPoolOf", () => {
  it("is a pool of its own to the same database whose statements commit asynchronously, the app's pool untouched", async () => {
    db = copyA.createPrismaClient({ url: testDb.url, poolSize: 2, applicationName: "async-commit-pool" });
    const app = copyA.pgPoolOf(db)!;
    const pool = copyB.asyncCommitPoolOf(db);
    expect(pool).not.toBeNull();
    expect(pool).not.toBe(app);
    // One per client, whichever copy of the module asks.
    expect(copyA.asyncCommitPoolOf(db)).toBe(pool);
    expect(pool!.options.max).toBe(copyA.ASYNC_COMMIT_POOL_SIZE);

    expect((await pool!.query(setting)).rows).toEqual([{ value: "off", name: "async-commit-pool-async-commit" }]);
    // Every connection of it, not only the first.
    const both = await Promise.all([pool!.connect(), pool!.connect()]);
    for (const client of both) expect((await client.query(setting)).rows[0].value).toBe("off");
    for (const client of both) client.release();
    // The app's connections are not changed by it.
    expect((await app.query(setting)).rows).toEqual([{ value: "on", name: "async-commit-pool" }]);
    expect(await db.$queryRawUnsafe<{ value: string }[]>(`SELECT current_setting('synchronous_commit') AS value`)).toEqual([{ value: "on" }]);

    // A statement on it is committed by itself: another connection reads its row.
    await pool!.query({ text: "INSERT INTO rate_limit_count VALUES ($1, 7, $2)", values: ["rl:async-commit-pool:k", Date.now() + 60_000] });
    const other = new pg.Client({ connectionString: testDb.url });
    await other.connect();
    try {
      expect((await other.query(`SELECT points FROM rate_limit_count WHERE key = 'rl:async-commit-pool:k'`)).rows).toEqual([{ points: 7 }]);
    } finally {
      await other.end();
    }

    // Not for other objects; gone with the client's own pool.
    expect(copyB.asyncCommitPoolOf({})).toBeNull();
    await app.end();
    expect(copyB.asyncCommitPoolOf(db)).toBeNull();
    await vi.waitFor(() => expect(pool!.ended).toBe(true));
    db = undefined;
  });
});
