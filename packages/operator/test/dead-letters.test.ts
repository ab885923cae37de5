import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueWebsiteEvent, RedriveConflictError } from "@real-estate/queue";
import { failure } from "@real-estate/types/testing";
import {
  countMatchingDeadLetters,
  getAttemptTimes,
  getIngestionJob,
  getRedrive,
  getRedriveOutcome,
  listOperatorActions,
  listRedrives,
  maskPersonalData,
  revealJobPayload,
  runStudioRedrive,
  StudioError,
} from "../src";

const testDb = useTestDatabase("studio_deadletters");
const actor = { userId: "op-1", email: "operator@platform.example" };
type TestDb = ReturnType<typeof testDb>["db"];

async function deadLetter(db: TestDb, tenantId: string, error: string, type: "lead.submitted" | "valuation.requested" = "lead.submitted") {
  const event =
    type === "lead.submitted"
      ? {
          eventId: crypto.randomUUID(),
          tenantId,
          occurredAt: new Date().toISOString(),
          type,
          payload: { contact: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+12035550123" }, message: "Call me about 12 Elm St" },
        }
      : {
          eventId: crypto.randomUUID(),
          tenantId,
          occurredAt: new Date().toISOString(),
          type,
          payload: { contact: { email: "bob@example.com" }, property: { address: "12 Elm Street, Fairfield" } },
        };
  const jobId = (await enqueueWebsiteEvent({ tenantId, event })).jobId!;
  const now = new Date();
  await db.ingestionJob.update({
    where: { tenantId_id: { tenantId, id: BigInt(jobId) } },
    data: {
      status: "DEAD_LETTERED",
      attempts: 6,
      lastError: error,
      lastErrorClass: "transient",
      firstAttemptAt: new Date(now.getTime() - 3_600_000),
      lastAttemptAt: now,
      deadLetteredAt: now,
    },
  });
  return jobId;
}

describe("dead letters in the studio", () => {
  it("masks personal data but keeps the payload's shape", () => {
    const masked = maskPersonalData({
      type: "lead.submitted",
      payload: { contact: { firstName: "Ada", email: "ada@example.com", phone: "+1 (203) 555-0123" }, message: "Call me", listingKey: "FF-1" },
    }) as {
      payload: { contact: Record<string, string>; message: string; listingKey: string };
    };
    expect(masked.payload.contact.email).toBe("a••@••••.com");
    expect(masked.payload.contact.phone).toBe("•••••••••23");
    expect(masked.payload.contact.firstName).toBe("A••");
    expect(masked.payload.message).toBe("[masked text, 7 characters]");
    expect(masked.payload.listingKey).toBe("FF-1");
    expect(JSON.stringify(masked)).not.toMatch(/ada@|0123|Ada"/);
  });

  it("shows a tenant's job masked, reveals it only with an audit row, and hides other tenants' jobs", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "dl-a" });
    const b = await createTenantFixture(db, { slug: "dl-b" });
    const jobId = await deadLetter(db, a.tenantId, "CRM database unavailable");
    const job = await getIngestionJob({ tenantId: a.tenantId, jobId });
    expect(job).toMatchObject({ id: jobId, status: "DEAD_LETTERED", attempts: 6, lastError: "CRM database unavailable", tenant: { slug: "dl-a" } });
    expect(JSON.stringify(job.maskedPayload)).not.toContain("ada@example.com");
    expect(job).not.toHaveProperty("payload");
    const times = await getAttemptTimes({ jobs: [{ tenantId: a.tenantId, jobId }] });
    expect(times.get(jobId)?.firstAttemptAt).toBeInstanceOf(Date);

    for (const attempt of [
      () => getIngestionJob({ tenantId: b.tenantId, jobId }),
      () => revealJobPayload({ tenantId: b.tenantId, jobId, actor }),
      () => getIngestionJob({ tenantId: a.tenantId, jobId: "x1" }),
    ]) {
      expect((await failure(attempt(), StudioError)).status).toBe(404);
    }
    expect((await listOperatorActions({ action: "deadletter.reveal" })).rows).toHaveLength(0);
    const raw = (await revealJobPayload({ tenantId: a.tenantId, jobId, actor })) as { payload: { contact: { email: string } } };
    expect(raw.payload.contact.email).toBe("ada@example.com");
    const log = await listOperatorActions({ action: "deadletter.reveal" });
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toMatchObject({ tenantId: a.tenantId, targetId: jobId, actorEmail: actor.email });
    expect(JSON.stringify(log.rows[0]!.after)).not.toContain("ada@");
  });

  it("counts what a filter matches, re-drives it with progress and audit, and follows each job's outcome", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "dl-redrive" });
    const other = await createTenantFixture(db, { slug: "dl-other" });
    const timeouts = await Promise.all(Array.from({ length: 5 }, () => deadLetter(db, t.tenantId, "CRM database timeout after 5000 ms")));
    await deadLetter(db, t.tenantId, "invalid payload", "valuation.requested");
    await deadLetter(db, other.tenantId, "CRM database timeout after 5000 ms");
    expect(await countMatchingDeadLetters({ filter: { tenant: "dl-redrive", error: "timeout" } })).toBe(5);
    expect(await countMatchingDeadLetters({ filter: { tenant: "dl-redrive", eventType: "valuation.requested" } })).toBe(1);

    const progress: number[] = [];
    const result = await runStudioRedrive({
      selection: { all: true, filter: { tenant: "dl-redrive", error: "timeout" } },
      actor,
      onProgress: (p) => progress.push(p.requeued),
    });
    expect(result).toMatchObject({ matched: 5, requeued: 5, trackedJobs: 5, dryRun: false });
    expect(progress.at(-1)).toBe(5);
    const log = await listOperatorActions({ action: "deadletter.redrive" });
    expect(log.rows[0]).toMatchObject({ targetId: result.redriveId, actorEmail: actor.email });
    expect(((log.rows[0]!.after as { jobIds: string[] }).jobIds ?? []).sort()).toEqual([...timeouts].sort());
    expect(await db.ingestionJob.count({ where: { tenantId: other.tenantId, status: "DEAD_LETTERED" } })).toBe(1);

    // The worker's verdicts: two succeed, one dead-letters again, one fails and will retry, one waits.
    const [ok1, ok2, bad, retry] = timeouts.map(BigInt);
    await db.ingestionJob.updateMany({ where: { tenantId: t.tenantId, id: { in: [ok1!, ok2!] } }, data: { status: "COMPLETED", completedAt: new Date() } });
    await db.ingestionJob.update({
      where: { tenantId_id: { tenantId: t.tenantId, id: bad! } },
      data: { status: "DEAD_LETTERED", attempts: 6, deadLetteredAt: new Date() },
    });
    await db.ingestionJob.update({ where: { tenantId_id: { tenantId: t.tenantId, id: retry! } }, data: { attempts: 1 } });
    expect(await getRedriveOutcome({ jobIds: timeouts })).toEqual({
      tracked: 5,
      succeeded: 2,
      gone: 0,
      failedAgain: 1,
      retrying: 1,
      waiting: 1,
      processing: 0,
    });

    const listed = await listRedrives();
    expect(listed.rows[0]).toMatchObject({
      id: result.redriveId,
      origin: "studio",
      actor: actor.email,
      outcome: "completed",
      requeued: 5,
      jobs: { succeeded: 2, failedAgain: 1 },
    });
    const detail = await getRedrive({ redriveId: result.redriveId });
    expect(detail.jobList.map((j) => j.status)[0]).toBe("DEAD_LETTERED");
    expect(detail.jobList).toHaveLength(5);
    expect((await failure(getRedrive({ redriveId: "nope" }), StudioError)).status).toBe(404);
  });

  it("re-drives a selection by id, and refuses (audited) while another re-drive holds the jobs", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "dl-ids" });
    const [first, second] = await Promise.all([deadLetter(db, t.tenantId, "boom"), deadLetter(db, t.tenantId, "boom")]);
    const held = crypto.randomUUID();
    await db.redriveAudit.create({ data: { id: held, actor: "cli-user", origin: "cli", filter: {}, outcome: "running" } });
    await db.ingestionJob.update({ where: { tenantId_id: { tenantId: t.tenantId, id: BigInt(second!) } }, data: { redriveId: held } });
    const refused = await runStudioRedrive({ selection: { ids: [first!, second!] }, actor }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(RedriveConflictError);
    expect((await listOperatorActions({ action: "deadletter.redrive.failed" })).rows).toHaveLength(1);
    expect(await db.ingestionJob.count({ where: { tenantId: t.tenantId, status: "DEAD_LETTERED" } })).toBe(2);

    const one = await runStudioRedrive({ selection: { ids: [first!] }, actor });
    expect(one).toMatchObject({ matched: 1, requeued: 1, trackedJobs: 1 });
    expect((await db.ingestionJob.findUnique({ where: { tenantId_id: { tenantId: t.tenantId, id: BigInt(first!) } } }))?.status).toBe("PENDING");
  });
});
