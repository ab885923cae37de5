// Form rate limits shared by every instance of an app through Redis (127.0.0.1:6379 here, as on
// CI; REDIS_TEST_URL names another) or, by default, PostgreSQL (a database of this file's own,
// on TEST_DATABASE_URL's server, given the table by its migration in packages/db). Two limiters
// stand for two processes: they share nothing but the store (each PostgreSQL limiter has a pool
// of its own).
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter, type RateLimitPgPool } from "../src";
import { asyncCommitStore } from "../src/rate-limit/shared-rate-limiter";

const REDIS_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const uniqueName = () => `test-${crypto.randomBytes(6).toString("hex")}`;

/** Whether something accepts connections at the Redis address (a laptop may run none; CI always has one). */
async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(2_000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}
const withoutRedis = !process.env.CI && !(await reachable(REDIS_URL));
if (withoutRedis) console.warn(`shared rate limiter: nothing answers at ${REDIS_URL}: the two Redis checks are skipped (CI never skips them)`);

describe("shared rate limiter", () => {
  it.skipIf(withoutRedis)("counts one limit across instances through Redis, per key", async () => {
    const name = uniqueName();
    const one = createRateLimiter({ name, points: () => 3, durationSeconds: 60, redisUrl: REDIS_URL });
    const two = createRateLimiter({ name, points: () => 3, durationSeconds: 60, redisUrl: REDIS_URL });
    const results = [await one.hit("t1|1.2.3.4"), await two.hit("t1|1.2.3.4"), await one.hit("t1|1.2.3.4")];
    expect(results.every((r) => r.ok)).toBe(true);
    const over = await two.hit("t1|1.2.3.4");
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    if (!over.ok) expect(over.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await one.hit("t1|1.2.3.4")).ok).toBe(false);
    // Another tenant's bucket (or another address) is counted apart.
    expect((await two.hit("t2|1.2.3.4")).ok).toBe(true);
    expect((await one.hit("t1|5.6.7.8")).ok).toBe(true);
  });

  it("reports a limiter made without a store that was not meant to count in one process, and still counts", async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.join(" ")));
    try {
      const missing = createRateLimiter({ name: "no-store", points: () => 1, durationSeconds: 60, redisUrl: "", pgPool: undefined });
      createRateLimiter({ name: uniqueName(), points: () => 1, durationSeconds: 60, processOnly: true });
      expect(errors).toEqual([expect.stringMatching(/"no-store" has no shared store .* each instance allows the whole limit/)]);
      expect([(await missing.hit("k")).ok, (await missing.hit("k")).ok]).toEqual([true, false]);
    } finally {
      spy.mockRestore();
    }
  });

  it("counting in the process only, each limiter counts its own", async () => {
    const name = uniqueName();
    const one = createRateLimiter({ name, points: () => 2, durationSeconds: 60, processOnly: true });
    const two = createRateLimiter({ name, points: () => 2, durationSeconds: 60, processOnly: true });
    expect([await one.hit("k"), await one.hit("k"), await two.hit("k"), await two.hit("k")].every((r) => r.ok)).toBe(true);
    expect((await one.hit("k")).ok).toBe(false);
    expect((await two.hit("k")).ok).toBe(false);
  });

  it("keeps limiting in the process when Redis cannot be reached", async () => {
    const limiter = createRateLimiter({ name: uniqueName(), points: () => 2, durationSeconds: 60, redisUrl: "redis://127.0.0.1:1" });
    expect((await limiter.hit("k")).ok).toBe(true);
    expect((await limiter.hit("k")).ok).toBe(true);
    expect((await limiter.hit("k")).ok).toBe(false);
  });

  it("does not make requests wait while Redis stays unreachable", async () => {
    // Before the connection's state was consulted, each request waited in ioredis's queue through
    // its growing reconnect back-off: five hits took over 15 s in all.
    const limiter = createRateLimiter({ name: uniqueName(), points: () => 3, durationSeconds: 60, redisUrl: "redis://127.0.0.1:1" });
    await limiter.hit("k");
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // several refused reconnects
    const started = Date.now();
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await limiter.hit("k")).ok);
    expect(answers).toEqual([true, true, false, false, false, false, false, false, false, false]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("answers from the process's own count when Redis accepts the connection but never replies", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket)); // reads nothing, writes nothing
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const limiter = createRateLimiter({ name: uniqueName(), points: () => 2, durationSeconds: 60, redisUrl: `redis://127.0.0.1:${port}` });
      const started = Date.now();
      const answers = [(await limiter.hit("k")).ok, (await limiter.hit("k")).ok, (await limiter.hit("k")).ok];
      expect(answers).toEqual([true, true, false]);
      // Each hit is bounded by the command timeout (500 ms) or the connect timeout (1 s), not left hanging.
      expect(Date.now() - started).toBeLessThan(3 * 1_500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it.skipIf(withoutRedis)("a hit may carry its own limit (per API key) and tells what is left and when the window ends", async () => {
    const limiter = createRateLimiter({ name: uniqueName(), points: () => 100, durationSeconds: 60, redisUrl: REDIS_URL });
    const first = await limiter.hit("key-a", { points: 2 });
    expect(first).toMatchObject({ ok: true, limit: 2, remaining: 1 });
    expect(first.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(first.resetSeconds).toBeLessThanOrEqual(60);
    expect(await limiter.hit("key-a", { points: 2 })).toMatchObject({ ok: true, remaining: 0 });
    expect(await limiter.hit("key-a", { points: 2 })).toMatchObject({ ok: false, limit: 2, remaining: 0 });
    // The limiter's own limit for a key without one.
    expect(await limiter.hit("key-b")).toMatchObject({ ok: true, limit: 100, remaining: 99 });
  });

  describe("on PostgreSQL", () => {
    const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../db/prisma/migrations");
    const migration = fs.readdirSync(migrations).find((dir) => dir.endsWith("_rate_limit_count"));
    const databaseName = `re_test_ratelimit_${crypto.randomBytes(4).toString("hex")}`;
    const databaseUrl = () => {
      const url = new URL(ADMIN_URL);
      url.pathname = `/${databaseName}`;
      return url.toString();
    };
    const admin = async (sql: string, url = ADMIN_URL) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    };
    beforeAll(async () => {
      if (!migration) throw new Error("no rate_limit_count migration in packages/db");
      await admin(`CREATE DATABASE "${databaseName}"`);
      await admin(fs.readFileSync(path.join(migrations, migration, "migration.sql"), "utf8"), databaseUrl());
    }, 60_000);
    const pools: pg.Pool[] = [];
    const newPool = (url: string, max = 2) => {
      const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 2_000 });
      pool.on("error", () => {});
      pools.push(pool);
      return pool;
    };
    afterAll(async () => {
      await Promise.all(pools.map((pool) => pool.end()));
      await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    });

    it("two instances with pools of their own share one budget per key, counted in rate_limit_count", async () => {
      const name = uniqueName();
      const one = createRateLimiter({ name, points: () => 3, durationSeconds: 60, pgPool: newPool(databaseUrl()) });
      const two = createRateLimiter({ name, points: () => 3, durationSeconds: 60, pgPool: newPool(databaseUrl()) });
      const results = [await one.hit("t1|1.2.3.4"), await two.hit("t1|1.2.3.4"), await one.hit("t1|1.2.3.4")];
      expect(results.map((r) => r.ok)).toEqual([true, true, true]);
      expect(results.map((r) => r.remaining)).toEqual([2, 1, 0]);
      const over = await two.hit("t1|1.2.3.4");
      expect(over.ok).toBe(false);
      if (!over.ok) expect(over.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      if (!over.ok) expect(over.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await one.hit("t1|1.2.3.4")).ok).toBe(false);
      // Another tenant's bucket (or another address) is counted apart.
      expect((await two.hit("t2|1.2.3.4")).ok).toBe(true);
      expect((await one.hit("t1|5.6.7.8")).ok).toBe(true);
      // The count is the table's row (five hits on the first key), not a process's memory.
      const { rows } = await admin(`SELECT key, points FROM rate_limit_count WHERE key LIKE 'rl:${name}:%' ORDER BY key`, databaseUrl());
      expect(rows).toEqual([
        { key: `rl:${name}:t1|1.2.3.4`, points: 5 },
        { key: `rl:${name}:t1|5.6.7.8`, points: 1 },
        { key: `rl:${name}:t2|1.2.3.4`, points: 1 },
      ]);
    });

    it("concurrent hits from two instances add up exactly: the budget is never overspent", async () => {
      const name = uniqueName();
      const one = createRateLimiter({ name, points: () => 30, durationSeconds: 60, pgPool: newPool(databaseUrl(), 5) });
      const two = createRateLimiter({ name, points: () => 30, durationSeconds: 60, pgPool: newPool(databaseUrl(), 5) });
      const hits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).hit("t1|key")));
      expect(hits.filter((h) => h.ok)).toHaveLength(30);
      // Each accepted hit saw its own count: 29 left, 28 left, ... 0 left, once each.
      expect(
        hits
          .filter((h) => h.ok)
          .map((h) => h.remaining)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 30 }, (_, i) => i));
      const { rows } = await admin(`SELECT points FROM rate_limit_count WHERE key = 'rl:${name}:t1|key'`, databaseUrl());
      expect(rows).toEqual([{ points: 40 }]);
    });

    it("counts with commits that do not wait for the WAL flush, and gives the connection back as it came", async () => {
      // One connection: what the store leaves behind is what the app's next statement finds.
      const pool = newPool(databaseUrl(), 1);
      const store = asyncCommitStore(pool);
      const setting = `SELECT current_setting('synchronous_commit') AS value, txid_current_if_assigned() AS open`;
      expect(((await store.query({ text: setting })) as pg.QueryResult).rows).toEqual([{ value: "off", open: null }]);
      expect((await pool.query(setting)).rows).toEqual([{ value: "on", open: null }]);
      // A failing statement is rolled back: the connection is not left in a transaction, nor with the setting.
      await expect(store.query({ text: "SELECT 1 / $1::int AS x", values: [0] })).rejects.toThrow(/division by zero/);
      expect((await pool.query(setting)).rows).toEqual([{ value: "on", open: null }]);
      // What it wrote is committed: another connection reads it.
      await store.query({ text: "INSERT INTO rate_limit_count VALUES ($1, 7, $2)", values: [`rl:${uniqueName()}:k`, Date.now() + 60_000] });
      const { rows } = await admin(`SELECT count(*)::int AS n FROM rate_limit_count WHERE points = 7`, databaseUrl());
      expect(rows).toEqual([{ n: 1 }]);
    });

    it("counts in one round trip, keys with quotes and backslashes kept as given", async () => {
      const pool = newPool(databaseUrl(), 1);
      let roundTrips = 0;
      const counted: RateLimitPgPool = {
        connect: async () => {
          const client = await pool.connect();
          return {
            query: (q) => {
              roundTrips++;
              return typeof q === "string" ? client.query(q) : client.query(q);
            },
            release: (e) => client.release(e),
          };
        },
      };
      const name = uniqueName();
      const limiter = createRateLimiter({ name, points: () => 2, durationSeconds: 60, pgPool: counted });
      const key = "t1|o'brien\\$1 --";
      expect([(await limiter.hit(key)).remaining, (await limiter.hit(key)).remaining]).toEqual([1, 0]);
      expect(roundTrips).toBe(2);
      expect((await limiter.hit(key)).ok).toBe(false);
      const { rows } = await admin(`SELECT key, points FROM rate_limit_count WHERE key LIKE 'rl:${name}:%'`, databaseUrl());
      expect(rows).toEqual([{ key: `rl:${name}:${key}`, points: 3 }]);
      // A value it does not write as a literal goes as a parameter, in the transaction as before.
      const store = asyncCommitStore(counted);
      roundTrips = 0;
      const r = (await store.query({ text: "SELECT current_setting('synchronous_commit') AS s, $1::float8 AS x", values: [Infinity] })) as pg.QueryResult;
      expect(r.rows).toEqual([{ s: "off", x: Infinity }]);
      expect(roundTrips).toBe(3);
    });

    it("a new window starts once the last one ended", async () => {
      const name = uniqueName();
      const one = createRateLimiter({ name, points: () => 1, durationSeconds: 2, pgPool: newPool(databaseUrl()) });
      const two = createRateLimiter({ name, points: () => 1, durationSeconds: 2, pgPool: newPool(databaseUrl()) });
      expect((await one.hit("k")).ok).toBe(true);
      const refused = await two.hit("k");
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      await new Promise((resolve) => setTimeout(resolve, refused.retryAfterSeconds * 1_000 + 100));
      expect((await two.hit("k")).ok).toBe(true);
      expect((await one.hit("k")).ok).toBe(false);
    });

    it("keeps limiting in each process when PostgreSQL cannot be reached", async () => {
      const name = uniqueName();
      const unreachable = "postgresql://postgres@127.0.0.1:1/postgres";
      const one = createRateLimiter({ name, points: () => 2, durationSeconds: 60, pgPool: newPool(unreachable) });
      const two = createRateLimiter({ name, points: () => 2, durationSeconds: 60, pgPool: newPool(unreachable) });
      expect([await one.hit("k"), await one.hit("k")].map((r) => r.ok)).toEqual([true, true]);
      expect((await one.hit("k")).ok).toBe(false);
      // The other process has its own count meanwhile: limits loosen, nothing fails.
      expect([await two.hit("k"), await two.hit("k")].map((r) => r.ok)).toEqual([true, true]);
      expect((await two.hit("k")).ok).toBe(false);
    });
  });
});
