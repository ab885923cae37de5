// An API key's lead list is read beside the key's count in the shared limit (decision 0120), on the
// real database with the PostgreSQL store: the count's row is held by another transaction, so the
// count waits, and the test looks at what the app's connections run meanwhile.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { createApiKey } from "@real-estate/crm";
import * as leadsRoute from "../app/api/leads/route";
import { call } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("api_read_beside_count");

// The store whose row the test holds (Redis, when configured, would count elsewhere).
delete process.env.REDIS_URL;

let a: Side;
let watcher: pg.Client;
beforeAll(async () => {
  ({ a } = await setUpTwoTenants(testDb().db));
  watcher = new pg.Client({ connectionString: testDb().url });
  await watcher.connect();
});
afterAll(async () => {
  await watcher?.end();
});

async function newKey(rateLimitPerMinute: number): Promise<{ key: string; row: string }> {
  const made = await createApiKey({ tenantId: a.tenantId, name: "beside", createdByUserId: a.owner.userId, rateLimitPerMinute });
  return { key: made.key, row: `rl:crm-api-key:${a.tenantId}|${made.apiKey.id}` };
}

const listLeads = (bearer: string) => call(leadsRoute.GET, { host: a.crmHost, path: "/api/leads?limit=2", creds: { bearer } });

/** The list's statement (decision 0063) as other sessions of this database last ran it, since `since`. */
async function listStatementsSince(since: Date): Promise<number> {
  const r = await watcher.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND query LIKE '%FROM "Lead" l%JOIN "Contact" c%' AND query_start >= $1`,
    [since],
  );
  return Number(r.rows[0]!.n);
}

/** Sessions waiting for a lock in a statement on the count's table. */
async function countsWaiting(): Promise<number> {
  const r = await watcher.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%rate_limit_count%'`,
  );
  return Number(r.rows[0]!.n);
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not seen within 20 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs `work` while another transaction holds the count's row; returns when it let go. */
async function withCountHeld<T>(row: string, work: (heldSince: Date) => Promise<T>): Promise<T> {
  const holder = new pg.Client({ connectionString: testDb().url });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    const held = await holder.query<{ n: string }>("SELECT count(*) AS n FROM (SELECT 1 FROM rate_limit_count WHERE key = $1 FOR UPDATE) r", [row]);
    expect(Number(held.rows[0]!.n)).toBe(1);
    const since = (await holder.query<{ at: Date }>("SELECT clock_timestamp() AS at")).rows[0]!.at;
    try {
      return await work(since);
    } finally {
      await holder.query("ROLLBACK");
    }
  } finally {
    await holder.end();
  }
}

/** A request on its way; `answered` tells whether its answer has come. */
function send(bearer: string): { answer: ReturnType<typeof listLeads>; answered: () => boolean } {
  let done = false;
  const answer = listLeads(bearer).finally(() => (done = true));
  return { answer, answered: () => done };
}

/** `key`'s request sent while its count's row is held: no list statement runs until the count goes on. */
function sentWithNoReadWhileCountHeld(row: string, key: string): Promise<ReturnType<typeof send>> {
  return withCountHeld(row, async (since) => {
    const request = send(key);
    await until(async () => (await countsWaiting()) === 1, "the count waiting for the held row");
    // Time for a read begun beside the count to show (it shows within milliseconds in the first test).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await listStatementsSince(since)).toBe(0);
    return request;
  });
}

describe("GET /api/leads with an API key: the page read beside the key's count", () => {
  it("reads the page while the count waits, answers only after the count, and counts the request once", async () => {
    const { key, row } = await newKey(100);
    // The key's row, as its first request would have made it (a window of a minute from now).
    await watcher.query("INSERT INTO rate_limit_count (key, points, expire) VALUES ($1, 0, $2)", [row, Date.now() + 60_000]);
    const request = await withCountHeld(row, async (since) => {
      const request = send(key);
      await until(async () => (await countsWaiting()) === 1, "the count waiting for the held row");
      await until(async () => (await listStatementsSince(since)) >= 1, "the list statement run while the count waits");
      expect(request.answered()).toBe(false);
      return request;
    });
    const answer = await request.answer;
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(2);
    expect(answer.headers.get("ratelimit-limit")).toBe("100");
    expect(answer.headers.get("ratelimit-remaining")).toBe("99");
    const points = await watcher.query<{ points: number }>("SELECT points FROM rate_limit_count WHERE key = $1", [row]);
    expect(points.rows[0]!.points).toBe(1);
  });

  it("a key over its limit gets 429 and no page; its next request in the window is counted before any read", async () => {
    const { key, row } = await newKey(1);
    expect((await listLeads(key)).status).toBe(200);
    const refused = await listLeads(key);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: "rate_limited" });
    expect(refused.body.items).toBeUndefined();
    const again = await sentWithNoReadWhileCountHeld(row, key);
    const answer = await again.answer;
    expect(answer.status).toBe(429);
    expect(answer.body.items).toBeUndefined();
  });

  it("CRM_API_READ_BESIDE_COUNT=off: the page is read after the count, as before", async () => {
    const { key, row } = await newKey(100);
    await watcher.query("INSERT INTO rate_limit_count (key, points, expire) VALUES ($1, 0, $2)", [row, Date.now() + 60_000]);
    process.env.CRM_API_READ_BESIDE_COUNT = "off";
    try {
      const request = await sentWithNoReadWhileCountHeld(row, key);
      const answer = await request.answer;
      expect(answer.status).toBe(200);
      expect(answer.body.items).toHaveLength(2);
    } finally {
      delete process.env.CRM_API_READ_BESIDE_COUNT;
    }
  });
});
