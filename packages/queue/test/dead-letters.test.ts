import { describe, expect, it } from "vitest";
import pg from "pg";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import {
  claimJobs,
  countDeadLettersByError,
  enqueueWebsiteEvent,
  failJobs,
  listDeadLetters,
  planJobFailure,
  RedriveConflictError,
  releaseRedrive,
  requeueDeadLetters,
  UnknownTenantFilterError,
} from "../src";
import { PermanentIngestionError } from "../src";
import { leadSubmitted, valuationRequested } from "@real-estate/queue/testing";

const testDb = useTestDatabase("queuedead");

/** Enqueues an event and dead-letters it with `error` at `at` (through claim and fail, as a worker would). */
async function deadLetter(tenantId: string, error: string, at: Date, type: "lead" | "valuation" = "lead") {
  const { db } = testDb();
  const event = type === "lead" ? leadSubmitted(tenantId, { email: "dl@example.com" }) : valuationRequested(tenantId, { email: "dl@example.com" });
  const jobId = (await enqueueWebsiteEvent({ tenantId, event, db })).jobId!;
  await db.ingestionJob.updateMany({ where: { tenantId, id: BigInt(jobId) }, data: { nextAttemptAt: new Date(0) } });
  const [job] = await claimJobs({ workerId: "w", limit: 1, now: new Date(1000), db });
  if (job?.id !== jobId) throw new Error("claimed another job");
  await failJobs({ failures: [planJobFailure({ job, error: new PermanentIngestionError(error), now: at })], workerId: "w", now: at, db });
  return jobId;
}

async function setup() {
  const { db } = testDb();
  await db.$executeRaw`DELETE FROM "IngestionJob"`;
  const a = await createTenantFixture(db);
  const b = await createTenantFixture(db);
  const day = (d: number) => new Date(Date.UTC(2026, 0, d));
  const ids = {
    aTimeout1: await deadLetter(a.tenantId, "upstream Timeout while saving", day(1)),
    aTimeout2: await deadLetter(a.tenantId, "upstream timeout while saving", day(5), "valuation"),
    aInvalid: await deadLetter(a.tenantId, "invalid payload: contact.email: Invalid email", day(10)),
    bTimeout: await deadLetter(b.tenantId, "upstream timeout while saving", day(3)),
    b100pct: await deadLetter(b.tenantId, "quota 100% used", day(4)),
  };
  return { a, b, ids, day };
}

const sorted = (xs: string[]) => [...xs].sort((x, y) => Number(x) - Number(y));

describe("listDeadLetters and countDeadLettersByError", () => {
  it("filters by tenant slug or id, event type, error text and time window, newest first with a cursor", async () => {
    const { db } = testDb();
    const { a, b, ids, day } = await setup();
    const all = await listDeadLetters({ db });
    expect(all.items.map((d) => d.jobId)).toEqual([ids.aInvalid, ids.aTimeout2, ids.b100pct, ids.bTimeout, ids.aTimeout1]);
    expect((await listDeadLetters({ filter: { tenant: a.slug }, db })).items.map((d) => d.jobId)).toEqual([ids.aInvalid, ids.aTimeout2, ids.aTimeout1]);
    expect((await listDeadLetters({ filter: { tenant: b.tenantId }, db })).items.map((d) => d.tenantSlug)).toEqual([b.slug, b.slug]);
    expect((await listDeadLetters({ filter: { eventType: "valuation.requested" }, db })).items.map((d) => d.jobId)).toEqual([ids.aTimeout2]);
    expect(sorted((await listDeadLetters({ filter: { error: "TIMEOUT" }, db })).items.map((d) => d.jobId))).toEqual(
      sorted([ids.aTimeout1, ids.aTimeout2, ids.bTimeout]),
    );
    expect((await listDeadLetters({ filter: { error: "100%" }, db })).items.map((d) => d.jobId)).toEqual([ids.b100pct]);
    expect((await listDeadLetters({ filter: { error: "_" }, db })).items).toHaveLength(0);
    const window = await listDeadLetters({ filter: { since: day(3), until: day(5) }, db });
    expect(window.items.map((d) => d.jobId)).toEqual([ids.b100pct, ids.bTimeout]);
    const page1 = await listDeadLetters({ limit: 2, db });
    const page2 = await listDeadLetters({ limit: 2, cursor: page1.nextCursor, db });
    const page3 = await listDeadLetters({ limit: 2, cursor: page2.nextCursor, db });
    expect([...page1.items, ...page2.items, ...page3.items].map((d) => d.jobId)).toEqual(all.items.map((d) => d.jobId));
    expect(page3.nextCursor).toBeNull();
    await expect(listDeadLetters({ filter: { tenant: "no-such-tenant" }, db })).rejects.toBeInstanceOf(UnknownTenantFilterError);
  });

  it("groups by error, most frequent first", async () => {
    const { db } = testDb();
    const { a } = await setup();
    const counts = await countDeadLettersByError({ db });
    expect(counts[0]).toEqual({ error: "upstream timeout while saving", errorClass: "permanent", count: 2 });
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(5);
    expect(await countDeadLettersByError({ filter: { tenant: a.slug, error: "invalid" }, db })).toEqual([
      { error: "invalid payload: contact.email: Invalid email", errorClass: "permanent", count: 1 },
    ]);
  });
});

describe("requeueDeadLetters", () => {
  it("dry run counts the selection, changes no job and is audited", async () => {
    const { db } = testDb();
    const { a } = await setup();
    const before = await db.ingestionJob.findMany({ where: { status: "DEAD_LETTERED" }, orderBy: { id: "asc" } });
    const result = await requeueDeadLetters({
      selection: { all: true, filter: { tenant: a.slug, error: "timeout" } },
      dryRun: true,
      actor: "ops@example.com",
      origin: "cli",
      db,
    });
    expect(result).toMatchObject({ dryRun: true, matched: 2, requeued: 0 });
    expect(await db.ingestionJob.findMany({ where: { status: "DEAD_LETTERED" }, orderBy: { id: "asc" } })).toEqual(before);
    const audit = await db.redriveAudit.findUniqueOrThrow({ where: { id: result.redriveId } });
    expect(audit).toMatchObject({ actor: "ops@example.com", origin: "cli", dryRun: true, matched: 2, requeued: 0, outcome: "completed" });
    expect(audit.filter).toMatchObject({ selection: "all", tenant: a.slug, tenantId: a.tenantId, error: "timeout" });
  });

  it("requeues exactly the filtered dead letters (reset attempts, due now), in batches, with progress and an audit row", async () => {
    const { db } = testDb();
    const { ids } = await setup();
    const progress: number[] = [];
    const result = await requeueDeadLetters({
      selection: { all: true, filter: { error: "timeout" } },
      actor: "ops@example.com",
      origin: "studio",
      batchSize: 2,
      onProgress: (p) => progress.push(p.requeued),
      db,
    });
    expect(result).toMatchObject({ dryRun: false, matched: 3, requeued: 3 });
    expect(progress).toEqual([2, 3]);
    const requeued = await db.ingestionJob.findMany({ where: { status: "PENDING" } });
    expect(sorted(requeued.map((j) => j.id.toString()))).toEqual(sorted([ids.aTimeout1, ids.aTimeout2, ids.bTimeout]));
    for (const j of requeued) expect(j).toMatchObject({ attempts: 0, deadLetteredAt: null, redriveId: null, redriveCount: 1 });
    expect(await db.ingestionJob.count({ where: { status: "DEAD_LETTERED" } })).toBe(2);
    expect(await db.redriveAudit.findUniqueOrThrow({ where: { id: result.redriveId } })).toMatchObject({ outcome: "completed", matched: 3, requeued: 3 });
    const byId = await requeueDeadLetters({ selection: { ids: [ids.b100pct, ids.aTimeout1] }, actor: "ops", origin: "cli", db });
    expect(byId).toMatchObject({ matched: 1, requeued: 1 });
    expect(await db.ingestionJob.count({ where: { status: "DEAD_LETTERED" } })).toBe(1);
  });

  it("refuses a second re-drive on an overlapping set while the first runs, and audits the refusal", async () => {
    const { db } = testDb();
    const { a, ids } = await setup();
    const first = requeueDeadLetters({ selection: { all: true, filter: { tenant: a.slug } }, actor: "first", origin: "cli", ratePerSecond: 1, db });
    await new Promise((r) => setTimeout(r, 300));
    const second = await requeueDeadLetters({
      selection: { ids: [ids.aInvalid, ids.aTimeout1, ids.aTimeout2, ids.bTimeout] },
      actor: "second",
      origin: "studio",
      db,
    }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(RedriveConflictError);
    expect((second as Error).message).toMatch(/refused: 2 of the selected dead letters are held by re-drive/);
    expect(await db.ingestionJob.findFirstOrThrow({ where: { id: BigInt(ids.bTimeout) } })).toMatchObject({ status: "DEAD_LETTERED", redriveId: null });
    const refused = await db.redriveAudit.findFirstOrThrow({ where: { actor: "second" } });
    expect(refused).toMatchObject({ outcome: "refused", requeued: 0 });
    const done = await first;
    expect(done).toMatchObject({ matched: 3, requeued: 3 });
    // A re-drive that does not overlap goes ahead.
    expect(await requeueDeadLetters({ selection: { ids: [ids.bTimeout] }, actor: "third", origin: "cli", db })).toMatchObject({ requeued: 1 });
  });

  it("lets only one of two simultaneous overlapping re-drives through", async () => {
    const { db } = testDb();
    await setup();
    const run = (actor: string) => requeueDeadLetters({ selection: { all: true, filter: {} }, actor, origin: "cli", db }).catch((e: unknown) => e);
    const results = await Promise.all([run("x"), run("y")]);
    const ok = results.filter((r) => !(r instanceof Error));
    const requeued = ok.reduce((sum: number, r) => sum + (r as { requeued: number }).requeued, 0);
    expect(requeued).toBe(5);
    expect(await db.ingestionJob.count({ where: { status: "PENDING", redriveCount: 1 } })).toBe(5);
  });

  it("re-drives in one pass (one write per job) and refuses, changing nothing, while another single pass runs", async () => {
    const { db, url } = testDb();
    const { ids } = await setup();
    // Another single-pass re-drive in the middle of its UPDATE holds the re-drive lock.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock($1::bigint)", [0x52_45_44_52]);
      const refused = await requeueDeadLetters({ selection: { all: true }, actor: "late", origin: "cli", db }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RedriveConflictError);
      expect((refused as Error).message).toMatch(/another re-drive .* is requeueing dead letters right now/);
      expect(await db.ingestionJob.count({ where: { status: "DEAD_LETTERED" } })).toBe(5);
      expect(await db.redriveAudit.findFirstOrThrow({ where: { actor: "late" } })).toMatchObject({ outcome: "refused", requeued: 0, matched: 5 });
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    const progress: number[] = [];
    const done = await requeueDeadLetters({
      selection: { all: true, filter: { error: "timeout" } },
      actor: "ops",
      origin: "cli",
      onProgress: (p) => progress.push(p.requeued),
      db,
    });
    expect(done).toMatchObject({ matched: 3, requeued: 3 });
    expect(progress).toEqual([3]);
    const requeued = await db.ingestionJob.findMany({ where: { status: "PENDING" } });
    expect(sorted(requeued.map((j) => j.id.toString()))).toEqual(sorted([ids.aTimeout1, ids.aTimeout2, ids.bTimeout]));
    // Never marked with a re-drive id: the pass wrote each row once.
    for (const j of requeued) expect(j).toMatchObject({ attempts: 0, deadLetteredAt: null, redriveId: null, redriveCount: 1 });
  });

  it("releases the hold of a crashed re-drive", async () => {
    const { db } = testDb();
    const { ids } = await setup();
    const audit = await db.redriveAudit.create({ data: { actor: "crashed", origin: "cli", outcome: "running", filter: {} } });
    await db.ingestionJob.updateMany({ where: { id: BigInt(ids.aInvalid) }, data: { redriveId: audit.id } });
    await expect(requeueDeadLetters({ selection: { ids: [ids.aInvalid] }, actor: "ops", origin: "cli", db })).rejects.toBeInstanceOf(RedriveConflictError);
    expect(await releaseRedrive({ redriveId: audit.id, reason: "released by ops", db })).toBe(1);
    expect(await db.redriveAudit.findUniqueOrThrow({ where: { id: audit.id } })).toMatchObject({ outcome: "failed" });
    expect(await requeueDeadLetters({ selection: { ids: [ids.aInvalid] }, actor: "ops", origin: "cli", db })).toMatchObject({ requeued: 1 });
  });
});
