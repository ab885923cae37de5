// A Next.js server bundles packages/db into several chunks (its proxy's, each route's), each a copy
// of the module with its own state, while the shared client (getDb) is one per process. pgPoolOf
// in one copy must find the pool of a client another copy made: else the hot paths (the queue's
// enqueue, the rate limits' PostgreSQL store) silently fall back to Prisma or to process memory.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing";

type ClientModule = typeof import("../src/client/create-client");

let testDb: TestDatabase;
let copyA: ClientModule;
let copyB: ClientModule;
let db: ReturnType<ClientModule["createPrismaClient"]> | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase("pool-of-bundled-copies");
  vi.resetModules();
  copyA = await import("../src/client/create-client");
  vi.resetModules();
  copyB = await import("../src/client/create-client");
});
afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("pgPoolOf across copies of the module", () => {
  it("finds the pool of a client made by another copy, and none once that pool has ended", async () => {
    // Two evaluations of the module, as two chunks of one server hold them.
    expect(copyA).not.toBe(copyB);
    expect(copyA.pgPoolOf).not.toBe(copyB.pgPoolOf);

    db = copyA.createPrismaClient({ url: testDb.url, poolSize: 2, applicationName: "pool-of-bundled-copies" });
    const pool = copyB.pgPoolOf(db);
    expect(pool).not.toBeNull();
    expect(pool).toBe(copyA.pgPoolOf(db));
    // It is the client's own pool: a named prepared statement on it answers.
    const r = await pool!.query<{ one: number }>({ name: "pool_of_bundled_copies", text: "SELECT $1::int AS one", values: [1] });
    expect(r.rows).toEqual([{ one: 1 }]);
    expect(pool!.totalCount).toBeGreaterThan(0);

    // Another object is not a client of either copy.
    expect(copyB.pgPoolOf({})).toBeNull();

    await pool!.end();
    expect(copyB.pgPoolOf(db)).toBeNull();
    db = undefined;
  });
});
