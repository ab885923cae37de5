import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { claimJobs } from "../src";
import { CLAIM_SQL } from "../src/jobs/claim-jobs";
import { useConnections } from "./support/connections";

const testDb = useTestDatabase("queueclaimplan");
const connect = useConnections(testDb);

const PAYLOAD = JSON.stringify({
  version: 1,
  type: "lead.submitted",
  source: { pageUrl: "https://example.com/contact", utmSource: "test" },
  payload: { contact: { firstName: "Kept", lastName: "Job", email: "kept@example.com" }, message: "A job kept as the ledger after it ran" },
});

/**
 * A queue as it looks in production: completed jobs kept as the ledger, due ones, and statistics
 * on the table (autovacuum analyzes it as it grows).
 */
async function keptLedgerWithDueJobs(completed: number, due: number) {
  const { db } = testDb();
  const t = await createTenantFixture(db);
  const c = await connect();
  await c.query(`DELETE FROM "IngestionJob"`);
  await c.query(
    `INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, status, attempts, "completedAt", "nextAttemptAt", "createdAt", "updatedAt")
     SELECT $1::uuid, 'done-' || g, 'lead.submitted', $2::jsonb, 'COMPLETED', 1, now(), now() - interval '1 hour', now(), now()
       FROM generate_series(1, $3::int) g`,
    [t.tenantId, PAYLOAD, completed],
  );
  await c.query(
    `INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, "nextAttemptAt", "updatedAt")
     SELECT $1::uuid, 'due-' || g, 'lead.submitted', $2::jsonb, now() - interval '1 minute', now() FROM generate_series(1, $3::int) g`,
    [t.tenantId, PAYLOAD, due],
  );
  await c.query(`ANALYZE "IngestionJob"`);
  return { db, t };
}

describe("claimJobs on a table with kept completed jobs and statistics", () => {
  it("claims from a backlog without reading the whole table, however many claims the connection has prepared", async () => {
    await keptLedgerWithDueJobs(5_000, 20_000);
    // A connection of its own: the transaction's counters below are then the claims' alone.
    const c = await connect();
    const now = new Date(Date.now() + 1000).toISOString();
    const lease = new Date(Date.now() + 301_000).toISOString();
    await c.query("BEGIN");
    const claimed: string[] = [];
    // Past the fifth execution a prepared statement may switch to its generic plan.
    for (let i = 0; i < 8; i++) {
      const r = await c.query<{ id: string }>({ name: "claim", text: CLAIM_SQL, values: [now, 10, null, `w${i}`, lease] });
      claimed.push(...r.rows.map((row) => String(row.id)));
    }
    const stats = await c.query<{ seq: string; tup: string }>(
      `SELECT seq_scan::text AS seq, seq_tup_read::text AS tup FROM pg_stat_xact_user_tables WHERE relname = 'IngestionJob'`,
    );
    await c.query("ROLLBACK");
    expect(new Set(claimed).size).toBe(80);
    expect(stats.rows[0]).toEqual({ seq: "0", tup: "0" });
  });

  it("hands each due job, and no kept one, to exactly one of several concurrent workers", async () => {
    const { db, t } = await keptLedgerWithDueJobs(5_000, 40);
    const now = new Date(Date.now() + 1000);
    const claims = await Promise.all(["a", "b", "c", "d", "e"].map((workerId) => claimJobs({ workerId, limit: 10, now, db })));
    const jobs = claims.flat();
    expect(jobs).toHaveLength(40);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(40);
    expect(jobs.every((j) => j.eventId.startsWith("due-") && j.tenantId === t.tenantId && j.attempts === 1)).toBe(true);
    const running = await db.ingestionJob.count({ where: { tenantId: t.tenantId, status: "PROCESSING" } });
    expect(running).toBe(40);
    expect(await claimJobs({ workerId: "f", now, db })).toHaveLength(0);
  });
});
