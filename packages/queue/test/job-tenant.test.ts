import crypto from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { leadSubmitted } from "@real-estate/queue/testing";
import { classifyIngestionError, enqueueJobs, enqueueWebsiteEvent, enqueueWebsiteEvents, postgresErrorCode } from "../src";
import { useConnections, waitUntilBlocked } from "./support/connections";

// The guarantees the job table's key to Tenant gives (its foreign key, decisions 0043 and 0083),
// held on a real PostgreSQL, with two connections where it matters: no job for a tenant that does
// not exist, a deleted tenant's jobs deleted with it, and no orphan in either order of a race
// between an enqueue and the tenant's deletion.
const testDb = useTestDatabase("jobtenant");

const connect = useConnections(testDb);

async function countJobs(tenantId?: string): Promise<number> {
  const { db } = testDb();
  return db.ingestionJob.count(tenantId ? { where: { tenantId } } : {});
}

async function orphanJobs(): Promise<number> {
  const rows = await testDb().db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "IngestionJob" j WHERE NOT EXISTS (SELECT 1 FROM "Tenant" t WHERE t.id = j."tenantId")`;
  return rows[0]!.n;
}

const lead = (tenantId: string) => leadSubmitted(tenantId, { email: `${crypto.randomUUID()}@example.com` });

function expectUnknownTenant(error: unknown) {
  expect(postgresErrorCode(error)).toBe("23503");
  expect(String((error as Error).message)).toContain("IngestionJob_tenantId_fkey");
  expect(classifyIngestionError(error)).toBe("permanent");
}

describe("the job table's tenant key", () => {
  it("refuses an enqueue for a tenant that does not exist (single, bulk, any kind) and stores nothing", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await enqueueWebsiteEvent({ tenantId: t.tenantId, event: leadSubmitted(t.tenantId, { email: "kept@example.com" }) });
    const before = await countJobs();
    const unknown = crypto.randomUUID();

    const single = await enqueueWebsiteEvent({ tenantId: unknown, event: lead(unknown) }).catch((e: unknown) => e);
    expectUnknownTenant(single);
    const events = Array.from({ length: 50 }, (_, i) => leadSubmitted(unknown, { email: `bulk${i}@example.com` }));
    const bulk = await enqueueWebsiteEvents({ tenantId: unknown, events }).catch((e: unknown) => e);
    expectUnknownTenant(bulk);
    const jobs = await enqueueJobs(db, { tenantId: unknown, jobs: [{ kind: "email.deliver", payload: { id: 1 } }] }).catch((e: unknown) => e);
    expectUnknownTenant(jobs);
    expect(await countJobs(unknown)).toBe(0);
    expect(await countJobs()).toBe(before);
  });

  it("refuses a whole statement whose rows name one tenant that exists and one that does not", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const unknown = crypto.randomUUID();
    const client = await connect();
    const error = await client
      .query(
        `INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, "updatedAt")
         SELECT tenant, gen_random_uuid()::text, 'lead.submitted', '{}', now() FROM unnest($1::uuid[]) AS tenant`,
        [[t.tenantId, unknown, t.tenantId]],
      )
      .catch((e: unknown) => e);
    expect(postgresErrorCode(error)).toBe("23503");
    expect((error as pg.DatabaseError).constraint).toBe("IngestionJob_tenantId_fkey");
    expect((error as pg.DatabaseError).detail).toContain(unknown);
    expect(await countJobs(t.tenantId)).toBe(0);
  });

  it("deletes a deleted tenant's jobs and leaves another tenant's", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    for (const t of [a, b]) {
      await enqueueWebsiteEvents({ tenantId: t.tenantId, events: Array.from({ length: 20 }, () => lead(t.tenantId)) });
      await enqueueJobs(db, { tenantId: t.tenantId, jobs: [{ kind: "email.deliver", payload: {} }] });
    }
    await db.tenant.delete({ where: { id: a.tenantId } });
    expect(await countJobs(a.tenantId)).toBe(0);
    expect(await countJobs(b.tenantId)).toBe(21);
    expect(await orphanJobs()).toBe(0);
  });

  it("an enqueue whose transaction is open holds its tenant: the deletion waits, then deletes the committed jobs too", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const other = await createTenantFixture(db);
    await enqueueJobs(db, { tenantId: other.tenantId, jobs: [{ kind: "email.deliver", payload: {} }] });
    const deleter = await connect();
    const observer = await connect();
    const deleterPid = (await deleter.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    let deletion: Promise<unknown> | undefined;
    await db.$transaction(
      async (tx) => {
        await enqueueJobs(tx, { tenantId: t.tenantId, jobs: Array.from({ length: 10 }, (_, i) => ({ kind: "email.deliver", payload: { i } })) });
        deletion = deleter.query(`DELETE FROM "Tenant" WHERE id = $1::uuid`, [t.tenantId]);
        await waitUntilBlocked(observer, deleterPid);
      },
      { timeout: 20_000 },
    );
    await deletion;
    expect(await db.tenant.count({ where: { id: t.tenantId } })).toBe(0);
    expect(await countJobs(t.tenantId)).toBe(0);
    expect(await countJobs(other.tenantId)).toBe(1);
    expect(await orphanJobs()).toBe(0);
  });

  it("an enqueue that meets an uncommitted deletion of its tenant waits, then is refused and stores nothing", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const deleter = await connect();
    const observer = await connect();
    await deleter.query("BEGIN");
    await deleter.query(`DELETE FROM "Tenant" WHERE id = $1::uuid`, [t.tenantId]);
    const events = Array.from({ length: 10 }, () => lead(t.tenantId));
    const enqueue = enqueueWebsiteEvents({ tenantId: t.tenantId, events }).catch((e: unknown) => e);
    await waitUntilBlocked(observer);
    await deleter.query("COMMIT");
    expectUnknownTenant(await enqueue);
    expect(await countJobs(t.tenantId)).toBe(0);
    expect(await orphanJobs()).toBe(0);
  });
});
