// A process whose pooled connection is ended by the server while idle, before Prisma has
// connected (the hot paths use the pool directly), goes on: the pool replaces the connection.
// Without a listener on the pool, node-postgres's "error" event ends the process.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, pgPoolOf, type Db } from "../src";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let testDb: TestDatabase;
let db: Db;
let admin: pg.Client;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => void uncaught.push(error);

beforeAll(async () => {
  testDb = await createTestDatabase("pool-idle-error");
  admin = new pg.Client({ connectionString: testDb.url });
  await admin.connect();
  process.on("uncaughtException", onUncaught);
});
afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  await db?.$disconnect();
  await admin?.end();
  await testDb?.drop();
});

describe("the client's pool", () => {
  it("survives the server ending an idle connection before any Prisma query", async () => {
    db = createPrismaClient({ url: testDb.url, poolSize: 2, applicationName: "pool-idle-error" });
    const pool = pgPoolOf(db)!;
    expect(pool).not.toBeNull();
    const before = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const pid = before.rows[0]!.pid;

    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(" "));
    try {
      const ended = await admin.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [pid]);
      expect(ended.rows[0]!.ok).toBe(true);
      // The idle client sees its socket end; give the event loop time to deliver it.
      for (let i = 0; i < 50 && pool.totalCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      console.warn = warn;
    }
    expect(uncaught).toEqual([]);
    expect(pool.totalCount).toBe(0);
    expect(warnings.join("\n")).toMatch(/idle database connection ended/);

    // The next query opens a new connection and works, through the pool and through Prisma.
    const after = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    expect(after.rows[0]!.pid).not.toBe(pid);
    expect(await db.$queryRawUnsafe<{ one: number }[]>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("survives the server ending a checked-out connection idle in a transaction, with no listener of the holder's on it", async () => {
    const pool = pgPoolOf(db)!;
    const client = await pool.connect();
    await client.query("BEGIN");
    const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const ended = await admin.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [pid]);
      expect(ended.rows[0]!.ok).toBe(true);
      // The server's FATAL message arrives while no statement runs on the client.
      for (let i = 0; i < 50 && (client as unknown as { _queryable: boolean })._queryable; i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      console.warn = warn;
    }
    expect(uncaught).toEqual([]);
    // The holder learns of it at its next statement, and the pool drops the client on release.
    await expect(client.query("SELECT 1")).rejects.toThrow(/not queryable|terminat/i);
    client.release(true);
    const after = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    expect(after.rows[0]!.pid).not.toBe(pid);
  });
});
