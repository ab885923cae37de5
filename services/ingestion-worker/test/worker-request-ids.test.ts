// Jobs of every kind carry the id of the request that queued them into the worker's log lines,
// and jobs a job queues carry it on (decision 0026).
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { enqueueJobs } from "@real-estate/queue";
import { runWithRequestId } from "@real-estate/types/request-context";
import type { JobHandler } from "../src/job-kinds";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("q21workerreqid");

describe("request ids on non-website jobs", () => {
  it("logs the id of the request that queued a job, and of the job that queued a follow-up; none when no request was served", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    // As the app server runs a route: the route queues a job without naming the request.
    await runWithRequestId("edge-5d1f0c2a9b", () => enqueueJobs(db, { tenantId: a.tenantId, jobs: [{ kind: "report.build", payload: { n: 1 } }] }));
    // Queued outside any request (a scheduled sweep): no id.
    await enqueueJobs(db, { tenantId: b.tenantId, jobs: [{ kind: "report.build", payload: { n: 2 } }] });
    const handler: JobHandler = async (ctx) => {
      if (ctx.job.kind === "report.build") await enqueueJobs(ctx.db, { tenantId: ctx.job.tenantId, jobs: [{ kind: "report.send", payload: {} }] });
      return "done";
    };
    const { worker, logger } = testWorker(db, { handlers: { "*": handler } });
    // The two jobs, then the two follow-ups they queued.
    expect((await worker.drainOnce()).processed).toBe(4);

    const rows = await db.ingestionJob.findMany({
      where: { tenantId: { in: [a.tenantId, b.tenantId] } },
      select: { tenantId: true, kind: true, requestId: true },
      orderBy: [{ tenantId: "asc" }, { kind: "asc" }],
    });
    const byTenant = (tenantId: string) => rows.filter((r) => r.tenantId === tenantId).map((r) => [r.kind, r.requestId]);
    expect(byTenant(a.tenantId)).toEqual([
      ["report.build", "edge-5d1f0c2a9b"],
      ["report.send", "edge-5d1f0c2a9b"],
    ]);
    expect(byTenant(b.tenantId)).toEqual([
      ["report.build", null],
      ["report.send", null],
    ]);

    const lines = logger.entries.filter((e) => e.msg === "job");
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      if (line.tenantId === a.tenantId) expect(line.requestId, String(line.eventType)).toBe("edge-5d1f0c2a9b");
      else expect(line).not.toHaveProperty("requestId");
    }
  });

  it("keeps an id given by the caller and drops one that could break a log line", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await runWithRequestId("edge-outer", () =>
      Promise.all([
        enqueueJobs(db, { tenantId: t.tenantId, requestId: "job-given-1", jobs: [{ kind: "k.given", payload: {} }] }),
        enqueueJobs(db, { tenantId: t.tenantId, requestId: null, jobs: [{ kind: "k.none", payload: {} }] }),
        enqueueJobs(db, { tenantId: t.tenantId, requestId: "two words\n{}", jobs: [{ kind: "k.bad", payload: {} }] }),
      ]),
    );
    await runWithRequestId("bad id with spaces", () => enqueueJobs(db, { tenantId: t.tenantId, jobs: [{ kind: "k.ctxbad", payload: {} }] }));
    const rows = await db.ingestionJob.findMany({ where: { tenantId: t.tenantId }, select: { kind: true, requestId: true }, orderBy: { kind: "asc" } });
    expect(rows).toEqual([
      { kind: "k.bad", requestId: null },
      { kind: "k.ctxbad", requestId: null },
      { kind: "k.given", requestId: "job-given-1" },
      { kind: "k.none", requestId: null },
    ]);
  });
});
